"""Vetting workflows: each one changes several models, notifies and audits in one transaction."""

from __future__ import annotations

import datetime
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from accounts.models import (
    ApplicationState,
    InvalidTransitionError,
    MembershipState,
    SupervisorAttestation,
    VettingApplication,
    add_months,
)
from accounts.sessions import end_all_sessions
from hub import audit, clock
from hub.models import AuditEvent
from notifications.kinds import WITHHELD_LINK
from notifications.models import Notification
from notifications.services import notify

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from django.http import HttpRequest

    from accounts.http import MemberRequest
    from accounts.models import User, UserQuerySet


ATTESTATION_DAYS = 7
ATTESTATION_SALT = "accounts.attestation"
# Emails asking a supervisor to attest, at most: so many to one address in this long, and so
# many on one applicant's behalf. Counted in the database (the outbox and attestation rows),
# so every web process agrees and nothing is lost when the cache is.
SUPERVISOR_EMAILS_PER_ADDRESS = (5, timedelta(days=1))
SUPERVISOR_EMAILS_PER_APPLICANT = (3, timedelta(days=30))
# The outbox key of an attestation email; delivery finds the attestation by it.
ATTESTATION_KEY_PREFIX = "supervisor-attestation:"
# How close to expiry a member may ask to renew.
RENEWAL_WINDOW = timedelta(days=30)


class NotAllowedError(Exception):
    """A workflow refused for who is asking, not for the state of things (e.g. one's own case)."""


# --- Applying ----------------------------------------------------------------------------


def officers() -> UserQuerySet:
    """Everyone who may decide applications and is still an active member."""
    return (
        get_user_model()
        .objects.active_members()
        .filter(
            Q(groups__permissions__codename="vet_application")
            | Q(user_permissions__codename="vet_application"),
        )
        .distinct()
        .order_by("pk")
    )


@transaction.atomic
def submit_application(user: User, **fields: Any) -> VettingApplication:
    """Record a first application at sign-up. It reaches officers once the email is confirmed."""
    now = clock.now()
    application = VettingApplication.objects.create(
        applicant=user,
        full_name=user.full_name,
        email=user.email,
        terms_version=settings.TERMS_VERSION,
        terms_accepted_at=now,
        submitted_at=now,
        **fields,
    )
    user.accept_terms()
    audit.record("application.submitted", actor=user, target=application.public_id)
    return application


@transaction.atomic
def accept_terms(request: MemberRequest) -> None:
    """The signed-in person accepts the current terms of engagement; audited."""
    user = request.user
    previous = user.terms_version
    user.accept_terms()
    audit.record(
        "terms.accepted",
        request=request,
        target=user,
        version=user.terms_version,
        previous=previous,
    )


@transaction.atomic
def confirm_email(user: User, *, request: HttpRequest | None = None) -> VettingApplication | None:
    """The applicant proved their address: open their application to officers, ask the supervisor.

    Until then nothing is sent to anyone on the application's behalf: an unproven address
    must not make the hub email a third party.
    """
    application = (
        user.applications.select_for_update()
        .filter(email_confirmed_at__isnull=True, state=ApplicationState.SUBMITTED)
        .order_by("-submitted_at")
        .first()
    )
    if application is None:
        return None
    application.email_confirmed_at = clock.now()
    application.save(update_fields=["email_confirmed_at"])
    _announce(application, request=request)
    return application


def _announce(application: VettingApplication, *, request: HttpRequest | None) -> None:
    send_attestation(application, request=request)
    _tell_officers(
        application, officers(), kind="application_submitted", key=f"{application.public_id}"
    )


def _tell_officers(
    application: VettingApplication, people: Iterable[User], *, kind: str, key: str
) -> None:
    """Notify each of `people` about `application`, with a link to it; never its applicant."""
    for officer in people:
        if officer.pk == application.applicant_id:
            continue
        notify(
            kind=kind,
            key=f"{kind.replace('_', '-')}:{key}:{officer.public_id}",
            to=officer,
            context={"application": application},
            url=reverse("vetting:application", args=[application.public_id]),
        )


