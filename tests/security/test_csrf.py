"""CSRF is required on every POST, for every URL pattern, signed in or not."""

import pytest
from django.test import Client

from tests.conftest import sign_in
from tests.factories import MemberFactory
from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

ROUTES = sorted(routes(), key=lambda route: route.name)

# URL names that take a POST without a CSRF token, each with the reason. Keep it empty.
CSRF_EXEMPT: dict[str, str] = {}

# Clients reused across tests (cookies cleared each time): a new one re-scans the static files.
ANONYMOUS, MEMBER = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_a_post_without_a_token_is_refused(route):
    ANONYMOUS.cookies.clear()
    MEMBER.cookies.clear()
    anonymous, member = ANONYMOUS, sign_in(MEMBER, MemberFactory(password="!"))
    for who, client in (("anonymous", anonymous), ("member", member)):
        response = client.post(route.url, {"anything": "x"})
        if route.name in CSRF_EXEMPT:
            assert response.status_code != 403, route.name
        else:
            assert response.status_code == 403, f"POST {route.url} as {who} without a token"
            assert b"Your form could not be sent" in response.content, "not the CSRF page"


def test_a_post_with_the_token_goes_through(client):
    browser = Client(enforce_csrf_checks=True)
    form = browser.get("/accounts/login/")
    token = form.cookies["__Host-csrftoken"].value
    response = browser.post(
        "/accounts/login/",
        {"login": "nobody@police.example.org", "password": "x" * 12},
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 200  # the form, with its error: past the CSRF check
