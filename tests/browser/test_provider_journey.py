"""The technology provider's journey (issue 23) in a real browser: apply → confirm the email →
enrol a second factor → a curator approves → propose an update → a curator accepts → members
see the new text."""

import pytest
from django.urls import reverse

from catalog.models import Tool
from providers.models import Proposal, ProviderAccount
from tests import factories
from tests.browser.test_journeys import link_in, totp_code
from tests.browser.test_keyboard import PASSPHRASE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_apply_approve_propose_accept_then_members_see_it(
    page, second_browser, mailoutbox, sign_in_browser
):
    acme = factories.ProviderFactory(
        name="Acme Forensics", website="https://acme-forensics.example/"
    )
    tool = factories.ToolFactory(name="Acme Hasher", provider=acme, summary="Finds known images.")

    # 1. The organisation applies.
    page.goto(reverse("providers:apply"))
    page.get_by_label("Organisation", exact=True).fill("Acme Forensics")
    page.get_by_label("Organisation's website").fill("acme-forensics.example")
    page.get_by_label("Contact person's full name").fill("Pat Provider")
    page.get_by_label("Official email address").fill("pat@acme-forensics.example")
    page.get_by_label("Password", exact=True).fill(PASSPHRASE)
    page.get_by_label("Password (again)").fill(PASSPHRASE)
    page.get_by_label("What do your tools do?").fill("Hash matching for seized media.")
    page.get_by_label("I accept the terms of engagement for technology providers").check()
    page.get_by_role("button", name="Submit the application").click()
    page.wait_for_url(f"**{reverse('account_email_verification_sent')}")
    account = ProviderAccount.objects.get()
    assert account.website == "https://acme-forensics.example"

    # 2. Confirm the email address through the emailed link.
    (confirmation,) = mailoutbox
    page.goto(link_in(confirmation, r"/accounts/confirm-email/[^/\s]+/"))
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(lambda url: "confirm-email" not in url)

    # 3. Sign in; the second factor comes first, from the key shown as text.
    page.goto(reverse("account_login"))
    page.get_by_label("Email").fill("pat@acme-forensics.example")
    page.get_by_label("Password").fill(PASSPHRASE)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"**{reverse('twofactor:setup')}**")
    key = page.locator("#totp-key").inner_text()
    page.get_by_label("Code from the app").fill(totp_code(key))
    page.get_by_role("button", name="Confirm and continue").click()
    page.get_by_role("link", name="I have saved my codes").click()
    page.wait_for_url(f"**{reverse('providers:application')}")
    page.get_by_text("A curator checks your organisation").wait_for()

    # 4. A curator approves the organisation in the admin, with its signals in view.
    curator_page, sign_in_curator = second_browser
    sign_in_curator(factories.CuratorFactory())
    curator_page.goto(reverse("admin:providers_provideraccount_change", args=[account.pk]))
    curator_page.get_by_text("Acme Forensics").first.wait_for()
    curator_page.get_by_label("Approve: link to the provider organisation").check()
    curator_page.get_by_label("Reason").fill("Known supplier; the domain matches.")
    curator_page.get_by_role("button", name="Save", exact=True).click()
    curator_page.wait_for_url(f"**{reverse('admin:providers_provideraccount_changelist')}**")
    account.refresh_from_db()
    assert account.state == "approved" and account.provider == acme

    # 5. The provider proposes an update to their tool from the portal.
    page.goto(reverse("providers:portal"))
    page.get_by_role("link", name="Propose an update to Acme Hasher").click()
    page.get_by_label("Summary").fill("Finds known images and video.")
    page.get_by_role("button", name="Send to the curators").click()
    page.get_by_role("heading", name="Your proposal for Acme Hasher").wait_for()
    proposal = Proposal.objects.get()
    tool.refresh_from_db()
    assert tool.summary == "Finds known images."

    # 6. The curator sees the change field by field and accepts it.
    curator_page.goto(reverse("admin:providers_proposal_change", args=[proposal.pk]))
    curator_page.locator(".proposal-diff").get_by_text("Finds known images and video.").wait_for()
    curator_page.get_by_label("Accept the entry as shown above").check()
    curator_page.get_by_role("button", name="Save", exact=True).click()
    curator_page.wait_for_url(f"**{reverse('admin:providers_proposal_changelist')}**")
    assert Tool.objects.get(pk=tool.pk).summary == "Finds known images and video."

    # 7. Members see the new text.
    sign_in_browser(factories.MemberFactory())
    page.goto(tool.get_absolute_url())
    page.get_by_text("Finds known images and video.").wait_for()
