"""The hub's journeys (DESIGN.md), each driven through the real pages in a real browser.

The live server runs in this process: the test's mailbox (django.core.mail.outbox) receives the
hub's emails, and `hub.clock.travel` moves the time the server sees.
"""

import re
from base64 import b32decode, b32encode
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import ApplicationState, User
from catalog.models import Bookmark, ToolReview
from hub import clock
from tests import factories
from tests.browser.test_keyboard import APPLICATION, PASSPHRASE
from tests.twofactor.conftest import unused_code
from twofactor.models import BackupCodeDevice
from wellbeing.models import SelfCheck

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def link_in(message, pattern: str) -> str:
    """The site path of the first link in an email that matches `pattern`."""
    match = re.search(rf"https?://[^/\s]+({pattern})", message.body)
    assert match, f"no link matching {pattern} in {message.subject!r}:\n{message.body}"
    return match.group(1)


def totp_code(key_text: str) -> str:
    """The code an authenticator app shows for the key typed from the setup page."""
    key = "".join(key_text.split())
    totp = TOTP(b32decode(key + "=" * (-len(key) % 8)))
    return f"{totp.token():06d}"


def sign_in_with_password(page, email: str) -> None:
    page.goto(reverse("account_login"))
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSPHRASE)
    page.get_by_role("button", name="Sign In").click()


def with_verified_email(user) -> User:
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    return user


