"""The supervisor's email is no phishing relay (issue 16, item 3).

Anyone may apply and confirm their own address; the hub then emails the "supervisor" they
named, from its own sender. That email must carry none of the applicant's words but their
name (cleaned, cut, and marked as theirs), must be rate limited per address and per applicant,
and officers must see where the supervisor's address really is.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from accounts import services
from accounts.models import NAME_FOR_OTHERS_LENGTH, VettingApplication, name_for_others
from hub import clock
from hub.models import AuditEvent
from notifications.models import Notification
from tests import factories
from tests.accounts.test_signup import form_data
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

LURE = "http://hub-login.example.net/reset"
HOSTILE = {
    "full_name": f"Jo Bloggs\n\nYour hub account is locked: sign in at {LURE} or call 0800 123",
    "supervisor_name": f"IT Security,\n\nurgent: verify your password at {LURE}",
    "agency_name": f"Police {LURE}",
    "unit": "Password expiry notice",
    "role_title": "Call +44 20 7946 0000 now",
}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()  # sign-up is rate limited per address on the cache


def _apply_and_confirm(client, **fields) -> VettingApplication:
    client.post(reverse("account_signup"), form_data(**fields))
    # The confirmation email waits in the outbox until the sign-up commits: read it there.
    email = Notification.objects.filter(to_email=fields.get("email", form_data()["email"]))
    confirm = re.search(r"https?://\S*(/accounts/confirm-email/\S+/)", email.latest("pk").body_text)
    assert client.post(confirm.group(1)).status_code == 302
    return VettingApplication.objects.get(email=fields.get("email", form_data()["email"]))


def test_the_supervisor_email_carries_no_applicant_text_but_the_marked_name(
    client, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _apply_and_confirm(client, **HOSTILE)
    row = Notification.objects.get(kind="supervisor_attestation")
    sent = [m for m in mail.outbox if m.to == ["sam@police.example.org"]]
    assert len(sent) == 1
    # Nothing of the other fields, and of the name no link and no number.
    others = ("IT Security", "urgent", "verify", "Police", "expiry", "+44", "7946", "Call")
    for text in (row.subject, row.body_text, sent[0].subject, sent[0].body):
        for fragment in (*others, LURE, "hub-login.example", "0800"):
            assert fragment not in text, (fragment, text)
    assert "Jo Bloggs" not in row.subject
    # The name, cleaned of the link and numbers, on one line, quoted as the applicant's.
    (line,) = [line for line in row.body_text.splitlines() if "given by the applicant" in line]
    assert line == f'Name given by the applicant: "{name_for_others(HOSTILE["full_name"])}"'
    assert len(name_for_others(HOSTILE["full_name"])) <= NAME_FOR_OTHERS_LENGTH
    links = re.findall(r"https?://\S+", row.body_text)
    assert links and all(link.startswith(f"{settings.SITE_URL}/accounts/attest/") for link in links)


def test_the_supervisor_page_marks_what_the_applicant_typed(client):
    application = factories.VettingApplicationFactory(supervisor_name=HOSTILE["supervisor_name"])
    attestation = services.send_attestation(application)
    link = reverse("accounts:attest", args=[services.attestation_token(attestation)])
    response = client.get(link)
    assert response.status_code == 200
    assert b"The applicant typed all of this themselves" in response.content
    assert b"Dear IT Security" not in response.content


@pytest.mark.parametrize(
    ("typed", "quoted"),
    [
        ("Siobhán O'Brien-Ní Bhriain", "Siobhán O'Brien-Ní Bhriain"),
        ("李小龍", "李小龍"),
        ("Jo\r\nBloggs\tsee www.evil.example/x?a=1", "Jo Bloggs see www evil example x a"),
        ("<b>Jo</b> jo@evil.example", "b Jo b jo evil example"),
        # Full-width forms fold to ASCII first, so their look-alike punctuation goes too.
        ("".join(chr(ord(c) + 0xFEE0) for c in "https://") + "evil", "https evil"),
        ("A" * 300, "A" * (NAME_FOR_OTHERS_LENGTH - 1) + "…"),
    ],
)
def test_a_name_for_others_keeps_letters_only_and_is_cut(typed, quoted):
    assert name_for_others(typed) == quoted


def _apply_naming(supervisor: str, **fields) -> VettingApplication:
    return factories.VettingApplicationFactory(supervisor_email=supervisor, **fields)


def test_supervisor_emails_to_one_address_are_limited_per_day():
    limit, window = services.SUPERVISOR_EMAILS_PER_ADDRESS
    for _ in range(limit):
        assert services.send_attestation(_apply_naming("victim@police.example.org"))
    held = _apply_naming("VICTIM@police.example.org")
    assert services.send_attestation(held) is None
    assert not held.attestations.exists()
    to_victim = Notification.objects.filter(to_email__iexact="victim@police.example.org")
    assert to_victim.count() == limit
    event = AuditEvent.objects.get(action="attestation.rate_limited")
    assert event.target == str(held.public_id) and event.details["limit"] == "address"
    # Another address is not held back, and the limit passes with its window.
    assert services.send_attestation(_apply_naming("other@police.example.org"))
    with clock.travel(window + timedelta(minutes=1)):
        assert services.send_attestation(_apply_naming("victim@police.example.org"))


def test_supervisor_emails_for_one_applicant_are_limited():
    limit, window = services.SUPERVISOR_EMAILS_PER_APPLICANT
    applicant = factories.UserFactory()
    for n in range(limit):
        application = _apply_naming(f"boss{n}@police.example.org", applicant=applicant)
        assert services.send_attestation(application)
    application = _apply_naming("boss-next@police.example.org", applicant=applicant)
    assert services.send_attestation(application) is None
    assert AuditEvent.objects.get(action="attestation.rate_limited").details["limit"] == "applicant"
    assert not Notification.objects.filter(to_email="boss-next@police.example.org").exists()
    with clock.travel(window + timedelta(minutes=1)):
        assert services.send_attestation(application)


def test_a_held_back_email_still_opens_the_application_to_officers(client):
    limit, _ = services.SUPERVISOR_EMAILS_PER_ADDRESS
    for _ in range(limit):
        services.send_attestation(_apply_naming("sam@police.example.org"))
    application = _apply_and_confirm(client)
    assert application.email_confirmed_at is not None
    assert not application.attestations.exists()
    assert Notification.objects.filter(to_email="sam@police.example.org").count() == limit


# --- What officers see ---------------------------------------------------------------------


@pytest.fixture
def officer_client(client):
    return sign_in(client, factories.VettingOfficerFactory())


def _signals(officer_client, application) -> str:
    response = officer_client.get(reverse("vetting:application", args=[application.public_id]))
    assert response.status_code == 200
    return response.content.decode()


def test_officers_see_a_supervisor_on_free_mail(officer_client, settings):
    page = _signals(officer_client, _apply_naming("boss@gmail.com"))
    assert "Supervisor on free mail" in page and "<code>gmail.com</code>" in page
    settings.EXTRA_FREE_MAIL_DOMAINS = {"mail.example.com"}
    assert "Supervisor on free mail" in _signals(
        officer_client, _apply_naming("boss@mail.example.com")
    )


def test_officers_see_a_supervisor_on_the_applicants_own_domain(officer_client):
    applicant = factories.UserFactory(email="jo@bloggs-family.example")
    application = _apply_naming("boss@bloggs-family.example", applicant=applicant)
    page = _signals(officer_client, application)
    assert "Supervisor on the applicant's own domain" in page
    assert "Supervisor domain unknown" in page and "<code>bloggs-family.example</code>" in page


def test_a_shared_agency_domain_is_no_warning(officer_client):
    agency = factories.AgencyFactory(domains=["police.example.org"])
    applicant = factories.UserFactory(email="jo@police.example.org")
    page = _signals(officer_client, _apply_naming("boss@police.example.org", applicant=applicant))
    assert "Supervisor domain known" in page and agency.name in page
    assert "own domain" not in page and "free mail" not in page


def test_a_held_back_renewal_email_is_not_announced_as_sent(client):
    limit, _ = services.SUPERVISOR_EMAILS_PER_ADDRESS
    for _ in range(limit):
        services.send_attestation(_apply_naming("boss@police.example.org"))
    member = factories.MemberFactory(membership_valid_until=clock.now() + timedelta(days=20))
    factories.VettingApplicationFactory(applicant=member, state="approved")
    sign_in(client, member)
    response = client.post(
        reverse("accounts:renew"),
        {"supervisor_name": "Boss", "supervisor_email": "boss@police.example.org"},
        follow=True,
    )
    assert member.applications.get(kind=VettingApplication.Kind.RENEWAL).email_confirmed_at
    assert b"The vetting officers will confirm your role." in response.content
    assert b"We have asked your supervisor" not in response.content
