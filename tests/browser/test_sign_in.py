"""Signing in through the real form, in a real browser, with production's cookies and headers."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.urls import reverse

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_pages_come_with_their_hashed_stylesheet(page, live_server):
    stylesheets = []
    page.on(
        "response",
        lambda response: stylesheets.append(response) if ".css" in response.url else None,
    )
    page.goto(reverse("landing"))

    hub_css = [response for response in stylesheets if "/static/css/hub." in response.url]
    assert hub_css, "the landing page loaded no hub.css"
    assert re.search(r"/static/css/hub\.[0-9a-f]{12}\.css$", hub_css[0].url)
    assert hub_css[0].status == 200
    header = page.locator(".site-header")
    assert header.evaluate("element => getComputedStyle(element).backgroundColor") == (
        "rgb(30, 79, 138)"  # --brand: the stylesheet applied
    )


def test_a_member_signs_in_with_email_and_password(page, context):
    member = factories.MemberFactory(email="ada@police.example.org")
    EmailAddress.objects.create(user=member, email=member.email, primary=True, verified=True)
    # Until the second factor is verified, only SIGNED_IN pages open: sign-out is one.
    page.goto(reverse("account_login") + "?next=" + reverse("account_logout"))

    page.get_by_label("Email").fill(member.email)
    page.get_by_label("Password").fill(factories.TEST_PASSWORD)
    page.get_by_role("button", name="Sign In").click()

    page.wait_for_url(f"**{reverse('account_logout')}")
    assert (
        page.get_by_role("navigation", name="Account")
        .get_by_text(member.get_short_name())
        .is_visible()
    )
    cookies = {cookie["name"]: cookie for cookie in context.cookies()}
    session_cookie = cookies[settings.SESSION_COOKIE_NAME]
    assert session_cookie["secure"] is settings.SESSION_COOKIE_SECURE
    assert session_cookie["httpOnly"] is True
    assert session_cookie["sameSite"] == "Lax"


def test_a_wrong_password_is_refused_with_an_error_summary(page):
    member = factories.MemberFactory()
    EmailAddress.objects.create(user=member, email=member.email, primary=True, verified=True)
    page.goto(reverse("account_login"))

    page.get_by_label("Email").fill(member.email)
    page.get_by_label("Password").fill("not the password at all")
    page.get_by_role("button", name="Sign In").click()

    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    assert summary.is_visible()
    # hub.js moves focus to the summary, so screen readers announce it.
    assert summary.evaluate("element => element === document.activeElement")
    assert page.url.endswith(reverse("account_login"))