def test_apply_attest_enrol_approve_then_use_the_catalogue(
    page, second_browser, mailoutbox, sign_in_browser
):
    capability = factories.CapabilityFactory(name="Image triage")
    hasher = factories.ToolFactory(
        name="Hash Matcher", summary="Matches known images by hash.", capabilities=[capability]
    )
    other = factories.ToolFactory(
        name="Hash Sorter", summary="Sorts hashes.", capabilities=[capability]
    )
    factories.ToolFactory(name="Chat Reader", summary="Reads chat logs.")

    # 1. Apply: sign-up is the application.
    page.goto(reverse("account_signup"))
    for name, value in APPLICATION:
        page.locator(f"[name={name}]").fill(value)
    page.get_by_label("I accept the terms of engagement").check()
    page.get_by_role("button", name="Submit application").click()
    page.wait_for_url(f"**{reverse('account_email_verification_sent')}")
    applicant = User.objects.get(email="grace@police.example.org")

    # 2. Confirm the email address through the emailed link.
    (confirmation,) = mailoutbox
    page.goto(link_in(confirmation, r"/accounts/confirm-email/[^/\s]+/"))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(lambda url: "confirm-email" not in url)
    assert applicant.applications.get().email_confirmed_at is not None

    # 3. The supervisor opens the emailed link (no account) and confirms.
    (attestation_email,) = [m for m in mailoutbox if m.to == ["sam@police.example.org"]]
    supervisor_page, _ = second_browser
    supervisor_page.goto(link_in(attestation_email, r"/accounts/attest/[^/\s]+/"))
    supervisor_page.get_by_label("Yes, I confirm it").check()
    supervisor_page.get_by_role("button", name="Send my answer").click()
    supervisor_page.get_by_role("heading", level=1).wait_for()
    assert applicant.applications.get().attestations.get().outcome == "confirmed"

    # 4. Sign in and enrol an authenticator app from the key shown as text.
    sign_in_with_password(page, applicant.email)
    page.wait_for_url(f"**{reverse('twofactor:setup')}**")
    key = page.locator("#totp-key").inner_text()
    page.get_by_label("Code from the app").fill(totp_code(key))
    page.get_by_role("button", name="Confirm and continue").click()
    page.get_by_role("heading", name="Save your backup codes").wait_for()
    assert page.locator(".backup-codes li").count() >= 8
    page.get_by_role("link", name="I have saved my codes").click()
    page.wait_for_url(f"**{reverse('accounts:application')}")

    # 5. A vetting officer approves the application at /vetting/.
    officer_page, sign_in_officer = second_browser
    sign_in_officer(factories.VettingOfficerFactory())
    officer_page.goto(reverse("vetting:queue"))
    officer_page.get_by_role("link", name=re.compile("Grace Hopper")).first.click()
    officer_page.get_by_label("Approve: make them a member").check()
    officer_page.get_by_label("Reason or question").fill("Role confirmed by the supervisor.")
    officer_page.get_by_role("button", name="Record decision").click()
    officer_page.get_by_text("Approved", exact=False).first.wait_for()
    assert applicant.applications.get().state == ApplicationState.APPROVED

    # 6. The member searches the catalogue and filters by a facet.
    page.goto(reverse("catalog:index"))
    page.get_by_label("Search tools").fill("hash")
    page.locator("#catalog-count").filter(has_text="2 tools").wait_for()
    page.get_by_label(re.compile(r"^Image triage")).check()
    page.wait_for_url(re.compile(r"capabilit"))
    results = page.locator("#catalog-results")
    assert results.get_by_role("link", name="Hash Matcher").is_visible()
    assert results.get_by_role("link", name="Chat Reader").count() == 0

    # ... compares two tools ...
    page.get_by_label("Compare Hash Matcher").check()
    page.get_by_label("Compare Hash Sorter").check()
    page.get_by_role("button", name="Compare selected tools").click()
    page.wait_for_url(f"**{reverse('catalog:compare')}**")
    assert page.get_by_text("Hash Sorter").first.is_visible()
    assert page.get_by_text("Hash Matcher").first.is_visible()

    # ... opens a tool and bookmarks it ...
    page.goto(reverse("catalog:index") + "?q=hash")
    page.locator("#catalog-results").get_by_role("link", name="Hash Matcher").click()
    page.wait_for_url(f"**{hasher.get_absolute_url()}")
    page.get_by_role("button", name="Bookmark").click()
    page.get_by_role("button", name="Remove bookmark").wait_for()
    assert Bookmark.objects.filter(user=applicant, tool=hasher).exists()

    # ... and writes a review, which waits for a curator.
    page.get_by_role("link", name="Write a review").click()
    page.get_by_label("4", exact=True).check()
    page.locator("[name=context]").fill("Piloted on a backlog of seized media.")
    page.locator("[name=what_worked]").fill("Cut the triage time in half.")
    page.locator("[name=limits]").fill("Misses heavily cropped images.")
    page.locator("main form").get_by_role("button").last.click()
    page.wait_for_url(f"**{hasher.get_absolute_url()}**")
    review = ToolReview.objects.get(author=applicant)
    assert review.status == ToolReview.Status.PENDING
    assert other.reviews.count() == 0

    # 7. A curator (second factor verified) publishes it in the admin.
    sign_in_officer(factories.CuratorFactory())
    officer_page.goto(reverse("admin:catalog_toolreview_changelist"))
    officer_page.locator(f"input[name=_selected_action][value='{review.pk}']").check()
    officer_page.locator("select[name=action]").select_option("publish_reviews")
    officer_page.get_by_role("button", name="Go").click()
    officer_page.locator(".messagelist").wait_for()
    review.refresh_from_db()
    assert review.status == ToolReview.Status.PUBLISHED

    # 8. The member sees the published review on the tool page.
    page.goto(hasher.get_absolute_url())
    reviews = page.locator(".review")
    assert reviews.filter(has_text="Cut the triage time in half.").is_visible()
    assert reviews.filter(has_text="Pending").count() == 0


def test_a_member_signs_in_with_a_backup_code(page):
    member = with_verified_email(factories.MemberFactory(password=PASSPHRASE))
    TOTPDevice.objects.create(user=member, name="Phone", confirmed=True)
    device = BackupCodeDevice.objects.create(user=member, name="Backup codes", confirmed=True)
    codes = device.regenerate()

    sign_in_with_password(page, member.email)
    page.wait_for_url(f"**{reverse('twofactor:verify')}**")
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"**{reverse('catalog:index')}")
    assert page.get_by_text("You signed in with a backup code").is_visible()
    assert device.remaining() == len(codes) - 1


