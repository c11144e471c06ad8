"""The audit trail: what it records, that it only grows, that it leaks nothing."""

import json
import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import reverse

from hub.audit import record
from hub.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_record_keeps_who_what_when_and_where(member):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Firefox")
    request.user = member
    event = record("vetting.approved", request=request, target="application 1", reason="ok")
    assert event.actor == member
    assert event.actor_email == member.email
    assert event.ip_address == "203.0.113.9"
    assert event.user_agent == "Firefox"
    assert event.details == {"reason": "ok"}
    assert event.created_at.tzinfo is not None


def test_the_log_is_append_only(member):
    event = record("sign_in", actor=member)
    event.action = "something else"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(action="x")
    assert AuditEvent.objects.get().action == "sign_in"


def test_each_event_is_one_json_log_line_that_cannot_be_forged(member, caplog):
    audit_logger = logging.getLogger("hub.audit")  # does not propagate: attach to it directly
    audit_logger.addHandler(caplog.handler)
    try:
        record("sign_in.failed", actor=member, target="x\nFAKE sign_in.succeeded")
    finally:
        audit_logger.removeHandler(caplog.handler)
    (line,) = [r.getMessage() for r in caplog.records if r.name == "hub.audit"]
    assert "\n" not in line
    assert json.loads(line)["target"] == "x\nFAKE sign_in.succeeded"


# --- What gets recorded ---------------------------------------------------------------

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"


@pytest.fixture
def audit_lines(caplog):
    audit_logger = logging.getLogger("hub.audit")
    audit_logger.addHandler(caplog.handler)
    yield lambda: [r.getMessage() for r in caplog.records if r.name == "hub.audit"]
    audit_logger.removeHandler(caplog.handler)


@pytest.fixture
def officer(db):
    from allauth.account.models import EmailAddress

    from tests.factories import MemberFactory

    user = MemberFactory(email="officer.audit@police.example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def sign_in_by_form(client, email, password):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": password},
        HTTP_USER_AGENT=BROWSER,
        REMOTE_ADDR="198.51.100.7",
    )


def test_a_sign_in_is_recorded_with_address_and_browser(client, officer):
    from tests.factories import TEST_PASSWORD

    sign_in_by_form(client, officer.email, TEST_PASSWORD)
    event = AuditEvent.objects.get(action="auth.signed_in")
    assert event.actor == officer
    assert event.ip_address == "198.51.100.7"
    assert event.user_agent == BROWSER
    assert event.created_at.utcoffset().total_seconds() == 0


def test_a_failed_sign_in_keeps_the_normalised_address_and_never_the_password(
    client, officer, audit_lines
):
    sign_in_by_form(client, "  Officer.Audit@Police.Example.ORG ", "wrong-password-4711")
    event = AuditEvent.objects.get(action="auth.sign_in_failed")
    assert event.target == "officer.audit@police.example.org"
    assert event.ip_address == "198.51.100.7"
    assert_nowhere(["wrong-password-4711"], audit_lines())


def test_a_password_typed_into_the_address_box_is_not_recorded(audit_lines):
    # The sign-in form refuses a non-address before authenticating; other callers of
    # authenticate() (the admin, a future API) might not.
    from django.contrib.auth.signals import user_login_failed

    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.3")
    credentials = {"email": "Hunter2Hunter2!", "password": "anything at all"}
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    assert AuditEvent.objects.get(action="auth.sign_in_failed").target == "(not an email address)"
    assert_nowhere(["Hunter2Hunter2!", "anything at all"], audit_lines())


def test_too_many_failures_lock_the_account_and_the_lockout_is_recorded(client, officer):
    for _ in range(5):
        sign_in_by_form(client, officer.email, "wrong-password-4711")
    response = sign_in_by_form(client, officer.email, "wrong-password-4711")
    assert b"Too many failed login attempts" in response.content
    assert AuditEvent.objects.filter(action="auth.sign_in_failed").count() == 5
    locked = AuditEvent.objects.get(action="auth.locked_out")
    assert locked.target == officer.email
    assert locked.ip_address == "198.51.100.7"


def test_signing_out_is_recorded(client, officer):
    from tests.conftest import sign_in

    sign_in(client, officer)
    client.post(reverse("account_logout"), REMOTE_ADDR="198.51.100.8")
    event = AuditEvent.objects.get(action="auth.signed_out")
    assert event.actor == officer
    assert event.ip_address == "198.51.100.8"


def test_a_rate_limited_answer_is_recorded():
    from django.http import HttpResponse

    from hub.middleware import AuditContextMiddleware

    request = RequestFactory().post("/accounts/login/", REMOTE_ADDR="192.0.2.1")
    request.user = AnonymousUser()
    AuditContextMiddleware(lambda r: HttpResponse(status=429))(request)
    event = AuditEvent.objects.get(action="auth.rate_limited")
    assert event.details == {"path": "/accounts/login/", "method": "POST"}
    assert event.ip_address == "192.0.2.1"


