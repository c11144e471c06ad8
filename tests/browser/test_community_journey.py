"""Meet other officers (issue 22), in a real browser: member A publishes a profile, member B
finds A by expertise and asks to talk, A accepts, they exchange messages, B reports one and a
moderator hides it."""

import pytest
from django.urls import reverse

from community.models import Message, Profile, Report
from hub.models import AuditEvent
from tests import factories
from tests.browser.conftest import DESKTOP, PHONE, TIMEOUT_MS, _sign_in_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits_a_phone(page) -> None:
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} scrolls sideways at 390 px ({width} px)"
    page.set_viewport_size(DESKTOP)


def test_profile_directory_request_accept_message_report_and_moderation(
    page, sign_in_browser, second_browser, browser, live_server
):
    factories.CapabilityFactory(name="Victim identification tools", slug="victim-id-tools")
    factories.CapabilityFactory(name="Audio analysis", slug="audio-analysis")
    a = factories.MemberFactory(full_name="Alex Able")
    b = factories.MemberFactory(full_name="Blair Bright")
    factories.ProfileFactory(user=b, display_name="Blair")
    moderator = factories.ModeratorFactory()

    # A publishes a profile.
    sign_in_browser(a)
    page.goto(reverse("community:profile"))
    page.get_by_label("List me in the community directory").check()
    page.get_by_label("Display name").fill("Alex the Analyst")
    page.get_by_role("group", name="Expertise").get_by_label("Victim identification tools").check()
    page.get_by_role("button", name="Save your profile").click()
    page.get_by_text("listed in the directory").wait_for()
    profile = Profile.objects.get(user=a)
    assert profile.published

    # B finds A by expertise and sends a contact request.
    b_page, sign_in_b = second_browser
    sign_in_b(b)
    b_page.goto(reverse("community:index"))
    b_page.get_by_label("Victim identification tools").check()
    b_page.get_by_role("button", name="Search").click()
    b_page.wait_for_url("**expertise=victim-id-tools**")
    _fits_a_phone(b_page)
    b_page.get_by_role("link", name="Alex the Analyst").click()
    b_page.get_by_role("link", name="Send a contact request").click()
    b_page.get_by_label("Why you would like to talk").fill("I work on the same kind of cases.")
    b_page.get_by_role("button", name="Send the request").click()
    b_page.get_by_text("Your request was sent").wait_for()

    # A accepts and writes.
    page.goto(reverse("community:requests"))
    assert page.get_by_text("I work on the same kind of cases.").is_visible()
    page.get_by_role("button", name="Accept").click()
    page.get_by_text("You accepted the request").wait_for()
    page.get_by_label("Message").fill("Happy to talk. Our notes: https://outside.example/notes")
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**#latest")
    _fits_a_phone(page)

    # B sees the unread count in the header, reads, answers, and reports A's message.
    b_page.goto(reverse("community:index"))
    assert b_page.locator(".account-nav").get_by_role("link", name="Messages 1 unread").is_visible()
    b_page.locator(".account-nav").get_by_role("link", name="Messages").click()
    b_page.get_by_role("link", name="Alex the Analyst").click()
    assert b_page.get_by_text("Happy to talk.").is_visible()
    link = b_page.get_by_role("link", name="https://outside.example/notes")
    assert reverse("community:external_link") in link.get_attribute("href")
    b_page.get_by_label("Message").fill("Thank you.")
    b_page.get_by_role("button", name="Send").click()
    b_page.wait_for_url("**#latest")
    assert Message.objects.count() == 2
    b_page.get_by_role("link", name="Report this message").click()
    b_page.get_by_label("What is wrong").fill("It links outside the hub.")
    b_page.get_by_role("button", name="Send the report").click()
    b_page.get_by_text("The moderators will look at your report").wait_for()

    # A moderator hides it.
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    moderator_page = context.new_page()
    _sign_in_on(context, moderator_page, live_server, moderator)
    moderator_page.goto(reverse("community:moderation"))
    moderator_page.get_by_role("link", name="Look at it").click()
    assert moderator_page.get_by_text("Happy to talk.").is_visible()
    moderator_page.get_by_label("Hide the content and tell its author").check()
    moderator_page.get_by_role("button", name="Apply").click()
    moderator_page.get_by_text("The message is hidden").wait_for()
    context.close()

    report = Report.objects.get()
    assert report.status == Report.Status.ACTED
    assert AuditEvent.objects.filter(action="community.message_hidden").exists()
    b_page.reload()
    assert b_page.get_by_text("This message was hidden by a moderator.").is_visible()
    assert b_page.get_by_text("Happy to talk.").count() == 0
