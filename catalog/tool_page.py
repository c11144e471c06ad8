"""What other apps add to the tool page's one query for its tool: annotations, not queries.

The tool page guards its query count (tests/catalog/test_speed.py). An app that shows
something per tool there (the community's "N members have used this") registers, in its
`AppConfig.ready`, a function of the visitor giving annotations correlated on the tool
(`OuterRef("pk")`); the page's tool query applies them all, and the app's template code reads
them from the tool, falling back to a query of its own where a tool came without them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

# The visitor → {annotation name: expression on the tool}.
Annotations = Callable[["User | AnonymousUser"], dict[str, Any]]

_HOOKS: list[Annotations] = []


def register(hook: Annotations) -> None:
    if hook not in _HOOKS:
        _HOOKS.append(hook)


def for_visitor(user: User | AnonymousUser) -> dict[str, Any]:
    """Every registered app's annotations for the tool page's tool, for this visitor."""
    result: dict[str, Any] = {}
    for hook in _HOOKS:
        result |= hook(user)
    return result
