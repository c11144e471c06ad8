"""Backup codes: stored as keyed hashes, each usable once, replaced wholesale on regeneration."""

import pytest
from django.urls import reverse

from hub.models import AuditEvent
from notifications.models import Notification
from tests.twofactor.conftest import confirmed_totp, reauthenticate
from twofactor.models import BackupCode, BackupCodeDevice, hash_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def codes(member):
    confirmed_totp(member)
    return BackupCodeDevice.objects.create(user=member, name="Backup codes").regenerate()


def test_codes_are_not_stored_in_plaintext(codes, member):
    stored = list(
        BackupCode.objects.filter(device__user=member).values_list("code_hash", flat=True)
    )
    assert len(stored) == 10
    for code in codes:
        plain = code.replace("-", "")
        assert all(plain not in value and code not in value for value in stored)
        assert hash_code(code) in stored
    assert len(stored[0]) == 64


def test_a_backup_code_signs_in_once_only(client_factory, member, codes):
    from tests.conftest import sign_in

    first, second = client_factory(), client_factory()
    for browser in (first, second):
        sign_in(browser, member, verified=False)
    code = codes[3].upper().replace("-", " ")  # as typed from paper
    response = first.post(reverse("twofactor:verify"), {"code": code, "next": "/catalog/"})
    assert response.status_code == 302
    assert first.get("/catalog/").status_code == 200
    assert AuditEvent.objects.filter(action="2fa.backup_code_used", details__remaining=9).exists()
    assert AuditEvent.objects.filter(action="2fa.verified", details__device="backup_code").exists()
    notice = Notification.objects.get(kind="second_factor_changed", recipient=member)
    assert "backup code was used" in notice.subject
    response = second.post(reverse("twofactor:verify"), {"code": codes[3]})
    assert response.status_code == 400
    assert second.get("/catalog/").status_code == 302


def test_regenerating_needs_a_fresh_password_and_code(member_client):
    response = member_client.get(reverse("twofactor:backup_codes"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    response = member_client.post(reverse("twofactor:backup_codes"))
    assert response.status_code == 302
    assert not BackupCodeDevice.objects.exists()


def test_regenerating_kills_the_old_codes(client_factory, member_client, member, codes):
    from tests.conftest import sign_in

    reauthenticate(member_client, member)
    response = member_client.get(reverse("twofactor:backup_codes"))
    assert response.status_code == 200
    response = member_client.post(reverse("twofactor:backup_codes"))
    assert response.status_code == 200
    new_codes = response.context["codes"]
    assert len(new_codes) == 10 and not set(new_codes) & set(codes)
    assert AuditEvent.objects.filter(action="2fa.backup_codes_generated").exists()
    other = sign_in(client_factory(), member, verified=False)
    assert other.post(reverse("twofactor:verify"), {"code": codes[0]}).status_code == 400
    assert other.post(reverse("twofactor:verify"), {"code": new_codes[0]}).status_code == 302


def test_anonymous_and_unverified_people_cannot_regenerate(client, unverified_client):
    from django.test import Client

    anonymous = Client()
    response = anonymous.post(reverse("twofactor:backup_codes"))
    assert response["Location"].startswith(reverse("account_login"))
    response = unverified_client.post(reverse("twofactor:backup_codes"))
    assert response["Location"].startswith(reverse("twofactor:verify"))
    assert not BackupCodeDevice.objects.exists()
