"""Production headers, cookies and `check --deploy`, on the settings production uses.

The suite runs with DEBUG off and production's settings (only the key and the HTTPS redirect
differ: see TEST_ENV in the Makefile), so these responses are production's.
"""

import pytest

from tests.production import manage_check, production_env

pytestmark = pytest.mark.django_db


@pytest.fixture
def landing(client):
    return client.get("/", secure=True)


def test_the_tests_run_with_production_settings(settings):
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE


def _pages(client):
    """A public page, a form, an error page and a member's page: every kind of response."""
    from tests.conftest import sign_in
    from tests.factories import MemberFactory

    yield "landing", client.get("/", secure=True)
    yield "sign-in form", client.get("/accounts/login/", secure=True)
    yield "404", client.get("/no-such-page/", secure=True)
    yield "sign-in redirect", client.get("/catalog/", secure=True)
    sign_in(client, MemberFactory())
    yield "member page", client.get("/catalog/", secure=True)


def test_every_kind_of_response_carries_the_headers(client):
    for kind, response in _pages(client):
        csp = response["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp, kind
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, kind
        assert "max-age=" in response["Strict-Transport-Security"], kind
        assert response["X-Content-Type-Options"] == "nosniff", kind
        assert response["Referrer-Policy"] == "same-origin", kind
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", kind
        assert "publickey-credentials-get=(self)" in response["Permissions-Policy"], kind


def test_signed_in_responses_are_no_store_and_public_ones_stay_cacheable(client):
    """The matrix proves no-store on every URL; here, what it cannot see: a public page for an
    anonymous visitor stays cacheable, a 404 for a signed-in member does not."""
    from tests.conftest import sign_in
    from tests.factories import MemberFactory

    assert "no-store" not in client.get("/", secure=True).get("Cache-Control", "")
    sign_in(client, MemberFactory())
    for path in ("/", "/no-such-page/", "/catalog/"):
        assert "no-store" in client.get(path, secure=True)["Cache-Control"], path
        assert "private" in client.get(path, secure=True)["Cache-Control"], path


def test_csp_is_strict(landing):
    csp = landing["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_transport_and_framing_headers(landing):
    hsts = landing["Strict-Transport-Security"]
    assert "includeSubDomains" in hsts
    assert int(hsts.split("max-age=")[1].split(";")[0]) >= 31_536_000
    assert landing["X-Content-Type-Options"] == "nosniff"
    assert landing["X-Frame-Options"] == "DENY"
    assert landing["Referrer-Policy"] == "same-origin"
    assert landing["Cross-Origin-Opener-Policy"] == "same-origin"


def test_permissions_policy_allows_passkeys_for_the_hub_only(landing):
    policy = landing["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy
    assert "publickey-credentials-get=(self)" in policy
    assert "publickey-credentials-create=(self)" in policy
    assert "microphone=()" in policy and "payment=()" in policy and "usb=()" in policy


def test_cookies_are_host_bound_secure_and_http_only(client, settings):
    response = client.get("/accounts/login/", secure=True)
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]
    assert settings.CSRF_COOKIE_NAME.startswith("__Host-")
    assert settings.SESSION_COOKIE_NAME.startswith("__Host-")
    assert csrf["secure"] and csrf["httponly"] and csrf["path"] == "/"
    assert csrf["samesite"] == "Strict"
    # __Host- requires no Domain attribute, so no subdomain can set or read the cookie.
    assert not csrf["domain"]


def test_the_session_cookie_is_host_bound_secure_http_only_and_same_site(client, settings):
    from allauth.account.models import EmailAddress

    from tests.factories import TEST_PASSWORD, MemberFactory

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = MemberFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": TEST_PASSWORD}, secure=True
    )
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert settings.SESSION_COOKIE_NAME == "__Host-sessionid"
    assert session["secure"] and session["httponly"] and session["path"] == "/"
    assert session["samesite"] == "Lax"
    assert not session["domain"]
    # Ends with the browser; the server ends it after 12 hours, or 30 idle minutes, anyway.
    assert not session["max-age"] and not session["expires"]


def test_check_deploy_is_clean_with_production_settings():
    result = manage_check(production_env(), "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr


def test_start_up_names_a_missing_secret_key():
    env = production_env()
    del env["SECRET_KEY"]
    result = manage_check(env)
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_start_up_names_a_malformed_boolean():
    result = manage_check(production_env() | {"DEBUG": "maybe"})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr
