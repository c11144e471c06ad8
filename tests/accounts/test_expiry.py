from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.tasks import run_membership_expiry
from hub import clock
from notifications.models import Notification
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def member_ending_in(days: float):
    return factories.MemberFactory(membership_valid_until=clock.now() + timedelta(days=days))


def kinds(user) -> list[str]:
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_reminders_at_30_and_7_days_each_once():
    member = member_ending_in(29.5)
    far = member_ending_in(60)
    run_membership_expiry.delay()
    run_membership_expiry.delay()  # twice: nothing more is sent
    assert kinds(member) == ["membership_reminder"]
    assert kinds(far) == []
    key = Notification.objects.get(recipient=member).idempotency_key
    assert key == (
        f"membership-reminder:{member.public_id}:"
        f"{member.membership_valid_until.date().isoformat()}:30"
    )
    with clock.travel(timedelta(days=23)):
        run_membership_expiry()
        run_membership_expiry()
    assert kinds(member) == ["membership_reminder", "membership_reminder"]
    assert Notification.objects.filter(idempotency_key__endswith=":7").count() == 1


def test_at_expiry_access_stops_and_the_member_is_told_once(client):
    member = member_ending_in(1)
    bookmarks_kept = member.pk
    sign_in(client, member)
    assert client.get(reverse("catalog:index")).status_code == 200
    with clock.travel(timedelta(days=2)):
        first = run_membership_expiry()
        second = run_membership_expiry()
        # Two days on, the old session has timed out; a fresh sign-in meets the expiry.
        sign_in(client, member)
        assert client.get(reverse("catalog:index")).status_code == 403
    assert first["expired"] == 1 and second["expired"] == 0
    assert kinds(member).count("membership_expired") == 1
    member.refresh_from_db()
    assert member.pk == bookmarks_kept and member.membership_valid_until is not None


def test_suspended_and_applicants_get_nothing():
    suspended = factories.SuspendedMemberFactory(
        membership_valid_until=clock.now() + timedelta(days=5)
    )
    applicant = factories.UserFactory()
    run_membership_expiry()
    assert kinds(suspended) == [] and kinds(applicant) == []


def test_a_renewed_membership_gets_fresh_reminders():
    member = member_ending_in(6)
    run_membership_expiry()
    member.membership_valid_until += timedelta(days=365)
    member.save()
    with clock.travel(timedelta(days=365 - 1)):
        run_membership_expiry()
    assert kinds(member).count("membership_reminder") == 2


def test_the_management_command_runs_the_same_job(capsys):
    member_ending_in(3)
    call_command("expire_memberships")
    call_command("expire_memberships")
    assert "1 reminder(s)" in capsys.readouterr().out
    assert Notification.objects.filter(kind="membership_reminder").count() == 1
