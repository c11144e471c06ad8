import re
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from accounts import services
from hub import clock
from hub.models import AuditEvent
from notifications.models import Notification
from notifications.tasks import deliver
from tests import factories
from tests.conftest import sign_in
from tests.security.personas import ADMINISTRATOR, NO_PASSWORD, grant_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def attestation():
    application = factories.VettingApplicationFactory()
    return services.send_attestation(application)


def url(attestation):
    return reverse("accounts:attest", args=[services.attestation_token(attestation)])


def test_the_supervisor_sees_the_applicant_without_an_account(client, attestation):
    response = client.get(url(attestation))
    assert response.status_code == 200
    assert attestation.application.full_name.encode() in response.content
    assert b'name="outcome"' in response.content


@pytest.mark.parametrize("outcome", ["confirmed", "denied"])
def test_an_answer_is_recorded_and_audited(client, attestation, outcome):
    response = client.post(url(attestation), {"outcome": outcome, "comment": "Known to me"})
    assert response.status_code == 200
    attestation.refresh_from_db()
    assert attestation.outcome == outcome
    assert attestation.answered_at is not None
    assert attestation.answered_from == "127.0.0.1"
    event = AuditEvent.objects.get(action="attestation.answered")
    assert event.details["outcome"] == outcome


def test_the_link_works_once(client, attestation):
    client.post(url(attestation), {"outcome": "confirmed"})
    again = client.post(url(attestation), {"outcome": "denied"})
    assert again.status_code == 410
    assert b"already been used" in again.content
    attestation.refresh_from_db()
    assert attestation.outcome == "confirmed"
    assert client.get(url(attestation)).status_code == 410


def test_an_expired_link_is_refused(client, attestation):
    with clock.travel(timedelta(days=7, minutes=1)):
        response = client.post(url(attestation), {"outcome": "confirmed"})
    assert response.status_code == 410
    assert b"expired" in response.content
    attestation.refresh_from_db()
    assert attestation.answered_at is None


def test_a_tampered_link_is_refused(client, attestation):
    token = services.attestation_token(attestation)
    forged = signing.dumps(str(attestation.public_id), salt="something-else")
    for bad in (token[:-2] + "xx", forged, "not-a-token"):
        response = client.get(reverse("accounts:attest", args=[bad]))
        assert response.status_code == 404
        assert b"not valid" in response.content


def test_a_link_to_a_deleted_attestation_is_a_404(client, attestation):
    link = url(attestation)
    attestation.delete()
    assert client.get(link).status_code == 404


def test_an_answer_must_be_chosen(client, attestation):
    response = client.post(url(attestation), {"outcome": "maybe"})
    assert response.status_code == 400
    assert b"error-summary" in response.content
    attestation.refresh_from_db()
    assert attestation.answered_at is None


def test_officers_see_the_result_and_time(client, attestation):
    from tests.conftest import sign_in

    client.post(url(attestation), {"outcome": "confirmed"})
    officer = factories.VettingOfficerFactory()
    officer_client = sign_in(client.__class__(), officer)
    page = officer_client.get(
        reverse("vetting:application", args=[attestation.application.public_id])
    )
    assert b"Supervisor confirmed" in page.content


# --- Issue 16, item 7: the link is a credential ------------------------------------------


def test_the_outbox_keeps_no_working_link(attestation):
    row = Notification.objects.get(kind="supervisor_attestation")
    token = services.attestation_token(attestation)
    signed_part = token.split(":")[0]
    for stored in (row.url, row.body_text, row.body_html, row.subject):
        assert signed_part not in stored
        assert "/accounts/attest/" not in stored or "link-withheld" in stored
    assert "link-withheld" in row.body_text


def test_the_email_carries_a_working_link_made_at_send_time(client, mailoutbox):
    application = factories.VettingApplicationFactory()
    services.send_attestation(application)
    row = Notification.objects.get(kind="supervisor_attestation")
    assert deliver.apply(args=[row.pk]).get() == "sent"
    (email,) = mailoutbox
    (link,) = re.findall(r"https?://\S+/accounts/attest/[^/\s]+/", email.body)
    assert "link-withheld" not in link
    path = link[link.index("/accounts/") :]
    response = client.post(path, {"outcome": "confirmed"})
    assert response.status_code == 200
    assert application.attestations.get().outcome == "confirmed"


def test_the_notification_admin_shows_no_working_link(attestation):
    administrator = factories.MemberFactory(password=NO_PASSWORD)
    grant_role(administrator, ADMINISTRATOR)
    client = sign_in(Client(), administrator)
    row = Notification.objects.get(kind="supervisor_attestation")
    page = client.get(reverse("admin:notifications_notification_change", args=[row.pk]))
    assert page.status_code == 200
    assert b"link-withheld" in page.content
    assert services.attestation_token(attestation).split(":")[0].encode() not in page.content


def test_an_email_for_a_deleted_attestation_is_given_up_not_sent(attestation, mailoutbox):
    row = Notification.objects.get(kind="supervisor_attestation")
    attestation.delete()
    assert deliver.apply(args=[row.pk]).get() == "failed"
    assert mailoutbox == []


@pytest.mark.parametrize("role", ["administrator", "curator", "vetting_officer", "superuser"])
def test_the_hubs_staff_cannot_answer_for_a_supervisor(client, attestation, role):
    staff = factories.MemberFactory(password=NO_PASSWORD, is_superuser=role == "superuser")
    if role != "superuser":
        grant_role(staff, role)
    sign_in(client, staff)
    assert client.get(url(attestation)).status_code == 403
    response = client.post(url(attestation), {"outcome": "confirmed"})
    assert response.status_code == 403
    attestation.refresh_from_db()
    assert attestation.answered_at is None
    assert AuditEvent.objects.filter(action="attestation.refused", actor=staff).count() == 2


def test_a_signed_in_member_who_is_the_supervisor_may_answer(client, attestation):
    sign_in(client, factories.MemberFactory())
    response = client.post(url(attestation), {"outcome": "confirmed"})
    assert response.status_code == 200
    attestation.refresh_from_db()
    assert attestation.outcome == "confirmed"


def test_the_migration_withholds_links_already_in_the_outbox(attestation):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("accounts.migrations.0004_withhold_attestation_links")
    link = url(attestation)
    Notification.objects.filter(kind="supervisor_attestation").update(
        url=link, body_text=f"Open https://hub.example.org{link} now."
    )
    migration.withhold_links(apps, None)
    row = Notification.objects.get(kind="supervisor_attestation")
    assert row.url == "/accounts/attest/link-withheld/"
    assert row.body_text == "Open https://hub.example.org/accounts/attest/link-withheld/ now."
