"""A vetting officer resets a member's factors after an identity check."""

import uuid

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.models import AuditEvent
from notifications.models import Notification
from tests.conftest import sign_in
from tests.twofactor.conftest import confirmed_totp
from twofactor.models import BackupCodeDevice

pytestmark = pytest.mark.django_db

REASON = "Lost phone; identity confirmed by call-back via the agency switchboard."


@pytest.fixture
def target(member):
    confirmed_totp(member)
    BackupCodeDevice.objects.create(user=member, name="Backup codes").regenerate()
    return member


def url_for(user) -> str:
    return reverse("twofactor:reset", kwargs={"public_id": user.public_id})


def test_an_officer_resets_a_members_factors(officer_client, target, client_factory):
    members_browser = sign_in(client_factory(), target)
    assert members_browser.get("/catalog/").status_code == 200
    assert officer_client.get(url_for(target)).status_code == 200
    response = officer_client.post(url_for(target), {"identity_checked": "on", "reason": REASON})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=target).exists()
    assert not BackupCodeDevice.objects.filter(user=target).exists()
    # Their sessions ended; at the next sign-in they must enrol again.
    assert members_browser.get("/catalog/").status_code == 302
    sign_in(members_browser, target, verified=False)
    response = members_browser.get("/catalog/")
    assert response["Location"].startswith(reverse("twofactor:setup"))
    event = AuditEvent.objects.get(action="2fa.reset")
    assert event.details["reason"] == REASON
    assert event.details["member"] == str(target.public_id)
    assert event.target == str(target)
    notice = Notification.objects.get(kind="second_factor_changed", recipient=target)
    assert "reset" in notice.subject


def test_a_reason_and_the_identity_check_are_required(officer_client, target):
    response = officer_client.post(url_for(target), {"reason": ""})
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert TOTPDevice.objects.filter(user=target).exists()
    assert not AuditEvent.objects.filter(action="2fa.reset").exists()


def test_a_non_officer_is_refused(member_client, target):
    other = TOTPDevice.objects.filter(user=target).count()
    assert member_client.get(url_for(target)).status_code == 403
    response = member_client.post(url_for(target), {"identity_checked": "on", "reason": REASON})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=target).count() == other


def test_an_unknown_member_is_a_404(officer_client):
    assert officer_client.get(reverse("twofactor:reset", args=[uuid.uuid4()])).status_code == 404
    assert officer_client.get("/accounts/2fa/reset/not-a-uuid/").status_code == 404


def test_anonymous_and_unverified_officers_are_sent_away(client, officer, target):
    response = client.get(url_for(target))
    assert response["Location"].startswith(reverse("account_login"))
    confirmed_totp(officer)
    sign_in(client, officer, verified=False)
    response = client.post(url_for(target), {"identity_checked": "on", "reason": REASON})
    assert response["Location"].startswith(reverse("twofactor:verify"))
    assert TOTPDevice.objects.filter(user=target).exists()


def test_an_officer_cannot_reset_their_own_factors(officer_client, officer):
    response = officer_client.post(url_for(officer), {"identity_checked": "on", "reason": REASON})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=officer).exists()
