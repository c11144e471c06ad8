from datetime import timedelta

import pytest
from django.urls import reverse

from accounts import services
from accounts.models import ApplicationState, VettingApplication
from hub import clock
from notifications.models import Notification
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

URL = reverse("accounts:application")


def test_the_applicant_sees_their_state(client):
    application = factories.VettingApplicationFactory()
    sign_in(client, application.applicant)
    response = client.get(URL)
    assert response.status_code == 200
    assert b"Submitted" in response.content
    assert application.supervisor_email.encode() in response.content


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_only_ones_own_application_is_shown(client):
    mine = factories.VettingApplicationFactory()
    theirs = factories.VettingApplicationFactory(supervisor_email="secret@police.example.org")
    sign_in(client, mine.applicant)
    response = client.get(URL)
    assert theirs.supervisor_email.encode() not in response.content


def test_an_account_without_an_application_is_told_so(applicant_client):
    response = applicant_client.get(URL)
    assert response.status_code == 200
    assert b"no application" in response.content


def test_the_applicant_reads_the_question_and_answers(client):
    application = factories.VettingApplicationFactory()
    officer = factories.VettingOfficerFactory()
    services.request_information(application, officer=officer, question="Which unit exactly?")
    sign_in(client, application.applicant)
    page = client.get(URL)
    assert b"Which unit exactly?" in page.content
    assert b'name="answer"' in page.content
    response = client.post(reverse("accounts:answer"), {"answer": "The online team"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == ApplicationState.RESUBMITTED
    assert application.messages.last().body == "The online team"


def test_an_empty_answer_is_refused_with_a_message(client):
    application = factories.VettingApplicationFactory(state="information_requested")
    sign_in(client, application.applicant)
    response = client.post(reverse("accounts:answer"), {"answer": ""})
    assert response.status_code == 400
    assert b"error-summary" in response.content
    application.refresh_from_db()
    assert application.state == ApplicationState.INFORMATION_REQUESTED


def test_answering_when_nothing_was_asked_changes_nothing(client):
    application = factories.VettingApplicationFactory()
    sign_in(client, application.applicant)
    response = client.post(reverse("accounts:answer"), {"answer": "Unasked"}, follow=True)
    assert b"not waiting for an answer" in response.content
    assert not application.messages.exists()


def test_answer_needs_sign_in(client):
    response = client.post(reverse("accounts:answer"), {"answer": "x"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "make",
    [
        factories.UserFactory,
        factories.SuspendedMemberFactory,
        factories.ExpiredMemberFactory,
    ],
)
def test_non_members_get_no_member_page(client, make):
    sign_in(client, make())
    response = client.get(reverse("catalog:index"))
    assert response.status_code == 403


def test_a_rejected_applicant_is_told_and_gets_no_member_page(client):
    application = factories.VettingApplicationFactory()
    services.reject(application, officer=factories.VettingOfficerFactory(), reason="No")
    sign_in(client, application.applicant)
    response = client.get(reverse("catalog:index"))
    assert response.status_code == 403
    assert b"was not approved" in response.content
    page = client.get(URL)
    assert b"Rejected" in page.content


def test_home_sends_applicants_to_their_application(applicant_client):
    response = applicant_client.get(reverse("home"))
    assert response["Location"] == URL


class TestRenewal:
    def make_member(self, days_left: int):
        member = factories.MemberFactory(
            membership_valid_until=clock.now() + timedelta(days=days_left)
        )
        factories.VettingApplicationFactory(applicant=member, state="approved")
        return member

    def test_a_member_far_from_expiry_is_not_offered_renewal(self, client):
        member = self.make_member(200)
        sign_in(client, member)
        assert b'name="supervisor_email"' not in client.get(URL).content
        response = client.post(
            reverse("accounts:renew"),
            {"supervisor_name": "Sam", "supervisor_email": "sam@police.example.org"},
        )
        assert response.status_code == 302
        assert member.applications.count() == 1

    def test_renewal_asks_the_supervisor_again(self, client):
        member = self.make_member(20)
        factories.VettingOfficerFactory()
        sign_in(client, member)
        assert b'name="supervisor_email"' in client.get(URL).content
        response = client.post(
            reverse("accounts:renew"),
            {"supervisor_name": "New Boss", "supervisor_email": "boss@police.example.org"},
        )
        assert response.status_code == 302
        renewal = member.applications.get(kind=VettingApplication.Kind.RENEWAL)
        assert renewal.state == ApplicationState.SUBMITTED
        assert renewal.attestations.get().supervisor_email == "boss@police.example.org"
        assert Notification.objects.filter(kind="supervisor_attestation").count() == 1
        assert Notification.objects.filter(kind="application_submitted").count() == 1
        # Only one open renewal at a time.
        assert not services.can_renew(member)

    def test_an_expired_member_can_renew(self, client):
        member = self.make_member(-3)
        sign_in(client, member)
        response = client.post(
            reverse("accounts:renew"),
            {"supervisor_name": "Boss", "supervisor_email": "boss@police.example.org"},
        )
        assert response.status_code == 302
        assert member.applications.filter(kind="renewal").exists()

    def test_bad_renewal_input_gets_a_message(self, client):
        member = self.make_member(5)
        sign_in(client, member)
        response = client.post(
            reverse("accounts:renew"), {"supervisor_name": "", "supervisor_email": "nope"}
        )
        assert response.status_code == 400
        assert b"error-summary" in response.content

    def test_a_suspended_member_cannot_renew(self, client):
        member = self.make_member(5)
        member.suspended_at = clock.now()
        member.save()
        assert not services.can_renew(member)


def test_the_task_list_follows_the_supervisors_answer(client):
    application = factories.VettingApplicationFactory(email_confirmed_at=clock.now())
    attestation = factories.SupervisorAttestationFactory(application=application)
    sign_in(client, application.applicant)
    waiting = client.get(URL).text
    assert "Where your application is" in waiting
    assert "We have asked your supervisor" in waiting
    attestation.answered_at, attestation.outcome = clock.now(), "confirmed"
    attestation.save()
    answered = client.get(URL).text
    assert "We have asked your supervisor" not in answered
    assert "Your supervisor has answered" in answered
    assert "Answered" in answered


def test_a_suspended_member_sees_one_status_not_a_green_approval(client):
    member = factories.SuspendedMemberFactory()
    factories.VettingApplicationFactory(
        applicant=member, state=ApplicationState.APPROVED, decided_at=clock.now()
    )
    sign_in(client, member)
    body = client.get(URL).text
    assert "Your access is suspended." in body
    assert "tag--green" not in body
    assert "Suspended" in body


def test_an_applicant_has_no_empty_valid_until_on_the_officers_page(client):
    from tests.security.personas import grant_role

    officer = factories.MemberFactory()
    grant_role(officer, "vetting_officer")
    suspended_applicant = factories.UserFactory(suspended_at=clock.now())
    sign_in(client, officer)
    body = client.get(reverse("vetting:member", args=[suspended_applicant.public_id])).text
    assert "Valid until" not in body


def test_the_officer_who_asked_is_told_of_the_answer(client):
    application = factories.VettingApplicationFactory(email_confirmed_at=clock.now())
    asker, other = factories.VettingOfficerFactory(), factories.VettingOfficerFactory()
    services.request_information(application, officer=asker, question="Which unit exactly?")
    sign_in(client, application.applicant)
    client.post(reverse("accounts:answer"), {"answer": "The online team"})
    told = Notification.objects.filter(kind="application_answered")
    assert [note.recipient for note in told] == [asker]
    assert "The online team" not in told.get().body_text  # the answer stays behind sign-in
    assert other.pk not in told.values_list("recipient", flat=True)
