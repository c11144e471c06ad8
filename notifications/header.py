"""The header's counts (unread notifications, unread messages, …): one query for all of them.

The header shows its counts on every page. Each app that has one registers it here (in its
`AppConfig.ready`), and `notifications.context_processors.unread` reads them all in one
statement, a scalar subquery each, at most once per request and only if a template shows one.
Counted apart, each new count would cost every page a query.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from accounts.models import User

# A member → a queryset of at most one row of one integer column: their count.
Count = Callable[["User"], "QuerySet[Any, Any]"]

_COUNTS: dict[str, Count] = {}


def register(name: str, count: Count) -> None:
    """Show `count(user)` to templates as `name` (0 for people who are not active members)."""
    _COUNTS[name] = count


def registered() -> dict[str, Count]:
    return dict(_COUNTS)
