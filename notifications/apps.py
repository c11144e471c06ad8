from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User


def unread_notifications(user: User) -> QuerySet[Any, Any]:
    """The notification centre's own rule, as a header count (`notifications.header`)."""
    from django.db.models import Count

    from notifications.models import Notification

    return (
        Notification.objects.owned_by(user)
        .unread()
        .order_by()
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from notifications import header

        header.register("unread_notifications", unread_notifications)
