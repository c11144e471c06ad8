"""django-allauth's emails go through the outbox: a mail server that is down costs no page."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from notifications.tasks import sweep
from tests import factories
from tests.accounts.test_signup import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()  # sign-up and reset are rate limited per address on the cache


def deliver_stalled() -> int:
    """What the next sweeps do once the mail server is back."""
    return sweep(now=timezone.now() + timedelta(hours=2))


def test_sign_up_answers_and_its_confirmation_arrives_once_the_mail_server_is_back(
    client, settings, failing_backend, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), form_data())
    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    row = Notification.objects.get(to_email="jo@police.example.org")
    assert row.kind == "account.email_confirmation_signup"
    assert row.status == "pending" and row.attempts == 1
    assert "SMTPServerDisconnected" in row.last_error
    assert row.recipient is None  # a confirmation link is never shown in a notification centre

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver_stalled() == 1
        assert deliver_stalled() == 0
    (message,) = mail.outbox
    assert message.to == ["jo@police.example.org"]
    assert re.search(r"/accounts/confirm-email/\S+/", message.body)
    row.refresh_from_db()
    assert row.status == "sent"


def test_password_reset_answers_and_its_email_arrives_once_the_mail_server_is_back(
    client, settings, failing_backend, django_capture_on_commit_callbacks
):
    member = factories.MemberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")
    row = Notification.objects.get(to_email=member.email)
    assert row.kind == "account.password_reset_key"
    assert row.status == "pending"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert deliver_stalled() == 1
        assert deliver_stalled() == 0
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "/accounts/password/reset/key/" in message.body


def test_a_sent_account_email_forgets_its_link(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), form_data())
    (message,) = mail.outbox
    assert "/accounts/confirm-email/" in message.body
    row = Notification.objects.get(to_email="jo@police.example.org")
    assert row.status == "sent"
    assert row.body_text == "" and row.body_html == ""
    assert row.subject == message.subject  # what was sent, and when, stays on record


def test_the_admin_never_shows_a_pending_account_emails_body(admin_client_for_outbox):
    client, row = admin_client_for_outbox
    response = client.get(reverse("admin:notifications_notification_change", args=[row.pk]))
    assert response.status_code == 200
    assert b"secret-link-123" not in response.content
    assert row.subject.encode() in response.content


@pytest.fixture
def admin_client_for_outbox(client):
    from tests.conftest import sign_in

    admin = factories.AdministratorFactory()
    row = Notification.objects.create(
        idempotency_key="account.password_reset_key:x",
        kind="account.password_reset_key",
        to_email="jo@police.example.org",
        subject="Password reset",
        body_text="Reset it at https://hub.example/accounts/password/reset/key/secret-link-123/",
    )
    return sign_in(client, admin), row
