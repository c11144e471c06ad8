import pytest

from accounts import services
from accounts.models import (
    ApplicationMessage,
    ApplicationState,
    InvalidTransitionError,
    add_months,
)
from hub.models import AuditEvent
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db

S = ApplicationState


@pytest.fixture
def officer():
    return factories.VettingOfficerFactory()


@pytest.fixture
def application():
    return factories.VettingApplicationFactory()


def test_request_information_then_resubmit(application, officer):
    message = application.request_information(officer=officer, question="Which unit?")
    assert application.state == S.INFORMATION_REQUESTED
    assert message.kind == ApplicationMessage.Kind.QUESTION
    answer = application.resubmit(answer="The online team.")
    application.refresh_from_db()
    assert application.state == S.RESUBMITTED
    assert answer.author == application.applicant
    # And again: the loop may turn more than once.
    application.request_information(officer=officer, question="Since when?")
    assert application.state == S.INFORMATION_REQUESTED


@pytest.mark.parametrize("start", [S.SUBMITTED, S.RESUBMITTED, S.INFORMATION_REQUESTED])
def test_open_applications_can_be_approved_or_rejected(start, officer):
    approved = factories.VettingApplicationFactory(state=start)
    approved.approve(officer=officer, reason="Fine", valid_until=approved.submitted_at)
    assert approved.state == S.APPROVED and approved.decided_by == officer
    rejected = factories.VettingApplicationFactory(state=start)
    rejected.reject(officer=officer, reason="No")
    assert rejected.state == S.REJECTED and rejected.decision_reason == "No"


@pytest.mark.parametrize("end", [S.APPROVED, S.REJECTED])
def test_decided_applications_are_final(end, officer):
    application = factories.VettingApplicationFactory(state=end)
    with pytest.raises(InvalidTransitionError):
        application.approve(officer=officer, reason="x", valid_until=application.submitted_at)
    with pytest.raises(InvalidTransitionError):
        application.reject(officer=officer, reason="x")
    with pytest.raises(InvalidTransitionError):
        application.request_information(officer=officer, question="x")
    with pytest.raises(InvalidTransitionError):
        application.resubmit(answer="x")


def test_cannot_resubmit_without_a_question(application):
    with pytest.raises(InvalidTransitionError):
        application.resubmit(answer="unasked")


def test_cannot_ask_twice_before_an_answer(application, officer):
    application.request_information(officer=officer, question="One")
    with pytest.raises(InvalidTransitionError):
        application.request_information(officer=officer, question="Two")


def test_approve_makes_a_member_for_the_configured_months(application, officer, settings):
    settings.MEMBERSHIP_MONTHS = 12
    services.approve(application, officer=officer, reason="Attested")
    user = application.applicant
    user.refresh_from_db()
    assert user.is_active_member
    application.refresh_from_db()
    assert user.membership_valid_until == application.valid_until
    assert (user.membership_valid_until.date() - application.decided_at.date()).days in (365, 366)
    event = AuditEvent.objects.get(action="application.approved")
    assert event.actor == officer and event.details["reason"] == "Attested"
    told = Notification.objects.get(kind="application_decision")
    assert told.recipient == user and "approved" in told.subject


def test_reject_leaves_no_membership(application, officer):
    services.reject(application, officer=officer, reason="Not law enforcement")
    application.applicant.refresh_from_db()
    assert not application.applicant.is_active_member
    assert AuditEvent.objects.filter(action="application.rejected").exists()
    assert Notification.objects.filter(kind="application_decision").count() == 1


def test_request_information_and_answer_notify_and_audit(application, officer):
    services.request_information(application, officer=officer, question="Which unit?")
    services.answer_question(application, answer="Online team")
    application.refresh_from_db()
    assert application.state == S.RESUBMITTED
    assert list(application.messages.values_list("body", flat=True)) == [
        "Which unit?",
        "Online team",
    ]
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"application.information_requested", "application.resubmitted"} <= actions


def test_an_officer_cannot_decide_their_own_application(officer):
    own = factories.VettingApplicationFactory(applicant=officer)
    for decide in services.DECISIONS.values():
        with pytest.raises(services.NotAllowedError):
            decide(own, officer=officer, reason="Me")
    own.refresh_from_db()
    assert own.state == S.SUBMITTED


def test_renewal_approval_runs_on_from_the_current_end(officer):
    member = factories.MemberFactory()
    end = member.membership_valid_until
    renewal = factories.VettingApplicationFactory(applicant=member, kind="renewal")
    services.approve(renewal, officer=officer, reason="Still there")
    member.refresh_from_db()
    assert member.membership_valid_until == add_months(end, 12)


def test_add_months_clamps_to_the_month_end():
    import datetime

    moment = datetime.datetime(2027, 1, 31, tzinfo=datetime.UTC)
    assert add_months(moment, 1).date() == datetime.date(2027, 2, 28)
    assert add_months(moment, 12).date() == datetime.date(2028, 1, 31)
