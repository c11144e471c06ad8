import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from hub.models import AuditEvent
from notifications.models import Notification
from tests.conftest import sign_in
from tests.factories import MemberFactory, NotificationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:notifications_notification_changelist")


@pytest.fixture
def admin_client(client):
    return sign_in(client, MemberFactory(is_staff=True, is_superuser=True))


def failed_email(**fields) -> Notification:
    return NotificationFactory(
        channel=Notification.Channel.EMAIL,
        failed_at=timezone.now(),
        attempts=6,
        last_error="SMTPServerDisconnected: gone",
        **fields,
    )


def test_the_outbox_is_listed_and_filtered_by_status(admin_client):
    sent = NotificationFactory(channel="email", sent_at=timezone.now(), subject="Sent one")
    failed = failed_email(subject="Failed one")
    pending = NotificationFactory(channel="email", subject="Pending one")
    for status, expected in [("sent", sent), ("failed", failed), ("pending", pending)]:
        response = admin_client.get(CHANGELIST, {"status": status})
        assert response.status_code == 200
        assert list(response.context["cl"].result_list) == [expected]


def test_the_outbox_is_read_only(admin_client):
    notification = NotificationFactory()
    change = reverse("admin:notifications_notification_change", args=[notification.pk])
    assert admin_client.get(reverse("admin:notifications_notification_add")).status_code == 403
    response = admin_client.get(change)
    assert response.status_code == 200 and response.context["has_change_permission"] is False
    admin_client.post(change, {"subject": "changed"})
    delete = reverse("admin:notifications_notification_delete", args=[notification.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    notification.refresh_from_db()
    assert notification.subject != "changed"


def test_retrying_failed_emails_resets_enqueues_and_audits(admin_client):
    failed = failed_email()
    sent = NotificationFactory(channel="email", sent_at=timezone.now())
    response = admin_client.post(
        CHANGELIST,
        {"action": "retry", "_selected_action": [failed.pk, sent.pk]},
        follow=True,
    )
    assert "1 failed email is queued again." in response.content.decode()
    failed.refresh_from_db()
    assert failed.status == "sent" and failed.attempts == 1
    assert len(mail.outbox) == 1  # the sent one was not sent again
    event = AuditEvent.objects.get(action="notifications.retried")
    assert event.details == {"notifications": [failed.pk]}


def test_staff_without_permission_see_no_outbox(client):
    staff = MemberFactory(is_staff=True)
    sign_in(client, staff)
    assert client.get(CHANGELIST).status_code == 403


def test_a_viewer_without_change_permission_cannot_retry(client):
    staff = MemberFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_notification"))
    sign_in(client, staff)
    failed = failed_email()
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert response.context["action_form"] is None  # no action offered
    client.post(CHANGELIST, {"action": "retry", "_selected_action": [failed.pk]})
    failed.refresh_from_db()
    assert failed.status == "failed"
    assert not AuditEvent.objects.filter(action="notifications.retried").exists()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(CHANGELIST)
    assert response.status_code == 302 and reverse("account_login") in response.url