def test_a_refusal_is_recorded(client):
    from tests.conftest import sign_in
    from tests.factories import ExpiredMemberFactory

    user = ExpiredMemberFactory(password="!")
    sign_in(client, user)
    assert client.get(reverse("catalog:index"), REMOTE_ADDR="192.0.2.4").status_code == 403
    event = AuditEvent.objects.get(action="access.denied")
    assert event.actor == user
    assert event.details == {"path": "/catalog/", "method": "GET"}
    assert event.ip_address == "192.0.2.4"


def test_events_without_a_request_argument_take_the_one_being_served(member):
    from django.http import HttpResponse

    from hub.middleware import AuditContextMiddleware

    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.2", HTTP_USER_AGENT=BROWSER)
    request.user = member

    def view(request):
        record("vetting.approved", target="someone")  # as a service deep in a view would
        return HttpResponse()

    AuditContextMiddleware(view)(request)
    event = AuditEvent.objects.get(action="vetting.approved")
    assert (event.actor, event.ip_address, event.user_agent) == (member, "192.0.2.2", BROWSER)
    record("outside.a.request")
    assert AuditEvent.objects.get(action="outside.a.request").ip_address is None


def test_admin_content_changes_are_recorded(member):
    from django.contrib.admin.models import CHANGE, LogEntry

    LogEntry.objects.log_actions(
        member.pk, [member], CHANGE, [{"changed": {"fields": ["Full name"]}}], single_object=True
    )
    event = AuditEvent.objects.get(action="admin.change")
    assert event.actor == member
    assert event.target == f"accounts.user {member.pk}"
    assert event.details["change"] == "changed"
    assert "Full name" in event.details["message"]


@pytest.mark.parametrize("name", ["password", "new_password1", "code", "otp_token", "secret"])
def test_secrets_are_refused(member, name):
    with pytest.raises(ValueError, match="secrets"):
        record("anything", actor=member, **{name: "hunter2"})
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(
    "evil",
    ["x\nFAKE auth.signed_in", "x\r\nFAKE", "x\x1b[2Jcleared", "x\u2028FAKE", "x\x00nul"],
)
def test_no_control_character_reaches_the_log_line(member, audit_lines, evil):
    request = RequestFactory().get("/", HTTP_USER_AGENT=evil)
    request.user = member
    record("auth.sign_in_failed", request=request, target=evil, note=evil)
    (line,) = audit_lines()
    assert line.isprintable() and line.isascii()
    parsed = json.loads(line)
    stored = evil.replace("\x00", "\ufffd")  # PostgreSQL refuses NUL in text
    assert parsed["target"] == parsed["details"]["note"] == parsed["user_agent"] == stored
    event = AuditEvent.objects.get()
    assert event.target == event.user_agent == event.details["note"] == stored


def assert_nowhere(secrets: list[str], log_lines: list[str]) -> None:
    """No secret in any stored column of any event, nor in any log line."""
    stored = json.dumps(list(AuditEvent.objects.values()), default=str)
    for secret in secrets:
        assert secret not in stored
        assert all(secret not in line for line in log_lines)


# --- Who may read it --------------------------------------------------------------------


def _admin_client(client, persona):
    from tests.security.personas import PERSONAS

    PERSONAS[persona](client)
    return client


def test_administrators_read_the_audit_log(client, member):
    event = record("vetting.approved", actor=member)
    admin = _admin_client(client, "administrator")
    changelist = admin.get(reverse("admin:hub_auditevent_changelist"))
    assert changelist.status_code == 200
    assert member.email.encode() in changelist.content
    assert admin.get(reverse("admin:hub_auditevent_change", args=[event.pk])).status_code == 200


def test_nobody_adds_changes_or_deletes_audit_events_in_the_admin(client, member):
    event = record("vetting.approved", actor=member)
    admin = _admin_client(client, "administrator")
    assert admin.get(reverse("admin:hub_auditevent_add")).status_code == 403
    assert admin.post(reverse("admin:hub_auditevent_add"), {"action": "x"}).status_code == 403
    change = reverse("admin:hub_auditevent_change", args=[event.pk])
    assert admin.post(change, {"action": "forged"}).status_code == 403
    delete = reverse("admin:hub_auditevent_delete", args=[event.pk])
    assert admin.post(delete, {"post": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.action == "vetting.approved"
    assert AuditEvent.objects.filter(action="vetting.approved").count() == 1


@pytest.mark.parametrize("persona", ["curator", "vetting_officer", "member"])
def test_other_roles_do_not_read_the_audit_log(client, persona):
    response = _admin_client(client, persona).get(reverse("admin:hub_auditevent_changelist"))
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("admin:login"))
