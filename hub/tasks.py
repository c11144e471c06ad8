from celery import shared_task
from django.core.cache import cache
from django.core.management import call_command


@shared_task(soft_time_limit=5, time_limit=10)
def ping(token: str) -> str:
    """Proves a worker is alive and reaches the shared cache: it writes `token` back there."""
    cache.set(f"celery-ping:{token}", "pong", timeout=60)
    return "pong"


@shared_task(soft_time_limit=300, time_limit=360)
def clear_expired_sessions() -> None:
    """Daily: Django's `clearsessions`, so ended sessions do not pile up in the database."""
    call_command("clearsessions")


@shared_task(soft_time_limit=60, time_limit=90)
def purge_rate_limits() -> int:
    """Deletes rate-limit counters whose window has ended (hub.ratelimit); safe to run twice."""
    from hub import ratelimit

    return ratelimit.purge_expired()