def attestation_token(attestation: SupervisorAttestation) -> str:
    return signing.dumps(str(attestation.public_id), salt=ATTESTATION_SALT, compress=False)


def attestation_link(notification: Notification) -> str:
    """The supervisor's link for an attestation email, made at send time ("" if it is gone)."""
    public_id = notification.idempotency_key.removeprefix(ATTESTATION_KEY_PREFIX)
    attestation = SupervisorAttestation.objects.filter(public_id=public_id).first()
    if attestation is None:
        return ""
    return reverse("accounts:attest", args=[attestation_token(attestation)])


def attestation_from_token(token: str) -> SupervisorAttestation | None:
    """The attestation a link points to, or None if the link was tampered with or is too old.

    Expiry is checked twice: the signature's age here, the row's `expires_at` by the caller.
    """
    try:
        public_id = signing.loads(
            token, salt=ATTESTATION_SALT, max_age=timedelta(days=ATTESTATION_DAYS)
        )
    except signing.SignatureExpired:
        public_id = signing.loads(token, salt=ATTESTATION_SALT)  # genuine, but old
    except signing.BadSignature:
        return None
    return (
        SupervisorAttestation.objects.select_related("application").filter(public_id=public_id)
    ).first()


def supervisor_email_limit(application: VettingApplication) -> str | None:
    """Which limit another supervisor email for `application` would pass, or None.

    Per address, from the outbox rows themselves; per applicant, from their attestation rows
    (one email each: the outbox row does not name the applicant). Requests committing at the
    same instant may each pass: the limit is overshot by at most the requests in flight, which
    the sign-up and confirmation rate limits already bound; no lock is worth taking for that.
    """
    now = clock.now()
    per_address, address_window = SUPERVISOR_EMAILS_PER_ADDRESS
    sent_to_address = Notification.objects.filter(
        kind="supervisor_attestation",
        to_email__iexact=application.supervisor_email,
        created_at__gte=now - address_window,
    ).count()
    if sent_to_address >= per_address:
        return "address"
    per_applicant, applicant_window = SUPERVISOR_EMAILS_PER_APPLICANT
    sent_for_applicant = SupervisorAttestation.objects.filter(
        application__applicant_id=application.applicant_id,
        sent_at__gte=now - applicant_window,
    ).count()
    if sent_for_applicant >= per_applicant:
        return "applicant"
    return None


def send_attestation(
    application: VettingApplication, *, request: HttpRequest | None = None
) -> SupervisorAttestation | None:
    """Ask the supervisor to attest, by email; None if a rate limit holds the email back.

    A held-back request is audited and officers see that no attestation was sent: the
    application goes on, so a flood aimed at one address cannot block the next applicant
    for long, and cannot make the hub the flood's sender.
    """
    limit = supervisor_email_limit(application)
    if limit is not None:
        audit.record(
            "attestation.rate_limited",
            request=request,
            actor=application.applicant,
            target=application.public_id,
            supervisor=application.supervisor_email,
            limit=limit,
        )
        return None
    now = clock.now()
    attestation = application.attestations.create(
        supervisor_name=application.supervisor_name,
        supervisor_email=application.supervisor_email,
        sent_at=now,
        expires_at=now + timedelta(days=ATTESTATION_DAYS),
    )
    notify(
        kind="supervisor_attestation",
        key=f"{ATTESTATION_KEY_PREFIX}{attestation.public_id}",
        to=application.supervisor_email,
        context={
            "application": application,
            "attestation": attestation,
            "days": ATTESTATION_DAYS,
        },
        # The link answers as the supervisor: the outbox keeps a stand-in, and delivery makes
        # the link (`attestation_link`) when it sends the email.
        url=reverse("accounts:attest", args=[WITHHELD_LINK]),
    )
    audit.record(
        "attestation.requested",
        request=request,
        actor=application.applicant,
        target=application.public_id,
        supervisor=application.supervisor_email,
    )
    return attestation


class AttestationClosedError(Exception):
    """The link was used already or has expired."""


@transaction.atomic
def answer_attestation(
    attestation: SupervisorAttestation,
    *,
    outcome: str,
    comment: str = "",
    request: HttpRequest | None = None,
) -> None:
    now = clock.now()
    # The conditional update is the single-use guarantee: of two answers, one changes the row.
    claimed = SupervisorAttestation.objects.filter(
        pk=attestation.pk, answered_at__isnull=True, expires_at__gt=now
    ).update(
        answered_at=now,
        outcome=outcome,
        comment=comment,
        answered_from=audit.client_ip(request),
    )
    if not claimed:
        raise AttestationClosedError
    attestation.refresh_from_db()
    audit.record(
        "attestation.answered",
        request=request,
        actor=None,
        target=attestation.application.public_id,
        supervisor=attestation.supervisor_email,
        outcome=outcome,
    )


# --- Deciding ----------------------------------------------------------------------------


def _lock(application: VettingApplication) -> VettingApplication:
    return VettingApplication.objects.select_for_update().get(pk=application.pk)


def _check_officer(application: VettingApplication, officer: User) -> None:
    if application.applicant_id == officer.pk:
        raise NotAllowedError("An officer cannot decide their own application.")


def _refuse_provider(user: User) -> None:
    """A technology provider's account is never a member's (issue 23)."""
    if user.is_provider:
        raise NotAllowedError(f"{user.email} is a technology provider's account, never a member.")


def membership_end(user: User, months: int | None = None) -> datetime.datetime:
    """When a membership approved now ends: renewals run on from the current end date."""
    start = clock.now()
    if user.membership_valid_until and user.membership_valid_until > start:
        start = user.membership_valid_until
    return add_months(start, settings.MEMBERSHIP_MONTHS if months is None else months)


def _tell_applicant(application: VettingApplication) -> None:
    notify(
        kind="application_decision",
        key=f"application-decision:{application.public_id}:{application.state}:"
        f"{application.messages.count()}",
        to=application.applicant,
        context={"application": application},
        url=reverse("accounts:application"),
    )


@transaction.atomic
def approve(
    application: VettingApplication,
    *,
    officer: User,
    reason: str,
    request: HttpRequest | None = None,
) -> VettingApplication:
    application = _lock(application)
    _check_officer(application, officer)
    user = get_user_model().objects.select_for_update().get(pk=application.applicant_id)
    _refuse_provider(user)
    valid_until = membership_end(user)
    application.approve(officer=officer, reason=reason, valid_until=valid_until)
    user.membership_valid_until = valid_until
    user.save(update_fields=["membership_valid_until"])
    audit.record(
        "application.approved",
        request=request,
        actor=officer,
        target=application.public_id,
        applicant=user.email,
        reason=reason,
        valid_until=valid_until.isoformat(),
    )
    _tell_applicant(application)
    return application


@transaction.atomic
def reject(
    application: VettingApplication,
    *,
    officer: User,
    reason: str,
    request: HttpRequest | None = None,
) -> VettingApplication:
    application = _lock(application)
    _check_officer(application, officer)
    application.reject(officer=officer, reason=reason)
    audit.record(
        "application.rejected",
        request=request,
        actor=officer,
        target=application.public_id,
        applicant=application.email,
        reason=reason,
    )
    _tell_applicant(application)
    return application


@transaction.atomic
def request_information(
    application: VettingApplication,
    *,
    officer: User,
    question: str,
    request: HttpRequest | None = None,
) -> VettingApplication:
    application = _lock(application)
    _check_officer(application, officer)
    application.request_information(officer=officer, question=question)
    audit.record(
        "application.information_requested",
        request=request,
        actor=officer,
        target=application.public_id,
        applicant=application.email,
        reason=question,
    )
    _tell_applicant(application)
    return application


@transaction.atomic
def answer_question(
    application: VettingApplication, *, answer: str, request: HttpRequest | None = None
) -> VettingApplication:
    application = _lock(application)
    message = application.resubmit(answer=answer)
    audit.record("application.resubmitted", request=request, target=application.public_id)
    # The officer who asked is told; if they can no longer vet, every officer is.
    question = application.messages.filter(kind="question").exclude(author=None).last()
    asked = officers().filter(pk=question.author_id) if question else officers().none()
    _tell_officers(
        application, asked or officers(), kind="application_answered", key=f"{message.pk}"
    )
    return application


