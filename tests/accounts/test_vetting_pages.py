import uuid
from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import ApplicationState
from hub import clock
from hub.models import AuditEvent
from notifications.models import Notification
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

QUEUE = reverse("vetting:queue")
MEMBERS = reverse("vetting:members")


@pytest.fixture
def officer():
    return factories.VettingOfficerFactory()


@pytest.fixture
def officer_client(client, officer):
    return sign_in(client, officer)


def app_url(application) -> str:
    return reverse("vetting:application", args=[application.public_id])


def member_url(member, name="member") -> str:
    return reverse(f"vetting:{name}", args=[member.public_id])


# --- The queue -----------------------------------------------------------------------------


def test_the_queue_lists_open_applications_oldest_first(officer_client):
    now = clock.now()
    newer = factories.VettingApplicationFactory(submitted_at=now - timedelta(days=1))
    older = factories.VettingApplicationFactory(submitted_at=now - timedelta(days=5))
    decided = factories.VettingApplicationFactory(state=ApplicationState.APPROVED)
    unconfirmed = factories.VettingApplicationFactory(email_confirmed_at=None)
    response = officer_client.get(QUEUE)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.index(older.full_name) < content.index(newer.full_name)
    assert decided.email not in content
    assert unconfirmed.email not in content


def test_the_queue_filters_by_state_and_country(officer_client):
    here = factories.VettingApplicationFactory(country="Spain")
    there = factories.VettingApplicationFactory(country="Germany")
    rejected = factories.VettingApplicationFactory(state="rejected", country="Spain")
    content = officer_client.get(QUEUE, {"country": "Spain"}).content.decode()
    assert here.email in content and there.email not in content
    assert rejected.email not in content
    content = officer_client.get(QUEUE, {"state": "rejected"}).content.decode()
    assert rejected.email in content and here.email not in content


def test_bad_filters_get_a_message_not_a_500(officer_client):
    response = officer_client.get(QUEUE, {"state": "nonsense", "country": "Atlantis", "page": "x"})
    assert response.status_code == 400
    assert b"error-summary" in response.content


def test_the_queue_shows_the_signals(officer_client):
    factories.AgencyFactory(name="Known Police", domains=["known.example.org"])
    earlier_user = factories.UserFactory(full_name="Pat Twice")
    factories.VettingApplicationFactory(
        applicant=earlier_user, submitted_at=clock.now() - timedelta(days=90), state="rejected"
    )
    user = factories.UserFactory(email="pat@known.example.org", full_name="Pat Twice")
    application = factories.VettingApplicationFactory(applicant=user)
    factories.SupervisorAttestationFactory(
        application=application, outcome="confirmed", answered_at=clock.now()
    )
    content = officer_client.get(QUEUE).content.decode()
    assert "Email domain known" in content and "Known Police" in content
    assert "Supervisor confirmed" in content
    assert "1 with this name" in content


def test_the_queue_query_count_stays_flat(officer_client, django_assert_max_num_queries):
    officer_client.get(QUEUE)  # the first request records the session
    for _ in range(3):
        factories.SupervisorAttestationFactory()
    with django_assert_max_num_queries(16):
        small = officer_client.get(QUEUE)
    for _ in range(12):
        factories.SupervisorAttestationFactory()
    with django_assert_max_num_queries(16):
        large = officer_client.get(QUEUE)
    assert small.status_code == large.status_code == 200


@pytest.mark.parametrize("url", [QUEUE, MEMBERS])
def test_members_without_the_role_are_refused(member_client, url):
    assert member_client.get(url).status_code == 403


@pytest.mark.parametrize("url", [QUEUE, MEMBERS])
def test_anonymous_visitors_are_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_suspended_officer_can_neither_vet_nor_suspend(client, officer):
    target = factories.MemberFactory()
    officer.suspended_at = clock.now()
    officer.save(update_fields=["suspended_at"])
    sign_in(client, officer)
    response = client.get(QUEUE)
    assert response.status_code == 403 and b"suspended" in response.content
    assert client.post(member_url(target, "suspend"), {"reason": "x"}).status_code == 403
    target.refresh_from_db()
    assert target.suspended_at is None


# --- One application -----------------------------------------------------------------------


def test_the_decision_page(officer_client):
    application = factories.VettingApplicationFactory()
    response = officer_client.get(app_url(application))
    assert response.status_code == 200
    assert b'name="decision"' in response.content
    assert application.reason.encode() in response.content


