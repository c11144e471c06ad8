"""Emails go out in the recipient's language: the outbox row keeps it, delivery uses it."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import reverse

from accounts.models import User
from notifications.models import Notification
from notifications.services import notify
from tests.factories import MemberFactory

pytestmark = pytest.mark.django_db

# Django's own month names (its catalogues, not ours): proof of the language on its own.
ENDS = datetime(2027, 12, 3, 12, 0, tzinfo=UTC)


def remind(member: User, django_capture_on_commit_callbacks: Callable) -> Notification:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        row = notify(
            kind="membership_reminder",
            key=f"reminder:{member.pk}",
            to=member,
            context={"member": member, "days": 7},
            url="/accounts/application/",
        )
    assert row is not None
    return row


@pytest.mark.parametrize(
    ("language", "month"), [("fr", "décembre"), ("es", "diciembre"), ("en", "December")]
)
def test_an_email_is_written_and_sent_in_the_recipients_language(
    language: str, month: str, django_capture_on_commit_callbacks: Callable
) -> None:
    member = MemberFactory(language=language, membership_valid_until=ENDS)
    row = remind(member, django_capture_on_commit_callbacks)
    assert row.language == language
    assert f"3 {month} 2027" in row.body_text or f"3 de {month} de 2027" in row.body_text
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == language
    assert month in message.body


def test_no_saved_language_writes_in_the_hubs_default(
    client: Client, django_capture_on_commit_callbacks: Callable
) -> None:
    member = MemberFactory(language="", membership_valid_until=ENDS)
    row = remind(member, django_capture_on_commit_callbacks)
    assert row.language == "en"
    assert "3 December 2027" in row.body_text


def test_the_recipients_language_wins_over_the_pages(
    django_capture_on_commit_callbacks: Callable,
) -> None:
    from django.utils import translation

    member = MemberFactory(language="fr", membership_valid_until=ENDS)
    with translation.override("ru"):
        row = remind(member, django_capture_on_commit_callbacks)
    assert row.language == "fr"
    assert "décembre" in row.body_text


def test_allauths_emails_go_in_the_account_holders_language(
    client: Client, django_capture_on_commit_callbacks: Callable
) -> None:
    member = MemberFactory(language="es")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_reset_password"), {"email": member.email}, HTTP_ACCEPT_LANGUAGE="en"
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    # django-allauth's own Spanish: its catalogue is used, we keep no copy.
    assert "Correo electrónico para restablecer contraseña" in message.subject
    assert message.extra_headers["Content-Language"] == "es"
    assert Notification.objects.get(to_email=member.email).language == "es"


def test_allauths_emails_to_an_unknown_address_follow_the_page(
    client: Client, django_capture_on_commit_callbacks: Callable
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_reset_password"),
            {"email": "nobody@police.example.org"},
            HTTP_ACCEPT_LANGUAGE="fr",
        )
    rows = Notification.objects.filter(to_email="nobody@police.example.org")
    assert rows.exists()
    assert all(row.language == "fr" for row in rows)


@pytest.mark.parametrize(("browser", "saved"), [("es", "es"), ("en", "")])
def test_applying_in_a_language_saves_it_for_later_emails(
    client: Client, django_capture_on_commit_callbacks: Callable, browser: str, saved: str
) -> None:
    from django.contrib.auth import get_user_model

    from tests.accounts.test_signup import form_data

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), form_data(), HTTP_ACCEPT_LANGUAGE=browser)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="jo@police.example.org")
    assert user.language == saved
    confirmation = Notification.objects.get(to_email=user.email, kind__startswith="account.")
    assert confirmation.language == (saved or "en")
