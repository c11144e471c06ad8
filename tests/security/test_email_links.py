"""Emailed links are built from SITE_URL, never from the request's Host (issue 16, item 6).

A host name that passes ALLOWED_HOSTS is not one the attacker cannot choose: a hub that answers
to several names (or a proxy that forwards any) would otherwise email a victim a genuine
password-reset key on the attacker's host. Each test asks with such a hostile Host.
"""

import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests import factories
from tests.accounts.test_signup import form_data

pytestmark = pytest.mark.django_db

SITE_URL = "https://hub.example.org"
HOSTILE = "attacker.example.net"
LINK = re.compile(r"https?://[^\s<>\"']+")


@pytest.fixture(autouse=True)
def _hostile_host_allowed(settings):
    cache.clear()  # sign-up and password resets are rate limited per address on the cache
    settings.SITE_URL = SITE_URL
    settings.ALLOWED_HOSTS = ["hub.example.org", HOSTILE]


def _links_of_last_email() -> list[str]:
    message = mail.outbox[-1]
    parts = [message.subject, message.body] + [body for body, _ in message.alternatives]
    text = "\n".join(parts)
    assert HOSTILE not in text, text
    return LINK.findall(text)


def _assert_on_site(links: list[str], path: str) -> None:
    assert links, "the email has no link"
    assert all(link.startswith(f"{SITE_URL}/") for link in links), links
    assert any(link.startswith(f"{SITE_URL}{path}") for link in links), links


# allauth's emails go through the outbox: each is delivered once the request's work commits.


def test_the_email_confirmation_link_is_on_site_url(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), form_data(), HTTP_HOST=HOSTILE, secure=True)
    _assert_on_site(_links_of_last_email(), "/accounts/confirm-email/")


def test_the_password_reset_link_is_on_site_url(client, django_capture_on_commit_callbacks):
    user = factories.MemberFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_reset_password"),
            {"email": user.email},
            HTTP_HOST=HOSTILE,
            secure=True,
        )
    assert response.status_code == 302
    assert mail.outbox[-1].to == [user.email]
    _assert_on_site(_links_of_last_email(), "/accounts/password/reset/key/")


def test_the_unknown_account_email_links_to_site_url(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_reset_password"),
            {"email": "nobody@police.example.org"},
            HTTP_HOST=HOSTILE,
            secure=True,
        )
    assert mail.outbox[-1].to == ["nobody@police.example.org"]
    _assert_on_site(_links_of_last_email(), "/accounts/")