@pytest.mark.parametrize(
    ("decision", "state"),
    [
        ("approve", ApplicationState.APPROVED),
        ("reject", ApplicationState.REJECTED),
        ("request_information", ApplicationState.INFORMATION_REQUESTED),
    ],
)
def test_an_officer_decides(officer_client, officer, decision, state):
    application = factories.VettingApplicationFactory()
    response = officer_client.post(
        app_url(application), {"decision": decision, "reason": "Checked with the agency"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == state
    assert AuditEvent.objects.filter(actor=officer, target=str(application.public_id)).exists()
    assert Notification.objects.filter(
        kind="application_decision", recipient=application.applicant
    ).exists()


def test_a_reason_is_required(officer_client):
    application = factories.VettingApplicationFactory()
    response = officer_client.post(app_url(application), {"decision": "approve", "reason": ""})
    assert response.status_code == 400
    assert b"error-summary" in response.content
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED


def test_an_officer_cannot_decide_their_own(officer_client, officer):
    own = factories.VettingApplicationFactory(applicant=officer)
    page = officer_client.get(app_url(own))
    assert b"your own application" in page.content
    assert b'name="decision"' not in page.content
    response = officer_client.post(app_url(own), {"decision": "approve", "reason": "Me"})
    assert response.status_code == 403
    own.refresh_from_db()
    assert own.state == ApplicationState.SUBMITTED


def test_a_decided_application_cannot_be_decided_again(officer_client):
    application = factories.VettingApplicationFactory(state="rejected")
    officer_client.post(app_url(application), {"decision": "approve", "reason": "Changed mind"})
    application.refresh_from_db()
    assert application.state == ApplicationState.REJECTED


def test_the_application_page_refuses_others(member_client, client):
    application = factories.VettingApplicationFactory()
    assert member_client.get(app_url(application)).status_code == 403
    client.logout()
    assert client.get(app_url(application)).status_code == 302


def test_a_bad_id_is_a_404(officer_client):
    assert (
        officer_client.get(reverse("vetting:application", args=[uuid.uuid4()])).status_code == 404
    )
    assert officer_client.get("/vetting/not-a-uuid/").status_code == 404


def test_the_page_lists_earlier_applications(officer_client):
    earlier = factories.VettingApplicationFactory(
        submitted_at=clock.now() - timedelta(days=30), state="rejected"
    )
    again = factories.VettingApplicationFactory(
        applicant=factories.UserFactory(full_name=earlier.full_name)
    )
    content = officer_client.get(app_url(again)).content.decode()
    assert app_url(earlier) in content


# --- Members, suspension -------------------------------------------------------------------


def test_the_members_list_and_search(officer_client, django_assert_max_num_queries):
    alice = factories.MemberFactory(full_name="Alice Active")
    bob = factories.SuspendedMemberFactory(full_name="Bob Suspended")
    applicant = factories.UserFactory(full_name="Ann Applicant")
    factories.MemberFactory.create_batch(10)
    with django_assert_max_num_queries(14):
        content = officer_client.get(MEMBERS).content.decode()
    assert alice.email in content and bob.email in content
    assert applicant.email not in content
    content = officer_client.get(MEMBERS, {"state": "suspended"}).content.decode()
    assert bob.email in content and alice.email not in content
    content = officer_client.get(MEMBERS, {"q": "alice"}).content.decode()
    assert alice.email in content and bob.email not in content


def test_the_member_page(officer_client):
    member = factories.MemberFactory()
    response = officer_client.get(member_url(member))
    assert response.status_code == 200
    assert b'name="reason"' in response.content
    assert b"Suspend now" in response.content


def test_the_member_page_refuses_others_and_bad_ids(client_factory, officer_client):
    member = factories.MemberFactory()
    member_client = sign_in(client_factory(), factories.MemberFactory())
    assert member_client.get(member_url(member)).status_code == 403
    assert officer_client.get(member_url(factories.UserFactory())).status_code == 404
    assert officer_client.get(reverse("vetting:member", args=[uuid.uuid4()])).status_code == 404


def test_suspension_ends_every_session_at_once(officer_client, officer, client_factory):
    member = factories.MemberFactory()
    laptop, phone = client_factory(), client_factory()
    for device in (laptop, phone):
        sign_in(device, member)
        assert device.get(reverse("catalog:index")).status_code == 200
    response = officer_client.post(member_url(member, "suspend"), {"reason": "Left the force"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.suspended_at is not None
    for device in (laptop, phone):
        assert device.get(reverse("catalog:index")).status_code == 302
    event = AuditEvent.objects.get(action="member.suspended")
    assert event.actor == officer
    assert event.details == {"reason": "Left the force", "sessions_ended": 2}
    assert Notification.objects.filter(kind="member_suspended", recipient=member).exists()
    # Signing in again shows the suspended page, never member content.
    sign_in(laptop, member)
    response = laptop.get(reverse("catalog:index"))
    assert response.status_code == 403 and b"suspended" in response.content


def test_suspension_needs_a_reason(officer_client):
    member = factories.MemberFactory()
    response = officer_client.post(member_url(member, "suspend"), {"reason": ""})
    assert response.status_code == 400
    member.refresh_from_db()
    assert member.suspended_at is None


def test_reinstatement(officer_client):
    member = factories.SuspendedMemberFactory()
    response = officer_client.post(member_url(member, "reinstate"), {"reason": "Back at work"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.is_active_member
    assert AuditEvent.objects.filter(action="member.reinstated").exists()


def test_an_officer_cannot_suspend_themselves(officer_client, officer):
    officer_client.post(member_url(officer, "suspend"), {"reason": "Oops"})
    officer.refresh_from_db()
    assert officer.suspended_at is None


def test_suspend_and_reinstate_refuse_others(member_client, client):
    target = factories.MemberFactory()
    for name in ("suspend", "reinstate"):
        assert member_client.post(member_url(target, name), {"reason": "x"}).status_code == 403
    target.refresh_from_db()
    assert target.suspended_at is None
    client.logout()
    assert client.post(member_url(target, "suspend"), {"reason": "x"}).status_code == 302


def test_suspend_with_a_bad_id_is_a_404(officer_client):
    url = reverse("vetting:suspend", args=[uuid.uuid4()])
    assert officer_client.post(url, {"reason": "x"}).status_code == 404


def test_suspend_is_post_only(officer_client):
    member = factories.MemberFactory()
    assert officer_client.get(member_url(member, "suspend")).status_code == 405