DECISIONS = {
    "approve": approve,
    "reject": reject,
    "request_information": lambda application, *, officer, reason, request=None: (
        request_information(application, officer=officer, question=reason, request=request)
    ),
}


# --- Renewing ----------------------------------------------------------------------------


def can_renew(user: User) -> bool:
    """A member within a month of expiry, or whose membership has lapsed, may ask to renew."""
    if user.suspended_at is not None or user.membership_valid_until is None:
        return False
    if user.applications.open().exists():
        return False
    return user.membership_valid_until - RENEWAL_WINDOW <= clock.now()


@transaction.atomic
def request_renewal(
    user: User, *, supervisor_name: str, supervisor_email: str, request: HttpRequest | None = None
) -> VettingApplication:
    """A renewal: a new application, copied from the last, with a new supervisor attestation."""
    if not can_renew(user):
        raise InvalidTransitionError("This membership cannot be renewed now.")
    previous = user.applications.order_by("-submitted_at").first()
    now = clock.now()
    application = VettingApplication.objects.create(
        applicant=user,
        kind=VettingApplication.Kind.RENEWAL,
        full_name=user.full_name,
        email=user.email,
        agency=previous.agency if previous else None,
        agency_name=previous.agency_name if previous else "",
        country=previous.country if previous else "",
        unit=previous.unit if previous else "",
        role_title=previous.role_title if previous else "",
        reason=previous.reason if previous else "",
        supervisor_name=supervisor_name,
        supervisor_email=supervisor_email,
        terms_version=settings.TERMS_VERSION,
        terms_accepted_at=now,
        submitted_at=now,
        email_confirmed_at=now,
    )
    audit.record("application.renewal_requested", request=request, target=application.public_id)
    _announce(application, request=request)
    return application


# --- Suspending --------------------------------------------------------------------------


@transaction.atomic
def suspend(user: User, *, actor: User, reason: str, request: HttpRequest | None = None) -> int:
    """Stop a member's access at once and end every session they have; returns how many ended."""
    if user.pk == actor.pk:
        raise NotAllowedError("Nobody can suspend themselves.")
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if user.suspended_at is not None:
        raise InvalidTransitionError("Already suspended.")
    user.suspended_at = clock.now()
    user.save(update_fields=["suspended_at"])
    ended = end_all_sessions(user)
    audit.record(
        "member.suspended",
        request=request,
        actor=actor,
        target=user.email,
        reason=reason,
        sessions_ended=ended,
    )
    notify(
        kind="member_suspended",
        key=f"member-suspended:{user.public_id}:{user.suspended_at.isoformat()}",
        to=user,
        context={"member": user},
    )
    return ended


@transaction.atomic
def reinstate(user: User, *, actor: User, reason: str, request: HttpRequest | None = None) -> None:
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    if user.suspended_at is None:
        raise InvalidTransitionError("Not suspended.")
    user.suspended_at = None
    user.save(update_fields=["suspended_at"])
    audit.record(
        "member.reinstated", request=request, actor=actor, target=user.email, reason=reason
    )


@transaction.atomic
def grant_membership(user: User, *, reason: str, months: int | None = None) -> datetime.datetime:
    """Make `user` an active member without vetting: how a new hub gets its first officers.

    An operator runs it from the command line (`grant_membership`), so it is audited as the
    command line's act, with the reason. Like an approval it runs on from a current membership,
    and approves the person's open application with the same reason, so that their application
    page and the vetting queue agree with their membership. A suspension is a vetting
    officer's decision: a suspended person is reinstated at /vetting/members/, not here.
    """
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    _refuse_provider(user)
    if user.suspended_at is not None:
        raise NotAllowedError(
            f"{user.email} is suspended: a vetting officer reinstates them at /vetting/members/."
        )
    if not user.is_active:
        raise NotAllowedError(f"{user.email}'s account is deactivated: it cannot sign in.")
    valid_until = membership_end(user, months)
    user.membership_valid_until = valid_until
    user.save(update_fields=["membership_valid_until"])
    for application in user.applications.open().select_for_update():
        application.approve(officer=None, reason=reason, valid_until=valid_until)
        _tell_applicant(application)
    audit.record(
        "membership.granted",
        actor=audit.COMMAND_LINE,
        target=user.email,
        reason=reason,
        valid_until=valid_until.isoformat(),
    )
    return valid_until


