from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from hub.audit import record
from notifications.models import Notification
from notifications.tasks import retry_failed

if TYPE_CHECKING:
    from django.db.models import Model
    from django.http import HttpRequest
    from django_stubs_ext import StrOrPromise

    from notifications.models import NotificationQuerySet


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(
        self, request: HttpRequest, model_admin: admin.ModelAdmin[Notification]
    ) -> list[tuple[str, StrOrPromise]]:
        return [("pending", _("Pending")), ("sent", _("Sent")), ("failed", _("Failed"))]

    # The admin passes the model's own queryset; the stubs' base method takes any QuerySet.
    def queryset(  # type: ignore[override]
        self, request: HttpRequest, queryset: NotificationQuerySet
    ) -> NotificationQuerySet | None:
        if self.value() == "sent":
            return queryset.filter(sent_at__isnull=False)
        if self.value() == "failed":
            return queryset.failed()
        if self.value() == "pending":
            return queryset.undelivered().filter(~Q(channel=Notification.Channel.IN_APP))
        return queryset


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """The outbox, read-only: what was sent to whom, what is waiting and what failed.

    The one change an administrator can make is to retry failed emails.
    """

    list_display = ["kind", "to_email", "channel", "status", "attempts", "created_at", "sent_at"]
    list_filter = [StatusFilter, "channel", "kind"]
    search_fields = ["to_email", "kind", "subject", "idempotency_key"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    list_select_related = False
    actions = ["retry"]
    fields = (
        "public_id",
        "idempotency_key",
        "kind",
        "channel",
        "recipient",
        "to_email",
        "language",
        "subject",
        "body_text",
        "url",
        "created_at",
        "not_before",
        "claimed_at",
        "sent_at",
        "failed_at",
        "attempts",
        "last_error",
        "read_at",
    )
    readonly_fields = fields
    raw_id_fields = ["recipient"]

    def get_fields(self, request: HttpRequest, obj: Notification | None = None) -> tuple[str, ...]:
        # A confirmation or reset link would let whoever reads it act as the recipient.
        hidden = {"body_text"} if obj is not None and obj.holds_secret_link else set()
        return tuple(str(name) for name in self.fields if name not in hidden)

    @admin.display(description=_("status"))
    def status(self, obj: Notification) -> StrOrPromise:
        if obj.channel == Notification.Channel.IN_APP:
            return _("notification centre only")
        return {"sent": _("sent"), "failed": _("failed"), "pending": _("pending")}[obj.status]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_retry_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("notifications.change_notification")

    @admin.action(description=_("Retry the selected failed emails"), permissions=["retry"])
    def retry(self, request: HttpRequest, queryset: NotificationQuerySet) -> None:
        ids = retry_failed(queryset)
        record("notifications.retried", request=request, notifications=ids)
        self.message_user(
            request,
            ngettext(
                "%(count)d failed email is queued again.",
                "%(count)d failed emails are queued again.",
                len(ids),
            )
            % {"count": len(ids)},
            messages.SUCCESS if ids else messages.WARNING,
        )
