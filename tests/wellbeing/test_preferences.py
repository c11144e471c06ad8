"""Wellbeing preferences: break reminders and content warnings."""

import pytest
from django.urls import reverse

from tests import factories
from tests.conftest import sign_in
from wellbeing.models import Preferences

pytestmark = pytest.mark.django_db


def test_defaults_are_warnings_on_and_no_reminders(member_client, member):
    response = member_client.get(reverse("wellbeing:preferences"))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["content_warnings"].value() is True
    assert form["break_reminder_minutes"].value() is None
    assert not Preferences.objects.exists()


def test_saving_preferences(member_client, member):
    response = member_client.post(
        reverse("wellbeing:preferences"), {"break_reminder_minutes": "45"}
    )
    assert response.status_code == 302
    preferences = Preferences.objects.get(owner=member)
    assert preferences.break_reminder_minutes == 45
    assert preferences.content_warnings is False
    member_client.post(
        reverse("wellbeing:preferences"),
        {"break_reminder_minutes": "", "content_warnings": "on"},
    )
    preferences.refresh_from_db()
    assert (preferences.break_reminder_minutes, preferences.content_warnings) == (None, True)
    assert Preferences.objects.count() == 1


@pytest.mark.parametrize("minutes", ["5", "241", "-10", "ten", "1e9"])
def test_bad_intervals_are_explained_and_nothing_is_saved(member_client, minutes):
    response = member_client.post(
        reverse("wellbeing:preferences"), {"break_reminder_minutes": minutes}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert not Preferences.objects.exists()


def test_the_break_reminder_is_on_every_page_for_members_who_want_it(client, member):
    Preferences.objects.create(owner=member, break_reminder_minutes=50)
    sign_in(client, member)
    response = client.get(reverse("guidance:index"))
    assert '<meta name="break-reminder-minutes" content="50">' in response.text
    assert "js/wellbeing" in response.text
    assert 'id="break-reminder-template"' in response.text
    # No inline script: the CSP forbids it.
    assert "<script>" not in response.text


def test_no_break_reminder_without_the_preference(member_client):
    response = member_client.get(reverse("wellbeing:index"))
    assert "break-reminder-minutes" not in response.text
    assert "js/wellbeing" not in response.text


def test_no_break_reminder_on_public_pages_for_visitors(client):
    response = client.get(reverse("landing"))
    assert response.status_code == 200
    assert "break-reminder-minutes" not in response.text


def test_preferences_are_per_member(client_factory, member):
    Preferences.objects.create(owner=member, break_reminder_minutes=30)
    other = sign_in(client_factory(), factories.MemberFactory())
    assert (
        other.get(reverse("wellbeing:preferences"))
        .context["form"]["break_reminder_minutes"]
        .value()
        is None
    )


def test_anonymous_and_applicants_are_kept_out(client_factory, applicant):
    url = reverse("wellbeing:preferences")
    assert client_factory().get(url).status_code == 302
    assert sign_in(client_factory(), applicant).get(url).status_code == 403
