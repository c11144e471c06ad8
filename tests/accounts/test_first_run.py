"""A new hub, from an empty database, through the README's "First run in production".

The commands are read from the README itself, so the documentation cannot drift from what works.
"""

import re
import shlex
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ApplicationState, VettingApplication
from hub.models import AuditEvent
from tests import factories
from tests.accounts.test_signup import PASSWORD, form_data
from tests.twofactor.conftest import totp_code

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"
PREFIX = "docker compose exec web python manage.py "


def first_run_commands() -> list[list[str]]:
    section = README.read_text().split("### First run in production", 1)[1].split("\n#", 1)[0]
    lines = [line.strip() for line in section.splitlines() if line.strip().startswith(PREFIX)]
    return [shlex.split(line.removeprefix(PREFIX)) for line in lines]


def apply_and_enrol(client, capture, **fields) -> None:
    """Apply, confirm the address from the email, sign in and set up an authenticator."""
    data = form_data(**fields)
    with capture(execute=True):
        assert client.post(reverse("account_signup"), data).status_code == 302
    link = re.search(r"https?://\S*(/accounts/confirm-email/\S+/)", mail.outbox[-1].body)
    with capture(execute=True):
        assert client.post(link.group(1)).status_code == 302
    response = client.post(reverse("account_login"), {"login": data["email"], "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("twofactor:setup")).status_code == 200
    device = TOTPDevice.objects.get(user__email=data["email"])
    with capture(execute=True):
        response = client.post(
            reverse("twofactor:setup"), {"code": totp_code(device), "name": "Phone"}
        )
    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_a_new_hub_gets_its_first_officer_who_approves_the_first_applicant(
    client_factory, django_capture_on_commit_callbacks
):
    cache.clear()
    assert not get_user_model().objects.exists(), "the first run starts from an empty database"
    commands = first_run_commands()
    assert [command[0] for command in commands] == ["grant_membership", "grant_role"]
    officer_email = commands[0][1]

    officer = client_factory()
    apply_and_enrol(
        officer, django_capture_on_commit_callbacks, email=officer_email, full_name="Ola First"
    )
    # Before the commands, the officer is an applicant like any other: no vetting queue.
    assert officer.get(reverse("vetting:queue")).status_code == 403

    for command in commands:
        out = StringIO()
        call_command(*command, stdout=out)
        assert "does nothing yet" not in out.getvalue()

    granted = AuditEvent.objects.get(action="membership.granted", target=officer_email)
    assert granted.actor_email == "command line" and granted.actor is None
    assert granted.details["reason"].startswith("First vetting officer")
    assert AuditEvent.objects.get(action="role.granted").actor_email == "command line"
    own = VettingApplication.objects.get(email=officer_email)
    assert own.state == ApplicationState.APPROVED and own.decided_by is None

    applicant = client_factory()
    apply_and_enrol(
        applicant,
        django_capture_on_commit_callbacks,
        email="jo@police.example.org",
        full_name="Jo Investigator",
    )
    assert applicant.get(reverse("catalog:index")).status_code == 403

    queue = officer.get(reverse("vetting:queue"))
    assert queue.status_code == 200
    application = VettingApplication.objects.get(email="jo@police.example.org")
    page = reverse("vetting:application", args=[application.public_id])
    assert page.encode() in queue.content
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(page, {"decision": "approve", "reason": "Supervisor confirmed."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == ApplicationState.APPROVED
    assert application.decided_by.email == officer_email
    assert applicant.get(reverse("catalog:index")).status_code == 200


def test_grant_role_on_someone_who_is_not_a_member_says_what_to_run():
    person = factories.UserFactory()
    out = StringIO()
    call_command("grant_role", person.email, "vetting_officer", stdout=out)
    assert person.groups.filter(name="vetting_officer").exists()
    assert "does nothing yet" in out.getvalue()
    assert f"grant_membership {person.email} --reason" in out.getvalue()


def test_grant_membership_runs_on_from_a_current_membership():
    member = factories.MemberFactory()
    before = member.membership_valid_until
    call_command("grant_membership", member.email, "--reason", "Renewed by hand", "--months", "3")
    member.refresh_from_db()
    assert member.membership_valid_until.month == (before.month + 2) % 12 + 1
    assert member.is_active_member


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["nobody@police.example.org", "--reason", "x"], "No account has the email address"),
        (["{email}", "--reason", "  "], "Give a reason"),
        (["{email}", "--reason", "x", "--months", "0"], "--months must be between 1 and 60"),
    ],
    ids=["unknown", "no-reason", "bad-months"],
)
def test_grant_membership_refuses_bad_input_with_a_message(arguments, message):
    person = factories.UserFactory()
    with pytest.raises(CommandError, match=message):
        call_command("grant_membership", *[a.format(email=person.email) for a in arguments])
    person.refresh_from_db()
    assert person.membership_valid_until is None
    assert not AuditEvent.objects.filter(action="membership.granted").exists()


def test_grant_membership_leaves_a_suspension_to_the_vetting_officers():
    suspended = factories.SuspendedMemberFactory()
    with pytest.raises(CommandError, match="reinstates them"):
        call_command("grant_membership", suspended.email, "--reason", "Back")
    suspended.refresh_from_db()
    assert suspended.suspended_at is not None
