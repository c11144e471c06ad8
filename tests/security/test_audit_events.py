"""What the apps must leave in the audit trail: who did what to whom, from where, no secrets.

Vetting decisions, role changes, suspensions and the second factor's enrolment, failure and
reset are each driven the way people do them (through their pages, where there is one) and
the event they write is checked here.
"""

import logging
import re
from base64 import b32encode

import pytest
from django.test import Client
from django.urls import reverse

from accounts import roles
from hub.models import AuditEvent
from tests import factories
from tests.conftest import sign_in
from tests.security.personas import PERSONAS
from tests.security.test_audit import assert_nowhere

pytestmark = pytest.mark.django_db

IP = "203.0.113.77"
BROWSER = "AuditCheck/1.0"


@pytest.fixture
def audit_lines(caplog):
    audit_logger = logging.getLogger("hub.audit")
    audit_logger.addHandler(caplog.handler)
    yield lambda: [r.getMessage() for r in caplog.records if r.name == "hub.audit"]
    audit_logger.removeHandler(caplog.handler)


def _as(persona: str) -> tuple[Client, object]:
    client = Client(REMOTE_ADDR=IP, HTTP_USER_AGENT=BROWSER)
    return client, PERSONAS[persona](client)


def _one(action: str) -> AuditEvent:
    event = AuditEvent.objects.get(action=action)
    assert (event.ip_address, event.user_agent) == (IP, BROWSER)
    assert event.created_at.utcoffset().total_seconds() == 0
    return event


@pytest.mark.parametrize(
    ("decision", "action"),
    [
        ("approve", "application.approved"),
        ("reject", "application.rejected"),
        ("request_information", "application.information_requested"),
    ],
)
def test_a_vetting_decision_is_recorded(decision, action):
    officer_client, officer = _as("vetting_officer")
    application = factories.VettingApplicationFactory()
    url = reverse("vetting:application", kwargs={"public_id": application.public_id})
    response = officer_client.post(url, {"decision": decision, "reason": "Checked with the unit."})
    assert response.status_code == 302
    event = _one(action)
    assert event.actor == officer
    assert event.target == str(application.public_id)
    assert event.details["applicant"] == application.email
    assert event.details["reason"] == "Checked with the unit."


def test_role_changes_are_recorded_with_who_made_them():
    administrator = factories.AdministratorFactory()
    person = factories.MemberFactory()
    assert roles.grant_role(person, roles.CURATOR, actor=administrator)
    assert roles.revoke_role(person, roles.CURATOR, actor=administrator)
    granted = AuditEvent.objects.get(action="role.granted", target=person.email)
    revoked = AuditEvent.objects.get(action="role.revoked", target=person.email)
    for event in (granted, revoked):
        assert event.actor == administrator
        assert event.details == {"role": roles.CURATOR}


def test_suspending_and_reinstating_are_recorded():
    officer_client, officer = _as("vetting_officer")
    member = factories.MemberFactory()
    for name, action in (
        ("vetting:suspend", "member.suspended"),
        ("vetting:reinstate", "member.reinstated"),
    ):
        url = reverse(name, kwargs={"public_id": member.public_id})
        assert officer_client.post(url, {"reason": "Agency asked us to."}).status_code == 302
        event = _one(action)
        assert (event.actor, event.target) == (officer, member.email)
        assert event.details["reason"] == "Agency asked us to."
    assert AuditEvent.objects.get(action="member.suspended").details["sessions_ended"] >= 0


def _code(device) -> str:
    from tests.twofactor.conftest import totp_code

    return totp_code(device)


def test_enrolling_an_authenticator_is_recorded_without_its_key_or_codes(audit_lines):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client(REMOTE_ADDR=IP, HTTP_USER_AGENT=BROWSER)
    user = factories.MemberFactory(password="!")
    sign_in(client, user, verified=False)
    assert client.get(reverse("twofactor:setup")).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    code = _code(device)
    response = client.post(reverse("twofactor:setup"), {"code": code, "name": "Work phone"})
    assert response.status_code == 200, "the new backup codes are shown"
    event = _one("2fa.enrolled")
    assert event.details == {"device": "totp", "name": "Work phone"}
    backup_codes = re.findall(r"<code>([^<]+)</code>", response.content.decode())
    assert len(backup_codes) >= 5
    secrets = [device.key, b32encode(device.bin_key).decode().rstrip("="), code, *backup_codes]
    assert_nowhere(secrets, audit_lines())


def test_a_wrong_code_is_recorded_without_the_code(audit_lines):
    client, user = _as("unverified")
    _confirmed_device(user)
    response = client.post(reverse("twofactor:verify"), {"code": "000001"})
    assert response.status_code == 400
    event = _one("2fa.failed")
    assert event.target == str(user)
    assert event.details["failures"] == 1
    assert_nowhere(["000001"], audit_lines())


def _confirmed_device(user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def test_a_reset_by_a_vetting_officer_is_recorded():
    officer_client, officer = _as("vetting_officer")
    member = factories.MemberFactory()
    _confirmed_device(member)
    url = reverse("twofactor:reset", kwargs={"public_id": member.public_id})
    response = officer_client.post(
        url, {"identity_checked": "on", "reason": "Called back on the agency switchboard."}
    )
    assert response.status_code == 302
    event = _one("2fa.reset")
    assert event.actor == officer
    assert event.details["member"] == str(member.public_id)
    assert event.details["devices_removed"] == 1
