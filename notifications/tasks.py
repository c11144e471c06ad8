"""Delivering the outbox. Tasks take ids, claim their row atomically and bound their retries."""

import logging
import random
import smtplib
from datetime import timedelta

from celery import shared_task
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, Q
from django.utils import timezone

from notifications.models import Notification

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# A claim older than this belongs to a worker that died mid-delivery; the row may be retried.
CLAIM_TIMEOUT = timedelta(minutes=10)
# Errors worth another try: the mail server or the network, not a bug in our message.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError, TimeoutError)


def backoff_seconds(attempt: int) -> int:
    """Exponential backoff with full jitter: up to 30 s, 60 s, 120 s … capped at one hour."""
    return random.randint(1, min(3600, 30 * 2 ** max(attempt - 1, 0)))  # noqa: S311 - not crypto


def claim(notification_id: int) -> Notification | None:
    """Take the row for this delivery, or None if it is sent, given up or held by another."""
    now = timezone.now()
    claimed = (
        Notification.objects.undelivered()
        .filter(pk=notification_id, channel=Notification.Channel.EMAIL)
        .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT))
        .update(claimed_at=now, attempts=F("attempts") + 1)
    )
    return Notification.objects.get(pk=notification_id) if claimed else None


@shared_task(bind=True, max_retries=MAX_ATTEMPTS - 1, acks_late=True)
def deliver(self, notification_id: int) -> str:
    notification = claim(notification_id)
    if notification is None:
        return "skipped"
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.body_text,
        to=[notification.to_email],
    )
    if notification.body_html:
        message.attach_alternative(notification.body_html, "text/html")
    try:
        message.send()
    except TRANSIENT_ERRORS as exc:
        error = f"{type(exc).__name__}: {exc}"[:2000]
        if notification.attempts >= MAX_ATTEMPTS:
            Notification.objects.filter(pk=notification.pk).update(
                failed_at=timezone.now(), last_error=error
            )
            logger.error("Gave up delivering notification %s: %s", notification.pk, error)
            return "failed"
        # Release the claim so that the retry (or the sweep) may take the row again.
        Notification.objects.filter(pk=notification.pk).update(claimed_at=None, last_error=error)
        raise self.retry(exc=exc, countdown=backoff_seconds(notification.attempts)) from exc
    Notification.objects.filter(pk=notification.pk).update(sent_at=timezone.now(), last_error="")
    return "sent"
