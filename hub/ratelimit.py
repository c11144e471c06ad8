"""Rate limits counted in the database: one counter per thing and fixed window.

Every limit on signing in, signing up and the second factor is counted here, never in the
cache: a Redis outage must neither answer 500 nor open the door, and two web nodes must count
together. A count is one atomic upsert (``INSERT … ON CONFLICT … DO UPDATE … RETURNING``),
so two requests racing on the same counter both count. Keys are what the limit is about (an
account, an address, a session), never what the client says the host is.

Windows are fixed (they start on a multiple of their length), so a burst across a boundary can
reach twice the amount for a moment; that is the price of one row and one statement a count.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import connection
from django.utils.crypto import salted_hmac

from hub import clock
from hub.models import RateLimitCounter

if TYPE_CHECKING:
    from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    """At most `amount` events per `window` seconds for each key of `scope`."""

    scope: str
    amount: int
    window: int


def configured(name: str) -> Limit:
    """The limit called `name` in settings.HUB_RATE_LIMITS (amount, window in seconds)."""
    amount, window = settings.HUB_RATE_LIMITS[name]
    return Limit(name, amount, window)


def client_address(request: HttpRequest) -> str:
    """The client's address as limits count it: REMOTE_ADDR, and an IPv6 client by its /64."""
    raw = request.META.get("REMOTE_ADDR") or ""
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw[:64]
    if address.version == 6:
        return str(ipaddress.IPv6Network(f"{address}/64", strict=False).network_address)
    return str(address)


def _key(limit: Limit, parts: tuple[str, ...]) -> str:
    # An HMAC, so the table holds no email or address and nobody can build a key for a guess.
    value = "\x1f".join((limit.scope, str(limit.window), *parts))
    return salted_hmac("hub.ratelimit", value, algorithm="sha256").hexdigest()


def _window_start(limit: Limit) -> int:
    now = int(clock.now().timestamp())
    return now - now % limit.window


def count(limit: Limit, *parts: str) -> int:
    """How many events the key has had in the current window."""
    row = (
        RateLimitCounter.objects.filter(key=_key(limit, parts), window_start=_window_start(limit))
        .values_list("count", flat=True)
        .first()
    )
    return row or 0


def exceeded(limit: Limit, *parts: str) -> bool:
    """Whether the key has used up its amount in the current window."""
    return count(limit, *parts) >= limit.amount


def hit(limit: Limit, *parts: str) -> int:
    """Count one event for the key; return the count in the current window, this one included."""
    start = _window_start(limit)
    expires_at = clock.now() + timedelta(seconds=limit.window)
    with connection.cursor() as cursor:
        # Both PostgreSQL and SQLite (3.35+) speak this; the table name is a literal.
        cursor.execute(
            'INSERT INTO hub_ratelimitcounter ("key", window_start, "count", expires_at) '
            "VALUES (%s, %s, 1, %s) "
            'ON CONFLICT ("key", window_start) '
            'DO UPDATE SET "count" = hub_ratelimitcounter."count" + 1 '
            'RETURNING "count"',
            [_key(limit, parts), start, expires_at],
        )
        return cursor.fetchone()[0]


def clear(limit: Limit, *parts: str) -> None:
    """Forget the key's events (after a password reset, or a successful second factor)."""
    RateLimitCounter.objects.filter(key=_key(limit, parts)).delete()


def purge_expired() -> int:
    """Delete counters whose window has ended; returns how many went."""
    deleted, _ = RateLimitCounter.objects.filter(expires_at__lt=clock.now()).delete()
    return deleted
