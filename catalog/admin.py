"""Curation in the admin: the publishing workflow, verification, history, review moderation."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet, URLField
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from catalog import models, services
from hub import audit, clock
from hub.admin_history import HistoryAdmin


class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


for term_model in (
    models.Capability,
    models.InvestigationStage,
    models.DataType,
    models.Deployment,
    models.Licence,
    models.Language,
    models.Platform,
    models.Country,
):
    admin.site.register(term_model, TermAdmin)


@admin.register(models.Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "website", "law_enforcement_contact"]
    search_fields = ["name"]
    # A website typed without a scheme is taken as https://, Django 6's default.
    formfield_overrides = {URLField: {"assume_scheme": "https"}}


class DueForReviewFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [("due", _("Not verified for 12 months")), ("never", _("Never verified"))]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.due_for_review(clock.today())
        if self.value() == "never":
            return queryset.filter(last_verified__isnull=True)
        return queryset


@admin.register(models.Tool)
class ToolAdmin(HistoryAdmin):
    list_display = ["name", "provider", "status", "maturity", "last_verified", "rating_count"]
    formfield_overrides = ProviderAdmin.formfield_overrides
    list_filter = [
        "status",
        "maturity",
        DueForReviewFilter,
        "licences",
        "deployments",
        "capabilities",
        "provider",
    ]
    list_select_related = ["provider"]
    search_fields = ["name", "slug", "summary", "provider__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["provider"]
    filter_horizontal = [field for _param, field, _label in models.Tool.FACETS]
    readonly_fields = ["published_at", "rating_average", "rating_count", "updated_at"]
    actions = ["send_to_review", "publish", "archive", "mark_verified_today"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "provider", "summary", "description", "website"]}),
        (_("Status"), {"fields": ["status", "maturity", "last_verified", "published_at"]}),
        (_("Facets"), {"fields": filter_horizontal}),
        (_("Considerations"), {"fields": ["data_protection_notes", "human_rights_notes"]}),
        (_("Reviews"), {"fields": ["rating_average", "rating_count", "updated_at"]}),
    ]

    def _move(self, request, queryset: QuerySet, status: str, action: str) -> None:
        moved = 0
        for tool in queryset.exclude(status=status):
            tool.status = status
            tool._change_reason = action  # shown in the tool's history, with who did it
            tool._history_user = request.user
            tool.save()
            audit.record(action, request=request, target=tool)
            moved += 1
        self.message_user(
            request,
            ngettext("%(count)d tool updated.", "%(count)d tools updated.", moved)
            % {"count": moved},
            messages.SUCCESS,
        )

    @admin.action(description=_("Send to review"), permissions=["change"])
    def send_to_review(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._move(request, queryset, models.Tool.Status.IN_REVIEW, "tool_sent_to_review")

    @admin.action(description=_("Publish"), permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._move(request, queryset, models.Tool.Status.PUBLISHED, "tool_published")

    @admin.action(description=_("Archive"), permissions=["publish"])
    def archive(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._move(request, queryset, models.Tool.Status.ARCHIVED, "tool_archived")

    @admin.action(description=_("Mark verified today"), permissions=["change"])
    def mark_verified_today(self, request: HttpRequest, queryset: QuerySet) -> None:
        today = clock.today()
        for tool in queryset:
            tool.last_verified = today
            tool._change_reason = "verified"
            tool._history_user = request.user
            tool.save()
            audit.record("tool_verified", request=request, target=tool)
        self.message_user(
            request,
            ngettext(
                "%(count)d tool marked verified today.",
                "%(count)d tools marked verified today.",
                len(queryset),
            )
            % {"count": len(queryset)},
            messages.SUCCESS,
        )

    def has_publish_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("catalog.publish_tool")


@admin.register(models.ToolReview)
class ToolReviewAdmin(admin.ModelAdmin):
    list_display = ["tool", "rating", "status", "created_at", "moderated_at"]
    list_filter = ["status", "rating"]
    list_select_related = ["tool"]
    search_fields = ["tool__name", "context", "what_worked", "limits"]
    readonly_fields = ["tool", "rating", "context", "what_worked", "limits", "created_at",
                       "moderated_at", "status"]  # fmt: skip
    fields = [*readonly_fields, "moderation_note"]
    actions = ["publish_reviews", "decline_reviews"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # reviews come from members

    def _moderate(self, request, queryset: QuerySet, *, publish: bool) -> None:
        done = sum(
            services.moderate_review(
                review, publish=publish, by=request.user, note=review.moderation_note,
                request=request,
            )
            for review in queryset.filter(status=models.ToolReview.Status.PENDING)
        )  # fmt: skip
        self.message_user(
            request,
            ngettext("%(count)d review moderated.", "%(count)d reviews moderated.", done)
            % {"count": done},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish the selected reviews"), permissions=["change"])
    def publish_reviews(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._moderate(request, queryset, publish=True)

    @admin.action(description=_("Decline the selected reviews"), permissions=["change"])
    def decline_reviews(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._moderate(request, queryset, publish=False)
