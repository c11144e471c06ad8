"""Passkeys (django-otp-webauthn) under the hub's rules: CSP-safe pages, fresh authentication
to add one, verification that renews the session, failures counted with the codes.

A real WebAuthn ceremony needs an authenticator; these tests stand in for py_webauthn's
cryptographic check (the library's own tests cover it) and test everything around it.
"""

import json
import os

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential

from hub.models import AuditEvent
from tests.conftest import sign_in
from tests.twofactor.conftest import confirmed_totp, reauthenticate

pytestmark = pytest.mark.django_db


def make_passkey(user, name="Laptop passkey") -> WebAuthnCredential:
    return WebAuthnCredential.objects.create(
        user=user,
        name=name,
        confirmed=True,
        credential_id=os.urandom(32),
        public_key=os.urandom(77),
        aaguid="00000000-0000-0000-0000-000000000000",
    )


def post_json(client, name: str, data: dict | None = None, **extra):
    return client.post(
        reverse(name), json.dumps(data or {}), content_type="application/json", **extra
    )


def test_the_verify_page_offers_a_passkey_with_no_inline_script(unverified_client, member):
    make_passkey(member)
    response = unverified_client.get(reverse("twofactor:verify"))
    body = response.content.decode()
    assert 'id="passkey-verification-placeholder"' in body
    assert 'type="application/json"' in body  # configuration as data, not script
    assert "otp_webauthn_auth." in body
    import re

    for tag in re.findall(r"<script[^>]*>", body):
        assert "src=" in tag or 'type="application/json"' in tag, tag


def test_no_passkey_no_passkey_script(unverified_client):
    response = unverified_client.get(reverse("twofactor:verify"))
    assert b"otp_webauthn_auth." not in response.content


def test_a_signed_in_person_can_begin_a_passkey_check(unverified_client, member):
    make_passkey(member)
    response = post_json(unverified_client, "otp_webauthn:credential-authentication-begin")
    assert response.status_code == 200
    assert "challenge" in response.json()


def test_an_anonymous_visitor_cannot_begin_a_passkey_check(client):
    response = post_json(client, "otp_webauthn:credential-authentication-begin")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_passkey_verifies_and_renews_the_session(unverified_client, member, monkeypatch):
    passkey = make_passkey(member)
    monkeypatch.setattr(WebAuthnHelper, "authenticate_complete", lambda self, **kw: passkey)
    post_json(unverified_client, "otp_webauthn:credential-authentication-begin")
    before = unverified_client.session.session_key
    response = unverified_client.post(
        reverse("otp_webauthn:credential-authentication-complete") + "?next=/catalog/",
        "{}",
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["redirect_url"] == "/catalog/"
    assert unverified_client.session.session_key != before
    assert unverified_client.session[DEVICE_ID_SESSION_KEY] == passkey.persistent_id
    assert unverified_client.get("/catalog/").status_code == 200
    assert AuditEvent.objects.filter(action="2fa.verified", details__device="passkey").exists()


def test_a_failed_passkey_counts_towards_the_account_limit(unverified_client, member, settings):
    make_passkey(member)
    for _ in range(settings.HUB_RATE_LIMITS["twofactor_failed_session"][0]):
        post_json(unverified_client, "otp_webauthn:credential-authentication-begin")
        response = post_json(
            unverified_client, "otp_webauthn:credential-authentication-complete", {"id": "x"}
        )
        assert 400 <= response.status_code < 500
    assert AuditEvent.objects.filter(action="2fa.failed", details__reason="passkey").count() == 5
    response = post_json(unverified_client, "otp_webauthn:credential-authentication-begin")
    assert response.status_code == 429
    response = unverified_client.post(reverse("twofactor:verify"), {"code": "123456"})
    assert b"Too many wrong codes" in response.content


def test_adding_a_passkey_needs_a_fresh_password_and_code(member_client, member):
    response = member_client.get(reverse("twofactor:add_passkey"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    response = post_json(member_client, "otp_webauthn:credential-registration-begin")
    assert response.status_code == 403
    assert response.json()["code"] == "reauthentication_required"


def test_an_unverified_person_cannot_register_a_passkey(unverified_client):
    response = post_json(unverified_client, "otp_webauthn:credential-registration-begin")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("twofactor:verify"))
    assert not WebAuthnCredential.objects.exists()


def test_adding_a_passkey_is_audited(member_client, member, monkeypatch):
    reauthenticate(member_client, member)
    page = member_client.get(reverse("twofactor:add_passkey"))
    assert page.status_code == 200
    assert b'id="passkey-registration-placeholder"' in page.content
    response = post_json(member_client, "otp_webauthn:credential-registration-begin")
    assert response.status_code == 200
    assert response.json()["rp"]["id"] == "localhost"
    created = {}

    def fake_complete(self, *, user, state, data):
        created["device"] = make_passkey(user, name="New passkey")
        return created["device"]

    monkeypatch.setattr(WebAuthnHelper, "register_complete", fake_complete)
    response = post_json(member_client, "otp_webauthn:credential-registration-complete")
    assert response.status_code == 200, response.content
    assert AuditEvent.objects.filter(action="2fa.enrolled", details__device="passkey").exists()


def test_a_passkey_is_a_device_of_its_own(member_client, member):
    totp = confirmed_totp(member)
    make_passkey(member)
    response = member_client.get(reverse("twofactor:security"))
    assert b"Laptop passkey" in response.content
    reauthenticate(member_client, member)
    response = member_client.post(
        reverse("twofactor:remove_device"), {"device": totp.persistent_id}
    )
    assert response.status_code == 302
    assert not type(totp).objects.filter(pk=totp.pk).exists()


def test_someone_elses_passkey_does_not_verify(client, member, monkeypatch):
    from django_otp_webauthn import exceptions

    from tests.factories import MemberFactory

    theirs = make_passkey(MemberFactory())

    def complete(self, *, user, state, data):
        if user and theirs.user_id != user.pk:
            raise exceptions.CredentialUserMismatch
        return theirs

    monkeypatch.setattr(WebAuthnHelper, "authenticate_complete", complete)
    confirmed_totp(member)
    sign_in(client, member, verified=False)
    post_json(client, "otp_webauthn:credential-authentication-begin")
    response = post_json(client, "otp_webauthn:credential-authentication-complete")
    assert response.status_code >= 400
    assert client.get("/catalog/").status_code == 302
