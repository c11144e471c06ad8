"""Housekeeping on the beat (issue 17): ended sessions and old sent emails go; audit stays."""

from datetime import timedelta
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from hub import clock
from hub.celery import app
from hub.tasks import clear_expired_sessions
from notifications.models import Notification
from notifications.tasks import purge_delivered_outbox
from tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def test_the_housekeeping_jobs_are_on_the_beat_and_registered():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {
        "hub.tasks.clear_expired_sessions",
        "notifications.tasks.purge_delivered_outbox",
    } <= tasks
    assert {
        "hub.tasks.clear_expired_sessions",
        "notifications.tasks.purge_delivered_outbox",
    } <= set(app.tasks)
    # Nothing on the beat removes audit events: the trail is kept.
    assert not any("audit" in task for task in tasks)


def test_the_default_retention_is_ninety_days():
    assert settings.OUTBOX_RETENTION_DAYS == 90


def test_clearing_sessions_removes_only_expired_ones():
    now = timezone.now()
    Session.objects.create(session_key="a" * 32, session_data="", expire_date=now - timedelta(1))
    Session.objects.create(session_key="b" * 32, session_data="", expire_date=now + timedelta(1))
    clear_expired_sessions.delay()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["b" * 32]


def email(member, **fields) -> Notification:
    return NotificationFactory(recipient=member, channel=Notification.Channel.EMAIL, **fields)


def test_delivered_emails_older_than_the_retention_are_removed_and_nothing_else(member):
    now = timezone.now()
    old = now - timedelta(days=91)
    gone = email(member, created_at=old, sent_at=old)
    kept = [
        email(member, created_at=old, sent_at=now - timedelta(days=89)),  # within retention
        email(member, created_at=old),  # still pending, however old
        email(member, created_at=old, failed_at=old),  # given up: evidence for the operator
        NotificationFactory(recipient=member, created_at=old),  # in the centre, never emailed
    ]
    purge_delivered_outbox.delay()
    assert not Notification.objects.filter(pk=gone.pk).exists()
    assert set(Notification.objects.all()) == set(kept)


def test_the_retention_follows_the_setting_and_the_hub_clock(member, settings):
    settings.OUTBOX_RETENTION_DAYS = 7
    sent = timezone.now() - timedelta(days=3)
    row = email(member, created_at=sent, sent_at=sent)
    call_command("purge_outbox", stdout=StringIO())
    assert Notification.objects.filter(pk=row.pk).exists()
    with clock.travel(timedelta(days=5)):
        call_command("purge_outbox", stdout=StringIO())
    assert not Notification.objects.filter(pk=row.pk).exists()
