from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
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


def tool_page_annotations(user: User | AnonymousUser) -> dict[str, Any]:
    """The tool page's "N members have used this — ask them" (`catalog.tool_page`), folded
    into its tool query: how many listed members say they used the tool, and whether the
    visitor's own profile does. `members_who_used` reads them."""
    from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
    from django.db.models.functions import Coalesce

    from community.models import Profile

    listed = (
        Profile.objects.listed()
        .filter(tools=OuterRef("pk"))
        .order_by()
        .values("tools")
        .annotate(n=Count("pk"))
        .values("n")
    )
    mine = (
        Exists(Profile.objects.owned_by(user).filter(tools=OuterRef("pk")))
        if user.is_authenticated
        else Value(False)
    )
    return {
        "community_used_count": Coalesce(Subquery(listed), Value(0), output_field=IntegerField()),
        "community_used_mine": mine,
    }


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self) -> None:
        from catalog import tool_page
        from notifications import header

        header.register("unread_messages", unread_messages)
        tool_page.register(tool_page_annotations)
