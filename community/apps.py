from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User


def unread_messages(user: User) -> QuerySet[Any, Any]:
    """Unread messages across the member's conversations, as a header count
    (`notifications.header`: counted in the same query as the notifications)."""
    from django.db.models import Sum

    from community.models import Participant

    return (
        Participant.objects.owned_by(user)
        .filter(unread__gt=0)
        .order_by()
        .values("user")
        .annotate(n=Sum("unread"))
        .values("n")
    )


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from notifications import header

        header.register("unread_messages", unread_messages)