def test_a_member_signs_out_and_in_again_with_the_authenticator_app(page):
    member = with_verified_email(factories.MemberFactory(password=PASSPHRASE))
    device = TOTPDevice.objects.create(user=member, name="Phone", confirmed=True)
    key_text = b32encode(device.bin_key).decode()

    sign_in_with_password(page, member.email)
    page.wait_for_url(f"**{reverse('twofactor:verify')}**")
    first_code = totp_code(key_text)
    page.get_by_label("Code").fill(first_code)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"**{reverse('catalog:index')}")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"**{reverse('landing')}")
    assert page.get_by_role("link", name="Sign in", exact=True).first.is_visible()

    # The same code cannot be played back; the app's next one lets the member in.
    sign_in_with_password(page, member.email)
    page.wait_for_url(f"**{reverse('twofactor:verify')}**")
    page.get_by_label("Code").fill(first_code)
    page.get_by_role("button", name="Continue").click()
    page.locator(".field__error", has_text="That code has already been used.").wait_for()
    # Like a person waiting for the app's next code: after a refused code django-otp holds the
    # device back for a second (OTP_TOTP_THROTTLE_FACTOR). The next code is the one after the
    # step the device last accepted, read the way the device reads the clock (its drift too: a
    # first code typed across a step boundary moves it), so the test holds at any second.
    page.wait_for_timeout(1_100)
    page.get_by_label("Code").fill(unused_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"**{reverse('catalog:index')}")
    assert page.get_by_role("heading", name="AI tools catalogue").is_visible()


def test_a_suspended_member_is_signed_out_on_the_next_request(
    page, sign_in_browser, second_browser
):
    member = factories.MemberFactory(full_name="Alan Turing")
    sign_in_browser(member)
    page.goto(reverse("catalog:index"))
    assert page.get_by_role("heading", name="AI tools catalogue").is_visible()

    officer_page, sign_in_officer = second_browser
    sign_in_officer(factories.VettingOfficerFactory())
    officer_page.goto(reverse("vetting:member", args=[member.public_id]))
    officer_page.locator("main form textarea").first.fill("Left the unit; access no longer needed.")
    officer_page.get_by_role("button", name="Suspend now").click()
    officer_page.get_by_role("button", name="Reinstate").wait_for()

    response = page.goto(reverse("catalog:index"))
    assert response is not None
    assert reverse("account_login") in page.url or response.status == 403
    assert page.get_by_role("heading", name="AI tools catalogue").count() == 0


def test_an_expired_membership_is_refused(page, sign_in_browser):
    from accounts.tasks import run_membership_expiry

    # Expiry within the session's 30-minute idle limit, so that membership is what refuses.
    member = factories.MemberFactory(membership_valid_until=clock.now() + timedelta(minutes=10))
    sign_in_browser(member)
    page.goto(reverse("catalog:index"))
    assert page.get_by_role("heading", name="AI tools catalogue").is_visible()

    with clock.travel(timedelta(minutes=20)):
        run_membership_expiry()
        response = page.goto(reverse("catalog:index"))
        assert response is not None
        assert response.status == 403
        assert page.get_by_role("heading", name="AI tools catalogue").count() == 0
        member.refresh_from_db()
        assert not member.is_active_member


def test_a_member_fills_a_self_check_and_sees_the_chart(page, sign_in_browser):
    member = factories.MemberFactory()
    factories.SelfCheckFactory(owner=member, mood=2)
    sign_in_browser(member)

    page.goto(reverse("wellbeing:checkin"))
    for fieldset in page.locator("main form fieldset").all():
        fieldset.get_by_role("radio").last.check()
    page.locator("main form").get_by_role("button").last.click()
    page.goto(reverse("wellbeing:checkins"))
    chart = page.get_by_role("img", name="Your trend")
    chart.wait_for()
    assert chart.locator("circle, polyline, path").count() >= 2  # the points, or the line
    assert SelfCheck.objects.filter(owner=member).count() == 2


def test_a_member_ends_another_session(page, sign_in_browser, second_browser):
    member = factories.MemberFactory()
    sign_in_browser(member)
    phone_page, sign_in_phone = second_browser
    sign_in_phone(member)
    phone_page.goto(reverse("catalog:index"))
    assert phone_page.get_by_role("heading", name="AI tools catalogue").is_visible()

    # Sessions made without the sign-in form are listed from their first request a minute on.
    with clock.travel(timedelta(minutes=2)):
        phone_page.goto(reverse("catalog:index"))
        page.goto(reverse("usersessions_list"))
        assert page.get_by_text("This session").is_visible()
        page.get_by_role("button", name=re.compile("^End session")).click()
        page.wait_for_url(f"**{reverse('usersessions_list')}")
        assert page.get_by_role("button", name=re.compile("^End session")).count() == 0

        phone_page.goto(reverse("catalog:index"))
        assert reverse("account_login") in phone_page.url
        page.goto(reverse("catalog:index"))
        assert page.get_by_role("heading", name="AI tools catalogue").is_visible()
