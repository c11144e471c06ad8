"""Journeys done with the keyboard alone: Tab to move, type, Enter to send."""

import pytest
from django.urls import reverse

from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_TABS = 40


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
    tab_to(page, "input[name=email]")
    page.keyboard.type("grace@police.example.org")
    tab_to(page, "input[name=password1]")
    page.keyboard.type("a long and unusual passphrase 2026")
    tab_to(page, "input[name=password2]")
    page.keyboard.type("a long and unusual passphrase 2026")
    page.keyboard.press("Enter")

    page.wait_for_url(f"**{reverse('account_email_verification_sent')}")
    assert User.objects.filter(email="grace@police.example.org").exists()
    assert [message.to for message in mailoutbox] == [["grace@police.example.org"]]


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content(page):
    page.goto(reverse("landing"))

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()  # it shows itself when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
