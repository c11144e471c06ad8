"""A worker killed mid-delivery: the row is taken again within minutes, as the same message."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from notifications.models import CLAIM_TIMEOUT, DELIVERY_TIME_LIMIT, SWEEP_GRACE, Notification
from notifications.tasks import claim, deliver, sweep
from tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def email_row(**fields) -> Notification:
    fields.setdefault("created_at", timezone.now() - SWEEP_GRACE - timedelta(seconds=1))
    return NotificationFactory(channel=Notification.Channel.EMAIL, **fields)


def test_the_claim_outlives_a_delivery_and_no_more():
    """No live delivery holds a row past CLAIM_TIMEOUT: Celery kills it at its time limit first."""
    assert deliver.time_limit == DELIVERY_TIME_LIMIT
    assert deliver.soft_time_limit < deliver.time_limit
    assert deliver.soft_time_limit > settings.EMAIL_TIMEOUT  # SMTP gives up before Celery does
    assert timedelta(seconds=deliver.time_limit) < CLAIM_TIMEOUT
    assert timedelta(minutes=2) >= CLAIM_TIMEOUT  # it was ten: a killed worker's row waited 11


def test_a_killed_workers_row_is_sent_again_within_minutes_with_the_same_message_id(member):
    row = email_row(recipient=member)
    # A worker claims the row, the mail server accepts the message, and the worker is killed
    # before it marks the row sent.
    assert claim(row.pk) is not None
    killed_at = timezone.now()

    assert sweep(now=killed_at + timedelta(seconds=30)) == 0  # its claim may still be live
    assert sweep(now=killed_at + CLAIM_TIMEOUT + timedelta(seconds=1)) == 1
    (message,) = mail.outbox
    row.refresh_from_db()
    assert row.status == "sent" and row.attempts == 2
    assert message.extra_headers["Message-ID"] == f"<{row.public_id}@localhost>"


def test_a_resent_row_has_the_same_message_id_and_another_row_another(member):
    row, other = email_row(recipient=member), email_row(recipient=member)
    deliver.apply(args=[row.pk])
    Notification.objects.filter(pk=row.pk).update(sent_at=None)  # as if never marked sent
    deliver.apply(args=[row.pk])
    deliver.apply(args=[other.pk])
    first, again, another = (message.message()["Message-ID"] for message in mail.outbox)
    assert first == again == f"<{row.public_id}@localhost>"
    assert another == f"<{other.public_id}@localhost>"


def test_the_message_id_uses_the_senders_domain(member, settings):
    settings.DEFAULT_FROM_EMAIL = "Safer Children Hub <no-reply@hub.example.org>"
    row = email_row(recipient=member)
    deliver.apply(args=[row.pk])
    assert mail.outbox[0].message()["Message-ID"] == f"<{row.public_id}@hub.example.org>"
