from celery import shared_task
from django.core.cache import cache


@shared_task(soft_time_limit=5, time_limit=10)
def ping(token: str) -> str:
    """Proves a worker is alive and reaches the shared cache: it writes `token` back there."""
    cache.set(f"celery-ping:{token}", "pong", timeout=60)
    return "pong"


@shared_task(soft_time_limit=60, time_limit=90)
def purge_rate_limits() -> int:
    """Deletes rate-limit counters whose window has ended (hub.ratelimit); safe to run twice."""
    from hub import ratelimit

    return ratelimit.purge_expired()
