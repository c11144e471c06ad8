"""Curation in the admin: the publishing workflow, verification, history, review moderation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet, URLField
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from accounts.http import signed_in_user
from catalog import models, services
from hub import audit, clock
from hub.admin_history import HistoryAdmin

if TYPE_CHECKING:
    from typing import Any

    from django.http import HttpRequest
    from django_stubs_ext import StrOrPromise

    from accounts.models import User
    from catalog.querysets import ToolQuerySet


class TermAdmin(TranslationAdmin):
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

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[models.Tool]
    ) -> list[tuple[str, StrOrPromise]]:
        return [("due", _("Not verified for 12 months")), ("never", _("Never verified"))]

    # The admin passes the model's own queryset; the stubs' base method takes any QuerySet.
    def queryset(  # type: ignore[override]
        self, request: HttpRequest, queryset: ToolQuerySet
    ) -> ToolQuerySet | None:
        if self.value() == "due":
            return queryset.due_for_review(clock.today())
        if self.value() == "never":
            return queryset.filter(last_verified__isnull=True)
        return queryset


# The audit action recorded when a tool reaches each status, by an admin action or the form.
STATUS_EVENTS: dict[str, str] = {
    models.Tool.Status.DRAFT: "tool_returned_to_draft",
    models.Tool.Status.IN_REVIEW: "tool_sent_to_review",
    models.Tool.Status.PUBLISHED: "tool_published",
    models.Tool.Status.ARCHIVED: "tool_archived",
}
NEW_TOOL_STATUSES: tuple[str, ...] = (models.Tool.Status.DRAFT, models.Tool.Status.IN_REVIEW)


class ToolAdminForm(forms.ModelForm):
    """The change form keeps to the publishing workflow (`Tool.may_move_to`).

    Without `catalog.publish_tool` the status is read-only; a status in the request all the same
    (a crafted POST), or a reverted history version in another status, is refused like a move
    the workflow does not allow.
    """

    # No Meta: the admin makes the form for the model with its fieldsets and field overrides.
    user: User | None = None  # set per request by ToolAdmin.get_form

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stored = models.Tool.objects.filter(pk=self.instance.pk).first()
        if "status" in self.fields:
            allowed = self._allowed_statuses()
            status = cast("forms.ChoiceField", self.fields["status"])
            choices = cast("list[tuple[str, StrOrPromise]]", status.choices)
            status.choices = [(value, label) for value, label in choices if value in allowed]

    def _allowed_statuses(self) -> tuple[str, ...]:
        if self.stored is None:
            return NEW_TOOL_STATUSES
        if self.user is None:  # a form ToolAdmin.get_form did not make: no move is allowed
            return (self.stored.status,)
        return (self.stored.status, *self.stored.next_statuses(self.user))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if "status" in self.fields:
            wanted = cleaned.get("status")
        else:
            wanted = self.data.get("status") or self.instance.status
        current = self.stored.status if self.stored else None
        if wanted and wanted != current and wanted not in self._allowed_statuses():
            raise forms.ValidationError(
                _(
                    "This tool cannot move to that status here. Drafts go to review; reviewed "
                    "tools are published or go back to draft; published tools are archived or go "
                    "back to draft. Publishing and archiving need the permission to publish."
                ),
                code="status_change",
            )
        return cleaned


@admin.register(models.Tool)
class ToolAdmin(TranslationAdmin, HistoryAdmin):
    form = ToolAdminForm
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
    actions = ["send_to_review", "publish", "archive", "return_to_draft", "mark_verified_today"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "provider", "summary", "description", "website"]}),
        (_("Status"), {"fields": ["status", "maturity", "last_verified", "published_at"]}),
        (_("Facets"), {"fields": tuple(filter_horizontal)}),
        (_("Considerations"), {"fields": ["data_protection_notes", "human_rights_notes"]}),
        (_("Reviews"), {"fields": ["rating_average", "rating_count", "updated_at"]}),
    ]

    def get_form(
        self,
        request: HttpRequest,
        obj: models.Tool | None = None,
        change: bool = False,
        **kwargs: Any,
    ) -> type[forms.ModelForm[models.Tool]]:
        # By name: modeltranslation's get_form takes `change` only as a keyword.
        form = cast("type[ToolAdminForm]", super().get_form(request, obj, change=change, **kwargs))
        form.user = signed_in_user(request)  # a new class per request (modelform_factory)
        return form

    def get_readonly_fields(
        self, request: HttpRequest, obj: models.Tool | None = None
    ) -> list[str]:
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields.append("status")
        return fields

    def save_model(
        self,
        request: HttpRequest,
        obj: models.Tool,
        form: forms.ModelForm[models.Tool],
        change: bool,
    ) -> None:
        moved = change and "status" in form.changed_data
        if moved:
            obj._change_reason = STATUS_EVENTS[obj.status]
        super().save_model(request, obj, form, change)
        if moved:
            audit.record(STATUS_EVENTS[obj.status], request=request, target=obj)

    def _move(self, request: HttpRequest, queryset: QuerySet, status: str) -> None:
        moved = refused = 0
        for tool in queryset.exclude(status=status):
            try:
                tool.move_to(status, by=signed_in_user(request), reason=STATUS_EVENTS[status])
            except models.InvalidStatusChangeError:
                refused += 1
                continue
            audit.record(STATUS_EVENTS[status], request=request, target=tool)
            moved += 1
        self.message_user(
            request,
            ngettext("%(count)d tool updated.", "%(count)d tools updated.", moved)
            % {"count": moved},
            messages.SUCCESS,
        )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d tool was not moved: the workflow does not allow it from its status.",
                    "%(count)d tools were not moved: the workflow does not allow it from their "
                    "status.",
                    refused,
                )
                % {"count": refused},
                messages.WARNING,
            )

    @admin.action(description=_("Send to review"), permissions=["change"])
    def send_to_review(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._move(request, queryset, models.Tool.Status.IN_REVIEW)

    @admin.action(description=_("Publish"), permissions=["publish"])
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._move(request, queryset, models.Tool.Status.PUBLISHED)

    @admin.action(description=_("Archive"), permissions=["publish"])
    def archive(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._move(request, queryset, models.Tool.Status.ARCHIVED)

    @admin.action(description=_("Back to draft"), permissions=["change"])
    def return_to_draft(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._move(request, queryset, models.Tool.Status.DRAFT)

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
    # A review's own page: Publish and Decline buttons next to Save (see response_change).
    change_form_template = "admin/catalog/toolreview/change_form.html"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # reviews come from members

    def _moderate(self, request: HttpRequest, queryset: QuerySet, *, publish: bool) -> None:
        chosen = len(queryset)
        done = sum(
            services.moderate_review(
                review, publish=publish, by=signed_in_user(request), note=review.moderation_note,
                request=request,
            )
            for review in queryset.filter(status=models.ToolReview.Status.PENDING)
        )  # fmt: skip
        text = (
            ngettext("%(count)d review published.", "%(count)d reviews published.", done)
            if publish
            else ngettext("%(count)d review declined.", "%(count)d reviews declined.", done)
        ) % {"count": done}
        if skipped := chosen - done:
            text += " " + ngettext(
                "%(count)d was not waiting for moderation and was left as it was; open it to "
                "change it.",
                "%(count)d were not waiting for moderation and were left as they were; open "
                "one to change it.",
                skipped,
            ) % {"count": skipped}
        self.message_user(request, text, messages.SUCCESS if done else messages.WARNING)

    def response_change(self, request: HttpRequest, obj: models.ToolReview) -> HttpResponse:
        """Publish or Decline on the review's own page; say exactly what changed."""
        publish, decline = "_publish" in request.POST, "_decline" in request.POST
        if not (publish or decline):
            return super().response_change(request, obj)
        statuses = models.ToolReview.Status
        before = obj.status
        after = statuses.PUBLISHED if publish else statuses.DECLINED
        if before == after:
            text = (
                _("This review was already published. Nothing changed; your note is saved.")
                if publish
                else _("This review was already declined. Nothing changed; your note is saved.")
            )
            self.message_user(request, text, messages.WARNING)
            return HttpResponseRedirect(request.path)
        done = services.moderate_review(
            obj,
            publish=publish,
            by=signed_in_user(request),
            note=obj.moderation_note,
            request=request,
            from_statuses=(before,),
        )
        if not done:
            obj.refresh_from_db()
            self.message_user(
                request,
                _("Someone else moderated this review meanwhile: it is %(status)s. Nothing "
                  "changed.") % {"status": obj.get_status_display().lower()},
                messages.WARNING,
            )  # fmt: skip
        elif before == statuses.PUBLISHED:
            self.message_user(
                request,
                _("This review was published; now it is declined. Members no longer see it, the "
                  "tool's rating no longer counts it, and its author has been told."),
                messages.SUCCESS,
            )  # fmt: skip
        elif before == statuses.DECLINED:
            self.message_user(
                request,
                _("This review was declined; now it is published. Members see it on the tool "
                  "page, and its author has been told."),
                messages.SUCCESS,
            )  # fmt: skip
        elif publish:
            self.message_user(
                request,
                _("Review published. Members see it on the tool page, and its author has been "
                  "told."),
                messages.SUCCESS,
            )  # fmt: skip
        else:
            self.message_user(
                request,
                _("Review declined. Members do not see it, and its author has been told, with "
                  "your note if you wrote one."),
                messages.SUCCESS,
            )  # fmt: skip
        return HttpResponseRedirect(request.path)

    @admin.action(description=_("Publish the selected reviews"), permissions=["change"])
    def publish_reviews(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._moderate(request, queryset, publish=True)

    @admin.action(description=_("Decline the selected reviews"), permissions=["change"])
    def decline_reviews(self, request: HttpRequest, queryset: QuerySet) -> None:
        self._moderate(request, queryset, publish=False)
