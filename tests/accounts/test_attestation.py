from datetime import timedelta

import pytest
from django.core import signing
from django.urls import reverse

from accounts import services
from hub import clock
from hub.models import AuditEvent
from tests import factories

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
