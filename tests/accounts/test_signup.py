import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from accounts.models import ApplicationState, SupervisorAttestation, VettingApplication
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "a long passphrase nobody guesses 7"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()  # sign-up is rate limited per address on the cache


def form_data(**overrides):
    data = {
        "full_name": "Jo Investigator",
        "email": "jo@police.example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "agency": "",
        "agency_name": "Example Police",
        "country": "Demoland",
        "unit": "Online child exploitation team",
        "role_title": "Detective sergeant",
        "supervisor_name": "Sam Boss",
        "supervisor_email": "sam@police.example.org",
        "reason": "I triage seized media.",
        "accept_terms": "on",
    }
    data.update(overrides)
    return data


def test_the_sign_up_page_asks_for_the_application(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    for field in ("full_name", "agency", "supervisor_email", "reason", "accept_terms"):
        assert f'name="{field}"'.encode() in response.content


def test_sign_up_creates_the_account_and_its_application(client, settings):
    agency = factories.AgencyFactory(domains=["police.example.org"])
    response = client.post(reverse("account_signup"), form_data(agency=agency.pk, agency_name=""))
    assert response.status_code == 302
    application = VettingApplication.objects.get()
    user = application.applicant
    assert user.full_name == "Jo Investigator"
    assert application.state == ApplicationState.SUBMITTED
    assert application.agency == agency
    assert application.terms_version == settings.TERMS_VERSION
    # Until the address is proven nobody else is emailed and officers do not see it.
    assert application.email_confirmed_at is None
    assert not SupervisorAttestation.objects.exists()
    assert not VettingApplication.objects.ready().exists()


def test_confirming_the_email_sends_the_attestation_and_tells_officers(
    client, django_capture_on_commit_callbacks
):
    officer = factories.VettingOfficerFactory()
    # The confirmation email goes through the outbox: delivered once the sign-up commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("account_signup"), form_data())
    body = mail.outbox[-1].body
    confirm_url = re.search(r"http\S*/accounts/confirm-email/\S+/", body).group(0)
    path = confirm_url.split("testserver", 1)[-1]
    assert client.post(path).status_code == 302
    application = VettingApplication.objects.get()
    assert application.email_confirmed_at is not None
    attestation = application.attestations.get()
    assert attestation.supervisor_email == "sam@police.example.org"
    assert Notification.objects.filter(
        kind="supervisor_attestation", to_email="sam@police.example.org"
    ).exists()
    assert Notification.objects.filter(kind="application_submitted", recipient=officer).exists()


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("short pass", b"too short"),
        ("x" * 129, b"too long"),
        ("password12345", b"too common"),
        ("jo@police.example.org!", b"too similar"),
    ],
)
def test_passwords_follow_nist(client, password, message):
    response = client.post(
        reverse("account_signup"), form_data(password1=password, password2=password)
    )
    assert response.status_code == 200
    assert message in response.content
    assert not VettingApplication.objects.exists()


def test_a_long_plain_passphrase_is_enough(client):
    words = "correct horse battery staple"  # no digits, capitals or symbols required
    client.post(reverse("account_signup"), form_data(password1=words, password2=words))
    assert VettingApplication.objects.exists()


def test_an_agency_must_be_chosen_or_typed(client):
    response = client.post(reverse("account_signup"), form_data(agency_name=""))
    assert response.status_code == 200
    assert b"type its name" in response.content
    assert not VettingApplication.objects.exists()


def test_terms_must_be_accepted(client):
    data = form_data()
    del data["accept_terms"]
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert b"error-summary" in response.content
    assert not VettingApplication.objects.exists()


def test_the_supervisor_cannot_be_oneself(client):
    response = client.post(
        reverse("account_signup"), form_data(supervisor_email="jo@police.example.org")
    )
    assert b"must be different" in response.content


def test_confirming_twice_sends_nothing_more():
    from accounts import services

    officer = factories.VettingOfficerFactory()
    application = factories.VettingApplicationFactory(email_confirmed_at=None)
    assert services.confirm_email(application.applicant) == application
    assert services.confirm_email(application.applicant) is None
    assert application.attestations.count() == 1
    assert Notification.objects.filter(recipient=officer).count() == 1


def test_an_officer_applying_is_not_told_of_their_own_application():
    from accounts import services

    officer = factories.VettingOfficerFactory()
    factories.VettingApplicationFactory(applicant=officer, email_confirmed_at=None)
    services.confirm_email(officer)
    assert not Notification.objects.filter(recipient=officer).exists()


def test_a_second_simultaneous_sign_up_with_the_address_gets_the_usual_answer(client, monkeypatch):
    """Issue 16, item 9: both requests pass the "already registered" check, then the database
    refuses the second (IntegrityError on accounts_user_email_ci_unique): that was a 500."""
    from allauth.account.internal.flows import manage_email

    from accounts.models import User

    client.post(reverse("account_signup"), form_data(email="jo@police.example.org"))
    # The second request checked before the first one's row existed.
    monkeypatch.setattr(manage_email, "email_already_exists", lambda email, **kw: (email, False))
    second = client_factory_post(form_data(email="JO@police.example.org"))
    assert second.status_code == 302
    assert second["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact="jo@police.example.org").count() == 1
    assert VettingApplication.objects.count() == 1


def client_factory_post(data):
    from django.test import Client

    return Client().post(reverse("account_signup"), data)
