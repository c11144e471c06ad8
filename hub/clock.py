"""The hub's clock.

Everything that depends on the date (memberships, reminders, review-due flags) asks `now()`
instead of `timezone.now()`, so tests — including browser tests against a live server in the
same process — can move time with `travel()` rather than wait. Production never moves it: the
offset lives in this process only and nothing outside tests sets it.
"""

from __future__ import annotations

import contextlib
import datetime
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:
    from collections.abc import Iterator

_offset = datetime.timedelta(0)


def now() -> datetime.datetime:
    """The current time (aware, UTC), moved by the offset tests may set."""
    return timezone.now() + _offset


def today() -> datetime.date:
    return timezone.localdate(now())


@contextlib.contextmanager
def travel(delta: datetime.timedelta) -> Iterator[None]:
    """Move the clock forward (or back) by `delta` while the block runs."""
    global _offset  # noqa: PLW0603 (one process-wide offset is the point)
    previous, _offset = _offset, _offset + delta
    try:
        yield
    finally:
        _offset = previous
