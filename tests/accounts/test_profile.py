"""A new member's welcome in the catalogue, and the member's own profile page."""

from datetime import timedelta

import pytest
from django.urls import reverse

from accounts.models import ApplicationState
from hub import clock
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

CATALOGUE = reverse("catalog:index")
PROFILE = reverse("accounts:profile")
DISMISS = reverse("accounts:dismiss_welcome")


def _approved(member, *, days_ago: int, **fields):
    return factories.VettingApplicationFactory(
        applicant=member,
        state=ApplicationState.APPROVED,
        decided_at=clock.now() - timedelta(days=days_ago),
        **fields,
    )


def test_a_new_member_is_welcomed_until_they_close_it(client):
    member = factories.MemberFactory()
    sign_in(client, member)
    page = client.get(CATALOGUE).content.decode()
    assert "Welcome to the hub" in page
    for name in ("catalog:bookmarks", "catalog:saved_searches", "wellbeing:checkin"):
        assert f'href="{reverse(name)}"' in page, name

    response = client.post(DISMISS, {"next": f"{CATALOGUE}?q=hash"})
    assert response.status_code == 302 and response["Location"] == f"{CATALOGUE}?q=hash"
    member.refresh_from_db()
    assert member.welcome_dismissed_at is not None
    assert "Welcome to the hub" not in client.get(CATALOGUE).content.decode()


def test_closing_the_welcome_never_sends_off_the_site(client):
    member = factories.MemberFactory()
    sign_in(client, member)
    response = client.post(DISMISS, {"next": "https://evil.example.com/"})
    assert response["Location"] == CATALOGUE


def test_closing_the_welcome_is_a_post(client):
    member = factories.MemberFactory()
    sign_in(client, member)
    assert client.get(DISMISS).status_code == 405
    member.refresh_from_db()
    assert member.welcome_dismissed_at is None


def test_the_profile_shows_name_agency_country_and_membership_dates(client):
    member = factories.MemberFactory(full_name="Ana Analyst")
    _approved(member, days_ago=400, agency_name="Old Force", country="Spain")
    _approved(member, days_ago=20, agency_name="Harbour Police", country="Portugal")
    sign_in(client, member)
    page = client.get(PROFILE).content.decode()
    assert "Ana Analyst" in page
    assert "Harbour Police" in page and "Portugal" in page and "Old Force" not in page
    assert (clock.now() - timedelta(days=400)).strftime("%-d %B %Y") in page  # member since
    assert (clock.now() - timedelta(days=20)).strftime("%-d %B %Y") in page  # last renewed
    assert member.membership_valid_until.strftime("%-d %B %Y") in page


def test_the_profile_is_for_members_only(client):
    applicant = factories.UserFactory()
    sign_in(client, applicant)
    assert client.get(PROFILE).status_code == 403
