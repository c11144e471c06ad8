"""No `next` parameter, anywhere, sends a visitor to another site."""

from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from tests.conftest import sign_in
from tests.factories import TEST_PASSWORD, MemberFactory
from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

ROUTES = sorted(routes(), key=lambda route: route.name)
# Clients reused across tests (cookies cleared each time): a new one re-scans the static files.
ANONYMOUS, MEMBER = Client(), Client()

EVIL = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http://testserver@evil.example/",
]


def assert_stays_here(response, context: str) -> None:
    if response.status_code in {301, 302, 303, 307, 308}:
        location = response["Location"]
        parts = urlsplit(location.replace("\\", "/"))
        assert parts.scheme in {"", "http", "https"}, f"{context}: {location}"
        assert parts.netloc in {"", "testserver"}, f"{context}: redirected to {location}"
        assert not location.lower().startswith("javascript:"), context


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_no_page_follows_an_outside_next(route):
    ANONYMOUS.cookies.clear()
    MEMBER.cookies.clear()
    member = sign_in(MEMBER, MemberFactory(password="!"))
    for who, client in (("anonymous", ANONYMOUS), ("member", member)):
        for target in EVIL[:3]:
            for method in ("get", "post"):
                response = getattr(client, method)(route.url, {"next": target})
                assert_stays_here(response, f"{method.upper()} {route.name} as {who}")


@pytest.mark.parametrize("target", EVIL)
def test_signing_in_never_sends_one_elsewhere(client, settings, target):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = MemberFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": TEST_PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert_stays_here(response, "sign-in")


@pytest.mark.parametrize("target", EVIL)
def test_signing_out_and_changing_language_never_send_one_elsewhere(client, target):
    response = client.post("/i18n/setlang/", {"language": "en", "next": target})
    assert_stays_here(response, "set_language")
    sign_in(client, MemberFactory(password="!"))
    response = client.post("/accounts/logout/", {"next": target})
    assert_stays_here(response, "sign-out")


def test_a_local_next_is_followed_after_signing_in(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = MemberFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": TEST_PASSWORD, "next": "/about/"}
    )
    assert response["Location"] == "/about/"
