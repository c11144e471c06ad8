"""The header's counts, every app's, in one query (`notifications.header` lists them)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from django.db.models import IntegerField, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.functional import SimpleLazyObject, cached_property

from accounts.models import User
from notifications import header

if TYPE_CHECKING:
    from django.http import HttpRequest


class HeaderCounts:
    """Every registered count from one query, made the first time any of them is read."""

    def __init__(self, user: User, counts: dict[str, header.Count]) -> None:
        self.user = user
        self.counts = counts

    @cached_property
    def _all(self) -> dict[str, int]:
        annotations = {
            name: Coalesce(Subquery(count(self.user)), Value(0), output_field=IntegerField())
            for name, count in self.counts.items()
        }
        row = User.objects.filter(pk=self.user.pk).annotate(**annotations).values(*annotations)
        return row.first() or dict.fromkeys(annotations, 0)

    def get(self, name: str) -> int:
        return self._all[name]


def unread(request: HttpRequest) -> dict[str, Any]:
    """Each registered header count, counted only if a template shows one (see the module)."""
    counts = header.registered()
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active_member:
        return dict.fromkeys(counts, 0)
    both = HeaderCounts(user, counts)
    return {name: SimpleLazyObject(partial(both.get, name)) for name in counts}