# --- Contact ------------------------------------------------------------------------------

# Messages to the officers per person per day: enough for someone locked out, not a megaphone.
CONTACT_LIMIT = 5
CONTACT_WINDOW = timedelta(days=1)


class TooManyMessagesError(Exception):
    """The person has sent `CONTACT_LIMIT` messages in the last `CONTACT_WINDOW`."""


class NobodyToTellError(Exception):
    """No vetting officer yet, and no `SUPPORT_EMAIL`: a new hub before its first run."""


@transaction.atomic
def send_contact_message(
    user: User, *, topic: str, topic_label: str, message: str, request: HttpRequest | None = None
) -> int:
    """Write the message to every vetting officer (or, on a hub with none yet, the operator's
    `SUPPORT_EMAIL`) through the outbox; returns how many it goes to. Counted in the audit log,
    which is what limits it: no cache is needed to refuse the sixth message of the day."""
    # Locking the person's row makes two messages at once count one after the other.
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()
    recent = AuditEvent.objects.filter(
        action="contact.sent", actor=user, created_at__gte=clock.now() - CONTACT_WINDOW
    )
    if recent.count() >= CONTACT_LIMIT:
        raise TooManyMessagesError
    recipients = list(officers()) or ([settings.SUPPORT_EMAIL] if settings.SUPPORT_EMAIL else [])
    if not recipients:
        raise NobodyToTellError
    event = audit.record(
        "contact.sent", request=request, actor=user, target=user.email, topic=topic
    )
    for recipient in recipients:
        notify(
            kind="contact_message",
            key=f"contact:{event.public_id}:{getattr(recipient, 'pk', recipient)}",
            to=recipient,
            context={"sender": user, "topic": topic_label, "message": message},
        )
    return len(recipients)


# --- Expiry ------------------------------------------------------------------------------

REMINDER_DAYS = (30, 7)
# Expiry notices are sent for memberships that lapsed this recently (a job down for longer
# than this sends none: the member sees the expired page when they next sign in).
EXPIRY_NOTICE_WINDOW = timedelta(days=30)


def run_membership_expiry() -> dict[str, int]:
    """Remind members 30 and 7 days before expiry, and tell them when it has passed.

    Access stops by itself when `membership_valid_until` passes (the access policy reads it);
    this job only tells people, once each (idempotency keys), so running it twice is harmless.
    Nothing is deleted.
    """
    user_model = get_user_model()
    now = clock.now()
    sent = {"reminders": 0, "expired": 0}
    soon = user_model.objects.active_members().filter(
        membership_valid_until__lte=now + timedelta(days=max(REMINDER_DAYS)),
    )
    for user in soon.iterator():
        days_left = user.membership_valid_until - now
        # The nearest threshold only: a member 5 days out gets the 7-day reminder, not both.
        threshold = min(days for days in REMINDER_DAYS if days_left <= timedelta(days=days))
        with transaction.atomic():
            if notify(
                kind="membership_reminder",
                key=f"membership-reminder:{user.public_id}:"
                f"{user.membership_valid_until.date().isoformat()}:{threshold}",
                to=user,
                context={"member": user, "days": threshold},
                url=reverse("accounts:application"),
            ):
                sent["reminders"] += 1
    lapsed = user_model.objects.in_state(MembershipState.EXPIRED).filter(
        is_active=True, membership_valid_until__gt=now - EXPIRY_NOTICE_WINDOW
    )
    for user in lapsed.iterator():
        with transaction.atomic():
            if notify(
                kind="membership_expired",
                key=f"membership-expired:{user.public_id}:"
                f"{user.membership_valid_until.date().isoformat()}",
                to=user,
                context={"member": user},
                url=reverse("accounts:application"),
            ):
                audit.record("membership.expired", actor=None, target=user.email)
                sent["expired"] += 1
    return sent
