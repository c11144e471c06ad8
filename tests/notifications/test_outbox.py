import pytest
from django.core import mail
from django.db import transaction

from notifications.models import Notification
from notifications.services import notify
from notifications.tasks import deliver

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def test_templates(settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], "tests/templates"]}
    ]


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
