"""With a real worker on Redis (the PostgreSQL + Redis pass): the outbox end to end."""

import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from hub.tasks import ping
from notifications.models import Notification
from notifications.services import notify
from notifications.tasks import MAX_ATTEMPTS, deliver, sweep
from tests.factories import MemberFactory
from tests.notifications.conftest import broker_down

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def wait_for(condition, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"{what} did not happen within {seconds} seconds")


def drain(token: str) -> None:
    """Wait until the worker has run everything sent before (one worker, tasks in order)."""
    ping.delay(token)
    wait_for(lambda: cache.get(f"celery-ping:{token}") == "pong", "the worker catching up")


def status(notification: Notification) -> str:
    notification.refresh_from_db()
    return notification.status


def test_an_event_creates_one_email_even_if_its_task_is_sent_twice(celery_worker, unique_token):
    member = MemberFactory()
    with transaction.atomic():
        notification = notify(kind="test_kind", key=unique_token, to=member)
    deliver.delay(notification.pk)
    wait_for(lambda: status(notification) == "sent", "delivery")
    drain(unique_token)
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert notification.attempts == 1


def test_a_rolled_back_event_sends_nothing(celery_worker, unique_token):
    member = MemberFactory()

    def event_that_fails():
        with transaction.atomic():
            notify(kind="test_kind", key=unique_token, to=member)
            raise RuntimeError("the event failed")

    with pytest.raises(RuntimeError):
        event_that_fails()
    drain(unique_token)
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_an_email_left_behind_while_the_broker_was_down_is_sent_by_the_sweep(
    celery_worker, unique_token
):
    member = MemberFactory()
    with broker_down(), transaction.atomic():
        notification = notify(kind="test_kind", key=unique_token, to=member)
    assert Notification.objects.filter(pk=notification.pk).exists()  # the event committed
    drain(unique_token)
    assert status(notification) == "pending" and mail.outbox == []
    assert sweep(now=timezone.now() + timedelta(minutes=2)) == 1
    wait_for(lambda: status(notification) == "sent", "delivery after the sweep")
    assert len(mail.outbox) == 1


def test_transient_errors_are_retried_until_the_email_goes(
    celery_worker, unique_token, flaky_backend, no_backoff
):
    member = MemberFactory()
    with transaction.atomic():
        notification = notify(kind="test_kind", key=unique_token, to=member)
    wait_for(lambda: status(notification) == "sent", "delivery after retries")
    assert notification.attempts == flaky_backend.failures + 1
    assert len(mail.outbox) == 1


def test_a_failing_mail_server_exhausts_the_retries(
    celery_worker, unique_token, failing_backend, no_backoff
):
    member = MemberFactory()
    with transaction.atomic():
        notification = notify(kind="test_kind", key=unique_token, to=member)
    wait_for(lambda: status(notification) == "failed", "giving up")
    assert notification.attempts == MAX_ATTEMPTS
    assert "SMTPServerDisconnected" in notification.last_error
    assert mail.outbox == []
