"""Demo accounts, agencies and applications in every state. Fictional, and marked as such."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import roles
from accounts.models import (
    Agency,
    AgencyDomain,
    ApplicationMessage,
    ApplicationState,
    SupervisorAttestation,
    VettingApplication,
)
from hub import clock

if TYPE_CHECKING:
    from accounts.models import User


PASSWORD = "demo-password-2026"  # noqa: S105 - the published demo password
# RFC 6238's test key ("12345678901234567890"), so any authenticator can be set up by hand.
TOTP_KEY = "3132333435363738393031323334353637383930"

AGENCIES = [
    ("Demo National Police (fictional)", "Demoland", ["demo.example.org", "police.demo.example"]),
    ("Northshire Constabulary (fictional)", "United Kingdom", ["northshire.example.org"]),
    ("Bundesdemo Kriminalamt (fictional)", "Germany", ["bka.demo.example"]),
    ("Policía Demo (fictional)", "Spain", ["policia.demo.example"]),
]

STAFF = [
    ("member@demo.example.org", "Morgan Member", []),
    ("officer@demo.example.org", "Olive Officer", [roles.VETTING_OFFICER]),
    ("curator@demo.example.org", "Casey Curator", [roles.CURATOR]),
    ("admin@demo.example.org", "Ada Administrator", [roles.ADMINISTRATOR]),
]

# (email, name, state, days ago submitted, attestation outcome or "" / "pending")
APPLICANTS = [
    ("applicant@demo.example.org", "Alex Applicant", ApplicationState.SUBMITTED, 2, "pending"),
    (
        "resubmitted@northshire.example.org",
        "Rory Resubmitted",
        ApplicationState.RESUBMITTED,
        9,
        "confirmed",
    ),
    (
        "question@bka.demo.example",
        "Quinn Questioned",
        ApplicationState.INFORMATION_REQUESTED,
        6,
        "confirmed",
    ),
    ("unknown@mail.example.com", "Uma Unknown", ApplicationState.SUBMITTED, 4, "denied"),
    ("rejected@mail.example.com", "Reese Rejected", ApplicationState.REJECTED, 30, "denied"),
    ("approved@policia.demo.example", "Avery Approved", ApplicationState.APPROVED, 20, "confirmed"),
]


def _user(email: str, name: str, *, member: bool) -> User:
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).first() or user_model(email=email)
    user.full_name = name
    user.set_password(PASSWORD)
    if member and (
        user.membership_valid_until is None or user.membership_valid_until < clock.now()
    ):
        user.membership_valid_until = clock.now() + timedelta(days=365)
    user.terms_version, user.terms_accepted_at = settings.TERMS_VERSION, clock.now()
    user.save()
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    TOTPDevice.objects.update_or_create(
        user=user,
        name="Demo phone",
        defaults={"key": TOTP_KEY, "confirmed": True},
    )
    return user


def _application(
    user: User, state: str, days_ago: int, attestation: str, agency: Agency | None
) -> VettingApplication:
    submitted = clock.now() - timedelta(days=days_ago)
    application, _ = VettingApplication.objects.update_or_create(
        applicant=user,
        kind=VettingApplication.Kind.INITIAL,
        defaults={
            "state": state,
            "full_name": user.full_name,
            "email": user.email,
            "agency": agency,
            "agency_name": "" if agency else "Metro Demo Police Unit (fictional)",
            "country": agency.country if agency else "Demoland",
            "unit": "Online Child Exploitation Team",
            "role_title": "Detective constable",
            "supervisor_name": "Sam Supervisor",
            "supervisor_email": f"supervisor@{user.email.rpartition('@')[2]}",
            "reason": "Triage of seized media in online child sexual exploitation cases (demo).",
            "terms_version": settings.TERMS_VERSION,
            "terms_accepted_at": submitted,
            "submitted_at": submitted,
            "email_confirmed_at": submitted,
        },
    )
    if attestation and not application.attestations.exists():
        answered = attestation in ("confirmed", "denied")
        SupervisorAttestation.objects.create(
            application=application,
            supervisor_name=application.supervisor_name,
            supervisor_email=application.supervisor_email,
            sent_at=submitted,
            expires_at=submitted + timedelta(days=7),
            outcome=attestation if answered else "",
            answered_at=submitted + timedelta(days=1) if answered else None,
        )
    asked = state in (ApplicationState.INFORMATION_REQUESTED, ApplicationState.RESUBMITTED)
    if asked and not application.messages.exists():
        application.messages.create(
            kind=ApplicationMessage.Kind.QUESTION,
            body="Which cases does your unit work on? (demo)",
            created_at=submitted + timedelta(days=1),
        )
        if state == ApplicationState.RESUBMITTED:
            application.messages.create(
                kind=ApplicationMessage.Kind.ANSWER,
                author=user,
                body="Online grooming and image triage (demo).",
                created_at=submitted + timedelta(days=2),
            )
    return application


def seed(*, tools: int | None = None) -> str:
    agencies = {}
    for name, country, domains in AGENCIES:
        agency, _ = Agency.objects.update_or_create(name=name, country=country)
        for domain in domains:
            AgencyDomain.objects.update_or_create(domain=domain, defaults={"agency": agency})
        agencies[domains[0]] = agency
    people = {}
    for email, name, granted in STAFF:
        user = _user(email, name, member=True)
        for role in granted:
            roles.grant_role(user, role)
        _application(user, ApplicationState.APPROVED, 60, "confirmed", agencies["demo.example.org"])
        people[email] = user
    officer = people["officer@demo.example.org"]
    for email, name, state, days_ago, attestation in APPLICANTS:
        user = _user(email, name, member=state == ApplicationState.APPROVED)
        domain = email.rpartition("@")[2]
        application = _application(user, state, days_ago, attestation, agencies.get(domain))
        if state in (ApplicationState.APPROVED, ApplicationState.REJECTED):
            application.decided_by = officer
            application.decided_at = application.submitted_at + timedelta(days=3)
            application.decision_reason = "Demo decision."
            application.save(update_fields=["decided_by", "decided_at", "decision_reason"])
    return (
        f"{len(AGENCIES)} agencies, {len(STAFF) + len(APPLICANTS)} people "
        f"(password {PASSWORD!r}, TOTP key {TOTP_KEY})"
    )
