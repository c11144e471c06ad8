"""Issue 20, for people under stress: a welcome, links where people look, pages that fit a phone.

Each test follows what a person does in a real browser, at 1280 px and (where named) 390 px.
"""

import pytest
from django.urls import reverse

from accounts.models import User
from tests import factories
from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_member_reads_the_welcome_closes_it_and_finds_it_on_the_profile(
    page, sign_in_browser
):
    member = factories.MemberFactory(full_name="Noor Analyst")
    sign_in_browser(member)
    page.goto(reverse("catalog:index"))
    welcome = page.get_by_role("region", name="Welcome to the hub, Noor")
    welcome.get_by_role("link", name="Saved searches").wait_for()
    welcome.get_by_role("button", name="Close this welcome").click()
    page.get_by_text("The welcome is closed").wait_for()
    assert page.get_by_role("region", name="Welcome to the hub, Noor").count() == 0
    assert User.objects.get(pk=member.pk).welcome_dismissed_at is not None

    page.get_by_role("link", name="Noor (your profile)").click()
    page.get_by_role("heading", name="Your profile", level=1).wait_for()
    page.get_by_role("heading", name="Getting started").wait_for()


def test_bookmarks_and_saved_searches_are_in_the_header_navigation(page, sign_in_browser):
    sign_in_browser(factories.MemberFactory())
    page.goto(reverse("wellbeing:index"))
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Bookmarks").click()
    page.get_by_role("heading", name="Your bookmarks", level=1).wait_for()
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="Bookmarks").get_attribute("aria-current") == "page"
    assert nav.get_by_role("link", name="Catalogue").get_attribute("aria-current") is None
    nav.get_by_role("link", name="Saved searches").click()
    page.get_by_role("heading", name="Your saved searches", level=1).wait_for()
    # At 390 px the links are still there, without a sideways scroll.
    page.set_viewport_size(PHONE)
    assert (
        page.get_by_role("navigation", name="Main")
        .get_by_role("link", name="Bookmarks")
        .is_visible()
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)


def test_an_applicant_has_no_bookmarks_link(page, sign_in_browser):
    factories.VettingApplicationFactory(applicant=(applicant := factories.UserFactory()))
    sign_in_browser(applicant)
    page.goto(reverse("accounts:application"))
    page.get_by_role("heading", name="Your application", level=1).wait_for()
    assert page.get_by_role("link", name="Bookmarks").count() == 0
