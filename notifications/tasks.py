"""Delivering the outbox. Tasks take ids, claim their row atomically and bound their retries."""

from __future__ import annotations

import logging
import random
import smtplib
from datetime import datetime, timedelta
from email.utils import parseaddr
from typing import TYPE_CHECKING

from celery import shared_task
from celery.exceptions import Retry
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.utils import translation
from django.utils.module_loading import import_string
from kombu.exceptions import KombuError
from redis.exceptions import RedisError

from hub import clock
from notifications.kinds import BEARER_LINKS
from notifications.models import CLAIM_TIMEOUT, DELIVERY_TIME_LIMIT, Notification

if TYPE_CHECKING:
    from celery import Task

    from notifications.models import NotificationQuerySet


logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# The longest a retry waits in the broker. Redis gives an unacknowledged task to another worker
# after its visibility timeout (an hour here), so no countdown may come near it (a test checks).
MAX_COUNTDOWN = 30 * 60
# What publishing a task raises when the broker is unreachable (kombu wraps most of them in
# its OperationalError; the rest are the transport's own).
PUBLISH_ERRORS = (KombuError, RedisError, OSError)
# Errors worth another try: the mail server or the network, not a bug in our message.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError, TimeoutError)
# How many rows one sweep enqueues; the next sweep, a minute later, takes the rest.
SWEEP_BATCH = 500
# How long the sweep leaves a row it enqueued before enqueuing it again.
RESWEEP_AFTER = timedelta(minutes=5)


def backoff_seconds(attempt: int) -> int:
    """Exponential backoff with full jitter: up to 30 s, 60 s, 120 s … capped at MAX_COUNTDOWN."""
    return random.randint(1, min(MAX_COUNTDOWN, 30 * 2 ** max(attempt - 1, 0)))  # noqa: S311


def claim(notification_id: int) -> Notification | None:
    """Take the row for this delivery, or None if it is sent, given up or held by another."""
    now = clock.now()
    claimed = (
        Notification.objects.undelivered()
        .emailed()
        .filter(pk=notification_id)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT))
        .update(claimed_at=now, attempts=F("attempts") + 1)
    )
    return Notification.objects.get(pk=notification_id) if claimed else None


def message_id(notification: Notification) -> str:
    """The email's Message-ID, the same for every attempt: a resend is recognisably the same.

    A worker killed after the mail server accepted a message, but before the row was marked
    sent, sends it again once the claim times out; mail clients and servers that deduplicate
    on Message-ID then show it once.
    """
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{notification.public_id}@{domain}>"


class LinkGoneError(Exception):
    """The credential a withheld link stood for no longer exists: the email cannot be sent."""


def bodies_to_send(notification: Notification) -> tuple[str, str]:
    """The text and HTML bodies as emailed: a withheld bearer link is made now, not stored."""
    builder = BEARER_LINKS.get(notification.kind)
    if builder is None:
        return notification.body_text, notification.body_html
    path = import_string(builder)(notification)
    if not path:
        raise LinkGoneError(notification.kind)
    withheld, real = (f"{settings.SITE_URL}{p}" for p in (notification.url, path))
    return (
        notification.body_text.replace(withheld, real),
        notification.body_html.replace(withheld, real),
    )


def enqueue_delivery(notification_id: int) -> bool:
    """Send the delivery task to the broker; False (logged) if the broker cannot be reached.

    The row stays undelivered and the outbox sweep enqueues it again once the broker is back.
    """
    from notifications.tasks import deliver

    try:
        deliver.apply_async(args=(notification_id,))
    except PUBLISH_ERRORS as exc:
        logger.warning(
            "Could not enqueue notification %s (the sweep will retry): %s", notification_id, exc
        )
        return False
    except Retry:
        # Only without a broker, where tasks run in-process at commit: a retry cannot wait
        # there, so the row keeps its due time and the next sweep tries again.
        logger.warning("Notification %s will be retried by the sweep", notification_id)
    return True


