from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from hub.celery import app
from notifications.models import CLAIM_TIMEOUT, SWEEP_GRACE, Notification
from notifications.services import notify
from notifications.tasks import MAX_ATTEMPTS, MAX_COUNTDOWN, backoff_seconds, sweep
from tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def email_row(**fields) -> Notification:
    fields.setdefault("created_at", timezone.now() - SWEEP_GRACE - timedelta(seconds=1))
    return NotificationFactory(channel=Notification.Channel.EMAIL, **fields)


def test_the_sweep_takes_only_emails_nobody_is_delivering(member):
    now = timezone.now()
    stalled = [
        email_row(recipient=member),  # its task was lost
        email_row(recipient=member, claimed_at=now - CLAIM_TIMEOUT - timedelta(seconds=1)),
        email_row(recipient=member, not_before=now - SWEEP_GRACE - timedelta(seconds=1)),
    ]
    email_row(recipient=member, created_at=now)  # its task is surely still on its way
    email_row(recipient=member, claimed_at=now - timedelta(minutes=1))  # being delivered
    email_row(recipient=member, not_before=now + timedelta(minutes=3))  # waiting for a retry
    email_row(recipient=member, sent_at=now)
    email_row(recipient=member, failed_at=now)
    NotificationFactory(recipient=member, created_at=now - timedelta(days=1))  # centre only
    assert set(Notification.objects.stalled(now)) == set(stalled)


def test_the_sweep_delivers_a_lost_email_once_even_when_run_twice(member):
    notification = email_row(recipient=member)
    assert sweep() == 1
    assert sweep() == 0
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.status == "sent"


def test_a_row_whose_worker_died_is_taken_again(member):
    notification = email_row(
        recipient=member, claimed_at=timezone.now() - CLAIM_TIMEOUT - timedelta(minutes=1)
    )
    assert sweep() == 1
    notification.refresh_from_db()
    assert notification.status == "sent" and len(mail.outbox) == 1


def test_a_row_enqueued_by_the_sweep_is_left_alone_for_a_while(member, monkeypatch):
    enqueued = []
    monkeypatch.setattr(
        "notifications.tasks.enqueue_delivery", lambda pk: enqueued.append(pk) or True
    )
    notification = email_row(recipient=member)
    sweep()
    sweep()
    assert enqueued == [notification.pk]
    # Still undelivered (its task was lost again): a later sweep tries once more.
    sweep(now=timezone.now() + timedelta(minutes=10))
    assert enqueued == [notification.pk, notification.pk]


def test_the_management_command_sweeps(member, capsys):
    email_row(recipient=member)
    call_command("sweep_outbox")
    assert "Enqueued 1 notifications." in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_no_countdown_outlives_the_brokers_visibility_timeout():
    visibility_timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility_timeout > MAX_COUNTDOWN
    assert all(
        backoff_seconds(attempt) <= MAX_COUNTDOWN
        for attempt in range(1, MAX_ATTEMPTS * 3)
        for _ in range(20)
    )
    assert app.conf.broker_transport_options["visibility_timeout"] == visibility_timeout


def test_backoff_grows_and_is_jittered():
    assert all(1 <= backoff_seconds(1) <= 30 for _ in range(50))
    assert max(backoff_seconds(4) for _ in range(200)) > 30
    assert len({backoff_seconds(5) for _ in range(50)}) > 1


def test_a_due_notice_is_sent_by_the_first_sweep_after_its_time(member):
    notification = notify(
        kind="test_kind", key="due", to=member, not_before=timezone.now() + timedelta(days=7)
    )
    assert sweep(now=timezone.now() + timedelta(days=6)) == 0
    assert sweep(now=timezone.now() + timedelta(days=7, minutes=2)) == 1
    notification.refresh_from_db()
    assert notification.status == "sent"


def test_the_periodic_task_sweeps(member):
    from notifications.tasks import sweep_outbox

    email_row(recipient=member)
    assert sweep_outbox.delay().get() == 1
    assert len(mail.outbox) == 1
