"""The mail server refuses connections: sign-up and password reset answer as usual, and their
emails go, once each, when it accepts again. Real SMTP to a closed port of 127.0.0.1."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from notifications.models import Notification
from notifications.tasks import sweep
from tests import factories
from tests.accounts.test_signup import form_data
from tests.faults.test_redis_outage import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_refuses(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 1


def test_sign_up_and_reset_answer_and_deliver_once_the_server_accepts(
    client, settings, smtp_refuses, django_capture_on_commit_callbacks
):
    from django.core.cache import cache

    cache.clear()  # fresh rate limits
    member = factories.MemberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        signed_up = client.post(reverse("account_signup"), form_data())
        reset = client.post(reverse("account_reset_password"), {"email": member.email})
    assert signed_up.status_code == 302
    assert reset.status_code == 302
    rows = Notification.objects.filter(to_email__in=["jo@police.example.org", member.email])
    assert rows.count() == 2
    assert all(row.status == "pending" and "Refused" in row.last_error for row in rows)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # accepts again
    with django_capture_on_commit_callbacks(execute=True):
        for minutes in (10, 20, 30):  # three sweeps: the later two find nothing left
            sweep(now=timezone.now() + timedelta(minutes=minutes))
    assert Counter(address for message in mail.outbox for address in message.to) == {
        "jo@police.example.org": 1,
        member.email: 1,
    }
    assert not rows.undelivered().exists()