@shared_task(
    bind=True,
    max_retries=MAX_ATTEMPTS - 1,
    acks_late=True,
    soft_time_limit=DELIVERY_TIME_LIMIT - 10,
    time_limit=DELIVERY_TIME_LIMIT,
)
def deliver(self: Task, notification_id: int) -> str:
    notification = claim(notification_id)
    if notification is None:
        return "skipped"
    # In the language the row was written in: anything rendered now (a withheld link's page,
    # a library's headers) speaks the recipient's language too.
    language = notification.language or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            body_text, body_html = bodies_to_send(notification)
    except LinkGoneError:
        Notification.objects.filter(pk=notification.pk).update(
            failed_at=clock.now(), claimed_at=None, last_error="The link no longer exists."
        )
        return "failed"
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=body_text,
        to=[notification.to_email],
        headers={"Message-ID": message_id(notification), "Content-Language": language},
    )
    if body_html:
        message.attach_alternative(body_html, "text/html")
    try:
        with translation.override(language):
            message.send()
    except TRANSIENT_ERRORS as exc:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        if notification.attempts >= MAX_ATTEMPTS:
            Notification.objects.filter(pk=notification.pk).update(
                failed_at=clock.now(), claimed_at=None, last_error=error
            )
            logger.error("Gave up delivering notification %s: %s", notification.pk, error)
            return "failed"
        countdown = backoff_seconds(notification.attempts)
        # Release the claim so that the retry (or, if the retry is lost, the sweep once it is
        # overdue) may take the row again.
        Notification.objects.filter(pk=notification.pk).update(
            claimed_at=None,
            not_before=clock.now() + timedelta(seconds=countdown),
            last_error=error,
        )
        raise self.retry(exc=exc, countdown=countdown) from exc
    forget = {"body_text": "", "body_html": ""} if notification.holds_secret_link else {}
    Notification.objects.filter(pk=notification.pk).update(
        sent_at=clock.now(), claimed_at=None, last_error="", **forget
    )
    return "sent"


def sweep(now: datetime | None = None) -> int:
    """Enqueue again every email nobody is delivering; returns how many. Safe to run twice.

    Two sweeps at once may enqueue a row twice; the delivery's claim still sends it once.
    """
    now = now or clock.now()
    ids = list(Notification.objects.stalled(now).values_list("pk", flat=True)[:SWEEP_BATCH])
    if not ids:
        return 0
    # Free abandoned claims, and hold the rows back from the next few sweeps while these
    # deliveries wait in the queue, so a slow worker is not buried under duplicates.
    Notification.objects.stalled(now).filter(pk__in=ids).update(
        claimed_at=None, not_before=now + RESWEEP_AFTER
    )
    enqueued = sum(enqueue_delivery(pk) for pk in ids)
    logger.info("Outbox sweep: %s of %s stalled notifications enqueued", enqueued, len(ids))
    return enqueued


@shared_task(soft_time_limit=50, time_limit=55)
def sweep_outbox() -> int:
    return sweep()


def retry_failed(queryset: NotificationQuerySet) -> list[int]:
    """Give failed rows a fresh set of attempts and enqueue them; returns their ids."""
    ids = list(queryset.failed().emailed().values_list("pk", flat=True))
    Notification.objects.filter(pk__in=ids, failed_at__isnull=False).update(
        failed_at=None, claimed_at=None, not_before=None, attempts=0
    )
    for pk in ids:
        enqueue_delivery(pk)
    return ids


def purge_delivered(now: datetime | None = None) -> int:
    """Remove emails delivered more than OUTBOX_RETENTION_DAYS ago; returns how many."""
    cutoff = (now or clock.now()) - timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    deleted, _ = Notification.objects.delivered_before(cutoff).delete()
    logger.info("Outbox housekeeping: %s delivered notifications removed", deleted)
    return deleted


@shared_task(soft_time_limit=300, time_limit=360)
def purge_delivered_outbox() -> int:
    return purge_delivered()
