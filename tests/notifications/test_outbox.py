import smtplib

import pytest
from django.core import mail
from django.db import transaction

from notifications.models import Notification
from notifications.services import notify
from notifications.tasks import MAX_ATTEMPTS, deliver, sweep
from tests.notifications.backends import sent_to

pytestmark = pytest.mark.django_db


def test_a_notification_is_delivered_once_after_commit(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = notify(kind="test_kind", key="k1", to=member, url="/catalog/")
        assert mail.outbox == []  # nothing leaves before the transaction commits
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [member.email]
    assert mail.outbox[0].subject == f"Hello {member.full_name}"
    assert "http://" in mail.outbox[0].body and "/catalog/" in mail.outbox[0].body
    notification.refresh_from_db()
    assert notification.sent_at is not None and notification.attempts == 1


def test_the_same_event_twice_queues_one_message(member):
    assert notify(kind="test_kind", key="same", to=member) is not None
    assert notify(kind="test_kind", key="same", to=member) is None
    assert Notification.objects.count() == 1


def test_a_task_delivered_twice_sends_once(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(kind="test_kind", key="k2", to=member)
    assert deliver.apply(args=[notification.pk]).get() == "skipped"
    assert len(mail.outbox) == 1


def test_a_rolled_back_event_sends_nothing(member, django_capture_on_commit_callbacks):
    class RolledBackError(Exception):
        pass

    def event_that_fails():
        with transaction.atomic():
            notify(kind="test_kind", key="k3", to=member)
            raise RolledBackError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RolledBackError):
        event_that_fails()
    assert mail.outbox == []
    assert not Notification.objects.exists()


def test_an_address_without_an_account(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notify(kind="test_kind", key="k4", to="supervisor@police.example.org")
    assert mail.outbox[0].to == ["supervisor@police.example.org"]


def test_a_member_sees_an_emailed_notification_in_their_centre(member):
    notification = notify(kind="test_kind", key="k5", to=member, url="/catalog/")
    assert notification.channel == Notification.Channel.EMAIL
    assert list(Notification.objects.owned_by(member).unread()) == [notification]


def test_an_in_app_notification_is_not_emailed(member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = notify(
            kind="test_kind", key="k6", to=member, channel=Notification.Channel.IN_APP
        )
    assert callbacks == []
    assert mail.outbox == []
    assert deliver.apply(args=[notification.pk]).get() == "skipped"
    assert mail.outbox == []
    assert list(Notification.objects.owned_by(member)) == [notification]


def test_an_address_without_an_account_cannot_get_an_in_app_notification(db):
    with pytest.raises(ValueError, match="only be an email"):
        notify(kind="test_kind", key="k7", to="a@example.org", channel=Notification.Channel.IN_APP)


def test_a_notice_due_later_waits_for_the_sweep(member, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.utils import timezone

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = notify(
            kind="test_kind", key="k8", to=member, not_before=timezone.now() + timedelta(days=3)
        )
    assert callbacks == []
    assert not Notification.objects.stalled(timezone.now()).exists()
    due = timezone.now() + timedelta(days=3, minutes=2)
    assert list(Notification.objects.stalled(due)) == [notification]


def sweep_later(hours: int) -> int:
    from datetime import timedelta

    from django.utils import timezone

    return sweep(now=timezone.now() + timedelta(hours=hours))


def test_transient_errors_are_retried_until_the_email_goes(
    member, flaky_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(kind="test_kind", key="k9", to=member)
    # In-process, a retry cannot wait: the row waits for its due time and the sweep.
    notification.refresh_from_db()
    assert notification.status == "pending" and notification.attempts == 1
    assert "SMTPServerDisconnected" in notification.last_error
    assert sweep_later(1) == 1
    assert sweep_later(2) == 1
    notification.refresh_from_db()
    assert flaky_backend.calls == 3
    assert len(sent_to(member.email)) == 1
    assert notification.status == "sent" and notification.attempts == 3
    assert notification.last_error == "" and notification.claimed_at is None
    assert sweep_later(3) == 0


def test_a_failing_mail_server_exhausts_the_retries_and_marks_failed(
    member, failing_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(kind="test_kind", key="k10", to=member)
    for hour in range(1, MAX_ATTEMPTS):
        assert sweep_later(hour) == 1
    notification.refresh_from_db()
    assert notification.status == "failed"
    assert notification.attempts == MAX_ATTEMPTS
    assert "SMTPServerDisconnected" in notification.last_error
    assert mail.outbox == []
    assert sweep_later(MAX_ATTEMPTS + 1) == 0
    assert deliver.apply(args=[notification.pk]).get() == "skipped"


def test_a_retry_waits_its_backoff_before_the_sweep_may_take_it(member, failing_backend):
    from django.utils import timezone

    from notifications.tasks import MAX_COUNTDOWN

    notification = notify(kind="test_kind", key="k11", to=member, channel="email")
    # One attempt by hand (not eagerly retried): the row is released with a due time.
    with pytest.raises(smtplib.SMTPServerDisconnected):
        deliver.run(notification.pk)
    notification.refresh_from_db()
    assert notification.claimed_at is None and notification.attempts == 1
    assert timezone.now() < notification.not_before
    assert notification.not_before <= timezone.now() + timezone.timedelta(seconds=MAX_COUNTDOWN)
