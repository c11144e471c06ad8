"""The header's two unread counts — notifications and community messages — in one query.

The header shows both on every page. Counted apart they would cost every page a query more
than before the community existed, so this processor (listed after
`notifications.context_processors.unread`) gives both: one statement with a scalar subquery
each, run at most once per request and only if a template shows either count. The
notifications count is `Notification.objects.owned_by(user).unread()`, the notification
centre's own rule; the processor it replaces stays lazy and is never evaluated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.functional import SimpleLazyObject, cached_property

from community.models import Participant
from notifications.models import Notification

if TYPE_CHECKING:
    from django.http import HttpRequest


class HeaderCounts:
    """Both counts from one query, made the first time either is read."""

    def __init__(self, user: object) -> None:
        self.user = user

    @cached_property
    def _both(self) -> tuple[int, int]:
        notifications = (
            Notification.objects.owned_by(self.user)
            .unread()
            .order_by()
            .values("recipient")
            .annotate(n=Count("pk"))
            .values("n")
        )
        messages = (
            Participant.objects.filter(user=OuterRef("pk"), unread__gt=0)
            .order_by()
            .values("user")
            .annotate(n=Sum("unread"))
            .values("n")
        )
        row = (
            get_user_model()
            .objects.filter(pk=self.user.pk)
            .annotate(
                header_notifications=Coalesce(
                    Subquery(notifications), Value(0), output_field=IntegerField()
                ),
                header_messages=Coalesce(Subquery(messages), Value(0), output_field=IntegerField()),
            )
            .values_list("header_notifications", "header_messages")
            .first()
        )
        return row or (0, 0)

    def notifications(self) -> int:
        return self._both[0]

    def messages(self) -> int:
        return self._both[1]


def unread(request: HttpRequest) -> dict:
    """`unread_notifications` and `unread_messages` for the header (see the module's note)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active_member:
        return {"unread_notifications": 0, "unread_messages": 0}
    counts = HeaderCounts(user)
    return {
        "unread_notifications": SimpleLazyObject(counts.notifications),
        "unread_messages": SimpleLazyObject(counts.messages),
    }
