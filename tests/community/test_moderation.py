"""Reports of profiles and posts, dismissal, and what moderators' pages refuse (issue 22)."""

import pytest
from django.urls import reverse

from community.models import Report
from hub.models import AuditEvent
from notifications.kinds import OPTIONAL_KINDS
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db


def _report_page(report):
    return reverse("community:report", kwargs={"public_id": report.public_id})


def test_a_reported_profile_is_taken_out_of_the_directory_by_a_moderator(browse):
    profile = factories.ProfileFactory(display_name="Dubious Profile")
    reporter = browse()
    url = reverse("community:report_profile", kwargs={"public_id": profile.public_id})
    assert reporter.post(url, {"reason": "Not an officer"}).status_code == 302
    report = Report.objects.get()
    moderator = browse(factories.ModeratorFactory(password="!"))
    response = moderator.post(_report_page(report), {"action": "hide", "note": "Please check"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert not profile.published
    assert "Dubious Profile" not in reporter.get(reverse("community:index")).content.decode()
    assert AuditEvent.objects.filter(action="community.profile_unpublished").exists()
    assert Notification.objects.filter(recipient=profile.user, kind="community_moderation").exists()
    report.refresh_from_db()
    assert report.status == Report.Status.ACTED
    # A report already handled is not handled twice.
    again = moderator.post(_report_page(report), {"action": "dismiss"})
    assert again.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.ACTED


def test_a_reported_post_can_be_dismissed_and_stays_shown(browse):
    post = factories.PostFactory(body="Fine words.")
    reporter = browse()
    reporter.post(
        reverse("community:report_post", kwargs={"public_id": post.public_id}), {"reason": "Meh"}
    )
    report = Report.objects.get()
    moderator = browse(factories.ModeratorFactory(password="!"))
    assert "Fine words." in moderator.get(_report_page(report)).content.decode()
    assert moderator.get(reverse("community:moderation")).status_code == 200
    moderator.post(_report_page(report), {"action": "dismiss"})
    report.refresh_from_db()
    assert report.status == Report.Status.DISMISSED
    assert AuditEvent.objects.filter(action="community.report_dismissed").exists()
    page = reporter.get(post.thread.get_absolute_url()).content.decode()
    assert "Fine words." in page
    # An empty choice is refused with the form again, nothing done.
    report2 = Report.objects.create(reporter=factories.MemberFactory(), post=post, reason="x")
    assert moderator.post(_report_page(report2), {}).status_code == 400
    report2.refresh_from_db()
    assert report2.status == Report.Status.OPEN


def test_members_choose_whether_community_notices_are_emailed(browse):
    page = browse().get(reverse("notifications:preferences")).content.decode()
    for kind in (
        "community_contact_request",
        "community_request_accepted",
        "community_message",
        "community_thread_digest",
    ):
        assert kind in OPTIONAL_KINDS
        assert f'name="{kind}"' in page


def test_the_digest_command_runs_twice_safely(capsys):
    from django.core.management import call_command

    call_command("send_thread_digests")
    call_command("send_thread_digests")
    assert "0 digests" in capsys.readouterr().out
