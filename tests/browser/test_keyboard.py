"""Journeys done with the keyboard alone: Tab to move, type, Enter to send."""

import re

import pytest
from django.urls import reverse

from accounts.models import User
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 40
PASSPHRASE = "a long and unusual passphrase 2026"
# The sign-up form's text fields in the order the keyboard reaches them (the agency is typed in
# "Agency name", leaving the list at "not in the list").
APPLICATION = [
    ("full_name", "Grace Hopper"),
    ("email", "grace@police.example.org"),
    ("password1", PASSPHRASE),
    ("password2", PASSPHRASE),
    ("agency_name", "Demoland Police"),
    ("country", "Demoland"),
    ("unit", "Online child exploitation team"),
    ("role_title", "Detective"),
    ("supervisor_name", "Sam Supervisor"),
    ("supervisor_email", "sam@police.example.org"),
    ("reason", "Triage of seized media in abuse cases."),
]


def tab_to(page, selector: str) -> None:
    """Press Tab until `selector` has the focus, failing if the keyboard never reaches it."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    pytest.fail(f"{selector} was not reached in {MAX_TABS} presses of Tab")


def test_a_visitor_applies_with_the_keyboard_alone(page, mailoutbox):
    page.goto(reverse("landing"))

    tab_to(page, f'a[href="{reverse("account_signup")}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{reverse('account_signup')}")
    # The application is part of sign-up: every field is reached and filled from the keyboard.
    for name, value in APPLICATION:
        tab_to(page, f"[name={name}]")
        page.keyboard.type(value)
    tab_to(page, "input[name=accept_terms]")
    page.keyboard.press("Space")
    assert page.locator("input[name=accept_terms]").is_checked()
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{reverse('account_email_verification_sent')}")
    grace = User.objects.get(email="grace@police.example.org")
    assert grace.applications.get().supervisor_email == "sam@police.example.org"
    assert [message.to for message in mailoutbox] == [["grace@police.example.org"]]


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content(page):
    page.goto(reverse("landing"))

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()  # it shows itself when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_member_searches_and_filters_the_catalogue_with_the_keyboard_alone(page, sign_in_browser):
    triage = factories.CapabilityFactory(name="Image triage")
    factories.ToolFactory(name="Hash Matcher", capabilities=[triage])
    factories.ToolFactory(name="Hash Sorter")
    factories.ToolFactory(name="Chat Reader")
    sign_in_browser(factories.MemberFactory())
    page.goto(reverse("catalog:index"))
    count = page.locator("#catalog-count")
    results = page.locator("#catalog-results")
    assert "3 tools" in count.inner_text()

    tab_to(page, "input[name=q]")
    page.keyboard.type("hash")
    count.filter(has_text="2 tools").wait_for()  # the results update as one types
    assert results.get_by_role("link", name="Chat Reader").count() == 0

    facet = f"input[type=checkbox][value={triage.slug}]"
    tab_to(page, facet)
    page.keyboard.press("Space")
    count.filter(has_text="1 tool").wait_for()
    # The region is replaced, and the focus stays on the ticked box: Enter sends the form.
    assert page.evaluate("selector => document.activeElement.matches(selector)", facet)
    assert page.locator(facet).is_checked()
    with page.expect_response(lambda response: "/catalog/?" in response.url) as sent:
        page.keyboard.press("Enter")
    assert sent.value.ok
    page.wait_for_url(re.compile(rf"q=hash.*{triage.slug}|{triage.slug}.*q=hash"))

    assert "1 tool" in count.inner_text()
    assert results.get_by_role("link", name="Hash Matcher").is_visible()
    assert results.get_by_role("link", name="Hash Sorter").count() == 0
