"""The site keeps working while the broker is down; the sweep sends the notices afterwards."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from hub.models import AuditEvent
from notifications.models import Notification
from notifications.tasks import enqueue_delivery, sweep
from tests.notifications.conftest import broker_down

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.notifications.urls")]


def test_an_event_commits_and_the_page_answers_while_the_broker_is_down(
    member_client, member, django_capture_on_commit_callbacks, caplog
):
    with broker_down(), django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = member_client.post("/test-event/")
    assert response.status_code == 200
    assert len(callbacks) == 1  # the publish was attempted, after commit, and failed
    assert AuditEvent.objects.filter(action="test.event", actor=member).exists()
    notification = Notification.objects.get(recipient=member)
    assert notification.status == "pending" and notification.attempts == 0
    assert mail.outbox == []
    assert "the sweep will retry" in caplog.text

    # The broker is back: the sweep sends it, once.
    assert sweep(now=timezone.now() + timedelta(minutes=2)) == 1
    assert sweep(now=timezone.now() + timedelta(minutes=3)) == 0
    notification.refresh_from_db()
    assert notification.status == "sent"
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_publishing_to_an_unreachable_broker_reports_failure(member):
    notification = Notification.objects.create(
        idempotency_key="down", kind="test_kind", recipient=member, to_email=member.email
    )
    with broker_down():
        assert enqueue_delivery(notification.pk) is False
    assert enqueue_delivery(notification.pk) is True  # eager again: delivered in-process
    assert len(mail.outbox) == 1


def test_sessions_survive_losing_the_cache():
    assert settings.SESSION_ENGINE in {
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    }


def test_a_signed_in_member_stays_signed_in_when_the_cache_is_cleared(member_client):
    from django.core.cache import cache

    cache.clear()
    assert member_client.get("/notifications/").status_code == 200


def test_why_notify_does_not_use_delay_on_commit(member, django_capture_on_commit_callbacks):
    """Celery's delay_on_commit publishes in a plain on_commit callback: with the broker down it
    raises after the commit, which would turn a committed event into an error page."""
    from kombu.exceptions import OperationalError

    from notifications.tasks import deliver

    notification = Notification.objects.create(
        idempotency_key="why", kind="test_kind", recipient=member, to_email=member.email
    )
    with (
        broker_down(),
        pytest.raises(OperationalError),
        django_capture_on_commit_callbacks(execute=True),
    ):
        deliver.delay_on_commit(notification.pk)
