"""Verification: codes are single-use, throttled per account, and verifying renews the session."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY

from hub import clock
from hub.models import AuditEvent
from tests.twofactor.conftest import confirmed_totp, totp_code, unused_code
from twofactor.models import BackupCodeDevice

pytestmark = pytest.mark.django_db

LIMIT, WINDOW = settings.HUB_RATE_LIMITS["twofactor_failed_session"]


def test_a_person_with_a_device_is_sent_to_verify_with_next(unverified_client):
    response = unverified_client.get("/catalog/")
    assert response["Location"] == f"{reverse('twofactor:verify')}?next=/catalog/"


def test_the_verify_page_has_a_labelled_code_field(unverified_client):
    body = unverified_client.get(reverse("twofactor:verify")).content.decode()
    assert 'name="code"' in body and 'for="id_code"' in body


def test_a_right_code_verifies_and_goes_on_to_next(unverified_client, member):
    device = confirmed_totp(member)
    response = unverified_client.post(
        reverse("twofactor:verify"), {"code": totp_code(device), "next": "/catalog/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/catalog/"
    assert unverified_client.get("/catalog/").status_code == 200
    assert unverified_client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert AuditEvent.objects.filter(action="2fa.verified", details__device="totp").exists()


def test_verification_rotates_the_session_key_and_the_csrf_token(unverified_client, member):
    unverified_client.get(reverse("twofactor:verify"))
    before_session = unverified_client.session.session_key
    before_csrf = unverified_client.cookies[settings.CSRF_COOKIE_NAME].value
    response = unverified_client.post(
        reverse("twofactor:verify"), {"code": totp_code(confirmed_totp(member))}
    )
    assert response.status_code == 302
    assert unverified_client.session.session_key != before_session
    assert unverified_client.cookies[settings.CSRF_COOKIE_NAME].value != before_csrf
    # The old key is worth nothing now.
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=before_session).exists()


def test_an_unsafe_next_is_ignored(unverified_client, member):
    response = unverified_client.post(
        reverse("twofactor:verify"),
        {"code": totp_code(confirmed_totp(member)), "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)


def test_a_wrong_code_is_refused_and_audited(unverified_client, member):
    confirmed_totp(member)
    response = unverified_client.post(reverse("twofactor:verify"), {"code": "123456"})
    assert response.status_code == 400
    assert b"That code is not right" in response.content
    assert unverified_client.get("/catalog/").status_code == 302
    event = AuditEvent.objects.get(action="2fa.failed")
    assert event.details == {"reason": "failed", "failures": 1}
    assert "123456" not in str(event.details)


def test_a_replayed_code_is_refused_and_audited(client_factory, member):
    from tests.conftest import sign_in

    device = confirmed_totp(member)
    code = totp_code(device)
    first, second = client_factory(), client_factory()
    for browser in (first, second):
        sign_in(browser, member, verified=False)
    assert first.post(reverse("twofactor:verify"), {"code": code}).status_code == 302
    response = second.post(reverse("twofactor:verify"), {"code": code})
    assert response.status_code == 400
    assert b"already been used" in response.content
    assert second.get("/catalog/").status_code == 302
    assert AuditEvent.objects.filter(action="2fa.replay").count() == 1


def test_an_older_code_than_the_last_accepted_one_is_a_replay(unverified_client, member):
    device = confirmed_totp(member)
    newer, older = totp_code(device, 1), totp_code(device, 0)
    assert unverified_client.post(reverse("twofactor:verify"), {"code": newer}).status_code == 302
    response = unverified_client.post(reverse("twofactor:verify"), {"code": older})
    assert response.status_code == 400
    assert AuditEvent.objects.filter(action="2fa.replay").exists()


def test_throttling_engages_after_the_limit_and_recovers(unverified_client, member):
    device = confirmed_totp(member)
    for _ in range(LIMIT - 1):
        response = unverified_client.post(reverse("twofactor:verify"), {"code": "000000"})
        assert b"not right" in response.content
    response = unverified_client.post(reverse("twofactor:verify"), {"code": "000000"})
    assert b"Too many wrong codes" in response.content
    # Now even the right code is refused, and the refusal is audited.
    response = unverified_client.post(reverse("twofactor:verify"), {"code": totp_code(device)})
    assert b"Too many wrong codes" in response.content
    assert unverified_client.get("/catalog/").status_code == 302
    assert AuditEvent.objects.filter(action="2fa.failed", details__reason="locked").exists()
    with clock.travel(timedelta(seconds=WINDOW)):
        response = unverified_client.post(
            reverse("twofactor:verify"), {"code": unused_code(device)}
        )
        assert response.status_code == 302
        assert unverified_client.get("/catalog/").status_code == 200


def test_throttling_counts_failures_across_devices(unverified_client, member, settings):
    device = confirmed_totp(member)
    BackupCodeDevice.objects.create(user=member, name="Backup codes").regenerate()
    half = LIMIT // 2
    for _ in range(half):
        unverified_client.post(reverse("twofactor:verify"), {"code": "000000"})
    for _ in range(LIMIT - half):
        unverified_client.post(reverse("twofactor:verify"), {"code": "abcde-fghjk"})
    response = unverified_client.post(reverse("twofactor:verify"), {"code": totp_code(device)})
    assert b"Too many wrong codes" in response.content


def test_throttling_is_per_account(client_factory, member, settings):
    from tests.conftest import sign_in
    from tests.factories import MemberFactory

    other = MemberFactory()
    attacker, victim = client_factory(), client_factory()
    confirmed_totp(member)
    sign_in(attacker, member, verified=False)
    sign_in(victim, other, verified=False)
    for _ in range(LIMIT):
        attacker.post(reverse("twofactor:verify"), {"code": "000000"})
    response = victim.post(reverse("twofactor:verify"), {"code": totp_code(confirmed_totp(other))})
    assert response.status_code == 302


def test_an_empty_code_gets_a_clear_message(unverified_client):
    response = unverified_client.post(reverse("twofactor:verify"), {"code": ""})
    assert response.status_code == 400
    assert b"There is a problem" in response.content


def test_verify_without_any_device_sends_to_setup(client, member):
    from tests.conftest import sign_in

    sign_in(client, member, verified=False)
    response = client.get(reverse("twofactor:verify"))
    assert response["Location"].startswith(reverse("twofactor:setup"))
