"""The shared cache, which degrades to "nothing cached" while Redis is down.

Everything the hub keeps in the cache can be rebuilt from the database, so an unreachable Redis
must cost speed, never a page: a read is a miss, a write is dropped, and the page is built from
PostgreSQL. Django's RedisCache raises instead (the catalogue, sign-in and sign-up answered 500
for a whole Redis outage, issue 17).

Chosen over django-redis's DJANGO_REDIS_IGNORE_EXCEPTIONS: that swaps the whole backend for
another client and logs every failed call at error level; this keeps Django's own backend and
adds what an outage needs. After a failure the cache is left alone for RETRY_AFTER seconds (each
thread has its own cache object), so a request during an outage does not wait for Redis once per
cache call, and the outage is logged once as it starts and once as it ends, not on every call.

Counters that must hold during an outage (sign-in limits) do not belong here: a degraded cache
forgets them, so they must count in the database.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable


logger = logging.getLogger(__name__)

# Seconds after a failure during which the cache is not asked; then the next call tries again.
DEFAULT_RETRY_AFTER = 5.0


class DegradingRedisCache(RedisCache):
    """Django's RedisCache whose calls answer "not cached" while Redis is unreachable.

    OPTIONS as for RedisCache (passed to redis-py's connection pool), plus RETRY_AFTER.
    """

    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until: float | None = None

    @property
    def available(self) -> bool:
        """False while the cache is inside the retry window after a failure."""
        return self._down_until is None or time.monotonic() >= self._down_until

    def _call(self, fallback: Any, method: Callable[..., Any], *args: Any) -> Any:
        """`method(self, *args)`, or `fallback` if Redis cannot be reached."""
        if not self.available:
            return fallback
        try:
            result = method(self, *args)
        except RedisError as exc:
            if self._down_until is None:
                logger.warning("Cache unavailable, serving without it: %s", exc)
            self._down_until = time.monotonic() + self.retry_after
            return fallback
        if self._down_until is not None:
            logger.info("Cache available again")
            self._down_until = None
        return result

    def add(
        self,
        key: str,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> bool:
        return self._call(False, RedisCache.add, key, value, timeout, version)

    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        return self._call(default, RedisCache.get, key, default, version)

    def set(
        self,
        key: str,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> None:
        self._call(None, RedisCache.set, key, value, timeout, version)

    def touch(
        self, key: str, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        return self._call(False, RedisCache.touch, key, timeout, version)

    def delete(self, key: str, version: int | None = None) -> bool:
        return self._call(False, RedisCache.delete, key, version)

    def get_many(self, keys: Iterable[str], version: int | None = None) -> dict[str, Any]:
        return self._call({}, RedisCache.get_many, keys, version)

    def has_key(self, key: str, version: int | None = None) -> bool:
        return self._call(False, RedisCache.has_key, key, version)

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        value = self._call(None, RedisCache.incr, key, delta, version)
        if value is None:
            # What the cache says of a key it does not hold, which callers already handle.
            raise ValueError(f"Key {key!r} not found (the cache is unavailable).")
        return value

    def set_many(
        self,
        data: dict[str, Any],
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> list[str]:
        # "These keys were not stored", in the contract's words: all of them.
        return self._call(list(data), RedisCache.set_many, data, timeout, version)

    def delete_many(self, keys: Iterable[str], version: int | None = None) -> None:
        self._call(None, RedisCache.delete_many, keys, version)

    # Django's RedisCache.clear returns the client's answer; django-stubs says None.
    def clear(self) -> bool:  # type: ignore[override]
        return self._call(False, RedisCache.clear)
