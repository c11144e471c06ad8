from celery import shared_task

from accounts import services


@shared_task(soft_time_limit=300, time_limit=360, acks_late=True)
def run_membership_expiry() -> dict[str, int]:
    """Daily: membership reminders and expiry notices (see services.run_membership_expiry)."""
    return services.run_membership_expiry()
