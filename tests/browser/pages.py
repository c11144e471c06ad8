"""Every page type the browser tests check (axe, layout, screenshots), as one table.

A row names a page by its URL name, the person who looks at it, how to build the URL's arguments
(the objects it needs), and the status it answers with. A new page type is one new row.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.urls import reverse

from tests import factories

if TYPE_CHECKING:
    from collections.abc import Callable


def _anonymous():
    return None


# Who looks at a page: a factory for the person, or None for an anonymous visitor. Signed-in
# personas have a verified second factor (see `sign_in_browser`).
PERSONAS: dict[str, Callable] = {
    "anonymous": _anonymous,
    "applicant": factories.UserFactory,
    "member": factories.MemberFactory,
    "administrator": functools.partial(factories.MemberFactory, is_staff=True, is_superuser=True),
    "officer": factories.VettingOfficerFactory,
    # A member asked to accept a newer version of the terms of engagement.
    "member-old-terms": functools.partial(factories.MemberFactory, terms_version="2000-01"),
    # Technology providers (issue 23): an approved one, one waiting, one asked to accept new terms.
    "provider": lambda: factories.ApprovedProviderAccountFactory().user,
    "provider-applicant": lambda: factories.ProviderAccountFactory().user,
    "provider-old-terms": lambda: (
        factories.ApprovedProviderAccountFactory(terms_version="2000-01").user
    ),
    "moderator": factories.ModeratorFactory,
}


def _no_kwargs(user) -> dict:
    return {}


@dataclass(frozen=True)
class PageType:
    name: str  # the test id and the screenshot's file name
    url_name: str | None  # None for pages reached by `path` (error pages)
    persona: str = "anonymous"
    kwargs: Callable[..., dict] = _no_kwargs  # (user) -> the URL's arguments, making objects
    path: str | None = None
    status: int = 200
    # What to do on the page before it is checked, e.g. send a form empty to see its errors.
    then: Callable | None = None
    # False: signed in with the password only, the second factor not (yet) verified.
    verified: bool = True
    query: Callable[..., str] | None = None  # (user) -> the query string, making objects

    def url(self, user) -> str:
        if self.path is not None:
            return self.path
        url = reverse(self.url_name, kwargs=self.kwargs(user) or None)
        return f"{url}?{self.query(user)}" if self.query is not None else url


# --- Argument factories ------------------------------------------------------------------


def password_reset_key(user) -> dict:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    person = factories.MemberFactory()
    return {"uidb36": user_pk_to_url_str(person), "key": default_token_generator.make_token(person)}


def email_confirmation_key(user) -> dict:
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC

    person = factories.UserFactory()
    address = EmailAddress.objects.create(
        user=person, email=person.email, primary=True, verified=False
    )
    return {"key": EmailConfirmationHMAC(address).key}


def with_totp_device(user) -> dict:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)
    return {}


def with_application(user) -> dict:
    factories.VettingApplicationFactory(applicant=user)
    return {}


def attestation_token(user) -> dict:
    from accounts.services import attestation_token

    return {"token": attestation_token(factories.SupervisorAttestationFactory())}


def application_id(user) -> dict:
    application = factories.VettingApplicationFactory()
    factories.SupervisorAttestationFactory(application=application)
    return {"public_id": application.public_id}


def with_applications(user) -> dict:
    application_id(user)
    factories.VettingApplicationFactory(country="Elsewhere")
    return {}


def with_members(user) -> dict:
    factories.MemberFactory.create_batch(3)
    factories.SuspendedMemberFactory()
    return {}


def member_id(user) -> dict:
    return {"public_id": factories.MemberFactory().public_id}


def _tools(count: int = 3) -> list:
    capability = factories.CapabilityFactory(name="Image triage")
    stage = factories.InvestigationStageFactory(name="Triage")
    return [factories.ToolFactory(capabilities=[capability], stages=[stage]) for _ in range(count)]


def filtered_catalogue(user) -> str:
    _tools()
    factories.ToolFactory()  # one the filter leaves out
    return "q=tool&capability=image-triage"


def tool_slug(user) -> dict:
    tool = _tools(1)[0]
    factories.ToolReviewFactory(tool=tool, status="published")
    factories.BookmarkFactory(user=user, tool=tool)
    return {"slug": tool.slug}


def two_tools(user) -> str:
    first, second = _tools(2)
    return f"tools={first.slug}&tools={second.slug}"


def four_tools(user) -> str:
    """Four tools with long values, the most the compare page shows side by side."""
    languages = [factories.LanguageFactory(name=name) for name in ("Arabic", "Portuguese")]
    tools = [
        factories.ToolFactory(name=f"Investigator Toolkit {n}", languages=languages)
        for n in range(4)
    ]
    return "&".join(f"tools={tool.slug}" for tool in tools)


def five_tools(user) -> str:
    return "&".join(f"tools={tool.slug}" for tool in _tools(5))


def with_bookmarks(user) -> dict:
    for tool in _tools(2):
        factories.BookmarkFactory(user=user, tool=tool)
    return {}


def with_saved_search(user) -> dict:
    factories.SavedSearchFactory(user=user)
    return {}


def with_articles(user) -> dict:
    factories.ArticleFactory.create_batch(2)
    factories.PathStepFactory()
    return {}


def article_slug(user) -> dict:
    return {"slug": factories.ArticleFactory().slug}


def path_slug(user) -> dict:
    step = factories.PathStepFactory()
    factories.PathStepFactory(path=step.path)
    return {"slug": step.path.slug}


def assessment_id(user) -> dict:
    return {"pk": factories.AssessmentFactory(owner=user).pk}


def with_resources(user) -> dict:
    factories.ResourceFactory.create_batch(2)
    return {}


def with_services(user) -> dict:
    factories.SupportServiceFactory.create_batch(2)
    return {}


def with_self_checks(user) -> dict:
    for mood in (2, 3, 5):
        factories.SelfCheckFactory(owner=user, mood=mood)
    return {}


def with_a_very_low_check(user) -> dict:
    factories.SupportServiceFactory(name="Crisis line", country="", kind="crisis")
    factories.SelfCheckFactory(owner=user, mood=1, sleep=1, workload=1, support=1)
    return {}


def with_approved_application(user) -> dict:
    from accounts.models import ApplicationState

    factories.VettingApplicationFactory(
        applicant=user, state=ApplicationState.APPROVED, decided_at=user.date_joined
    )
    return {}


def review_id(user) -> dict:
    return {"object_id": factories.ToolReviewFactory(status="published").pk}


# Community (issue 22)


def with_profiles(user) -> dict:
    capability = factories.CapabilityFactory(name="Hash matching")
    for profile in factories.ProfileFactory.create_batch(3):
        profile.capabilities.add(capability)
    return {}


def own_profile(user) -> dict:
    factories.ProfileFactory(user=user)
    factories.ProfileFactory()
    return {}


def a_profile(user) -> dict:
    profile = factories.ProfileFactory(bio="Hashes and triage.")
    profile.capabilities.add(factories.CapabilityFactory())
    return {"public_id": profile.public_id}


def with_requests(user) -> dict:
    factories.ContactRequestFactory(recipient=user, sender=factories.ProfileFactory().user)
    factories.ContactRequestFactory(sender=user)
    return {}


def with_conversations(user) -> dict:
    conversation_id(user)
    conversation_id(user)
    return {}


def conversation_id(user) -> dict:
    from community import services

    other = factories.ProfileFactory().user
    conversation = factories.conversation_between(other, user)
    services.send_message(other, conversation, "Hello, see https://example.org/guide please.")
    services.send_message(user, conversation, "Thanks, I will.")
    return {"public_id": conversation.public_id}


def with_forums(user) -> dict:
    factories.ThreadFactory()
    factories.ForumCategoryFactory()
    return {}


def forum_slug(user) -> dict:
    thread = factories.ThreadFactory()
    return {"slug": thread.category.slug}


def thread_id(user) -> dict:
    thread = factories.ThreadFactory(opening="A **first** post.")
    factories.PostFactory(thread=thread, author=factories.ProfileFactory().user)
    return {"public_id": thread.public_id}


def a_report(user) -> dict:
    from community.models import Report

    post = factories.PostFactory(body="Reported words.")
    return {"public_id": Report.objects.create(reporter=user, post=post, reason="Spam").public_id}


def with_reports(user) -> dict:
    a_report(user)
    return {}


def external_link(user) -> str:
    return "to=https%3A%2F%2Fexample.org%2Fguide"


def with_notifications(user) -> dict:
    factories.NotificationFactory.create_batch(2, recipient=user)
    return {}


def _provider_account(user):
    from providers.models import ProviderAccount

    return ProviderAccount.objects.get(user=user)


def with_provider_tools(user) -> dict:
    """Two of the organisation's tools (one due for review) and a proposal of each kind."""
    account = _provider_account(user)
    tool = factories.ToolFactory(provider=account.provider, last_verified=None)
    factories.ToolFactory(provider=account.provider)
    factories.ProposalFactory(account=account, tool=tool)
    factories.ProposalFactory(account=account, tool=None, changes={"name": "A new tool"})
    return {}


def own_provider_tool(user) -> dict:
    return {"slug": factories.ToolFactory(provider=_provider_account(user).provider).slug}


def own_proposal(user) -> dict:
    from providers import services

    proposal = factories.ProposalFactory(account=_provider_account(user))
    services.return_proposal(
        proposal, curator=factories.CuratorFactory(), comment="Please cite a release note."
    )
    return {"uuid": proposal.uuid}


def with_provider_reviews(user) -> dict:
    account = _provider_account(user)
    tool = factories.ToolFactory(provider=account.provider)
    factories.ToolReviewFactory(tool=tool, status="published")
    factories.ProviderReplyFactory(account=account)
    return {}


def tool_with_a_reply(user) -> dict:
    reply = factories.ProviderReplyFactory(status="published")
    return {"slug": reply.review.tool.slug}


# --- Steps on a page ---------------------------------------------------------------------


def send_empty(page) -> None:
    """Send the page's main form as it is, to show its error summary and field errors."""
    page.locator("main form").last.get_by_role("button").last.click()
    page.get_by_role("alert").first.wait_for()


def send_first_empty(page) -> None:
    """Send the page's first form as it is (when a sign-out form comes after it)."""
    page.locator("main form").first.get_by_role("button").first.click()
    page.get_by_role("alert").first.wait_for()


# --- The table ------------------------------------------------------------------------------

PAGES: list[PageType] = [
    # Public pages.
    PageType("landing", "landing"),
    PageType("about", "about"),
    PageType("help", "help"),
    PageType("contact", "contact"),
    PageType("accessibility", "accessibility"),
    PageType("contact-form", "accounts:contact_message", persona="applicant"),
    PageType(
        "contact-form-errors", "accounts:contact_message", persona="applicant", then=send_empty
    ),
    PageType("support-services-public", "wellbeing:services", kwargs=with_services),
    PageType("terms", "terms"),
    PageType("privacy", "privacy"),
    # Signing up and in, confirming an email address, resetting a password (django-allauth).
    PageType("sign-up", "account_signup"),
    PageType("sign-up-errors", "account_signup", then=send_empty),
    PageType("sign-in", "account_login"),
    PageType("sign-in-errors", "account_login", then=send_empty),
    PageType("verification-sent", "account_email_verification_sent"),
    PageType("confirm-email", "account_confirm_email", kwargs=email_confirmation_key),
    PageType("password-reset", "account_reset_password"),
    PageType("password-reset-errors", "account_reset_password", then=send_empty),
    PageType("password-reset-done", "account_reset_password_done"),
    PageType(
        "password-reset-key",
        "account_reset_password_from_key",
        kwargs=password_reset_key,  # the key link redirects to the new password's form
    ),
    PageType("password-reset-key-done", "account_reset_password_from_key_done"),
    # Own account.
    PageType("sign-out", "account_logout", persona="member"),
    PageType("change-password", "account_change_password", persona="member"),
    PageType("email-addresses", "account_email", persona="member"),
    PageType("sessions", "usersessions_list", persona="member"),
    PageType("notifications", "notifications:index", persona="member", kwargs=with_notifications),
    PageType("profile", "accounts:profile", persona="member", kwargs=with_approved_application),
    # Second factor.
    PageType("2fa-setup", "twofactor:setup", persona="applicant", verified=False),
    PageType(
        "2fa-setup-errors", "twofactor:setup", persona="applicant", verified=False, then=send_empty
    ),
    PageType(
        "2fa-verify",
        "twofactor:verify",
        persona="applicant",
        verified=False,
        kwargs=with_totp_device,
    ),
    PageType(
        "2fa-verify-errors",
        "twofactor:verify",
        persona="applicant",
        verified=False,
        kwargs=with_totp_device,
        then=send_first_empty,
    ),
    PageType("2fa-security", "twofactor:security", persona="member"),
    # Applying and vetting.
    PageType("application", "accounts:application", persona="applicant", kwargs=with_application),
    PageType("accept-terms", "accounts:accept_terms", persona="member-old-terms"),
    PageType(
        "accept-terms-errors",
        "accounts:accept_terms",
        persona="member-old-terms",
        then=send_empty,
    ),
    PageType("attestation", "accounts:attest", kwargs=attestation_token),
    PageType("attestation-errors", "accounts:attest", kwargs=attestation_token, then=send_empty),
    PageType("vetting-queue", "vetting:queue", persona="officer", kwargs=with_applications),
    PageType("vetting-decision", "vetting:application", persona="officer", kwargs=application_id),
    PageType(
        "vetting-decision-errors",
        "vetting:application",
        persona="officer",
        kwargs=application_id,
        then=send_empty,
    ),
    PageType("vetting-members", "vetting:members", persona="officer", kwargs=with_members),
    PageType("vetting-member", "vetting:member", persona="officer", kwargs=member_id),
    # The catalogue.
    PageType("catalogue", "catalog:index", persona="member"),
    PageType("catalogue-filtered", "catalog:index", persona="member", query=filtered_catalogue),
    PageType("tool", "catalog:tool", persona="member", kwargs=tool_slug),
    PageType("compare", "catalog:compare", persona="member", query=two_tools),
    PageType("compare-four", "catalog:compare", persona="member", query=four_tools),
    PageType("compare-too-many", "catalog:compare", persona="member", query=five_tools, status=400),
    PageType("finder", "catalog:finder", persona="member"),
    PageType("bookmarks", "catalog:bookmarks", persona="member", kwargs=with_bookmarks),
    PageType(
        "saved-searches", "catalog:saved_searches", persona="member", kwargs=with_saved_search
    ),
    PageType("review-form", "catalog:review_create", persona="member", kwargs=tool_slug),
    # Guidance.
    PageType("guidance", "guidance:index", persona="member", kwargs=with_articles),
    PageType("article", "guidance:article", persona="member", kwargs=article_slug),
    PageType("learning-path", "guidance:path", persona="member", kwargs=path_slug),
    PageType("assessments", "guidance:assessments", persona="member"),
    PageType("assessment", "guidance:assessment", persona="member", kwargs=assessment_id),
    # Wellbeing.
    PageType("wellbeing", "wellbeing:index", persona="member", kwargs=with_resources),
    PageType("support-services", "wellbeing:services", persona="member", kwargs=with_services),
    PageType("self-check", "wellbeing:checkin", persona="member"),
    PageType("self-check-errors", "wellbeing:checkin", persona="member", then=send_empty),
    PageType("self-check-trend", "wellbeing:checkins", persona="member", kwargs=with_self_checks),
    PageType(
        "self-check-very-low", "wellbeing:checkins", persona="member", kwargs=with_a_very_low_check
    ),
    # Technology providers (issue 23).
    PageType("provider-apply", "providers:apply"),
    PageType("provider-apply-errors", "providers:apply", then=send_empty),
    PageType("provider-terms", "providers:terms"),
    PageType("provider-application", "providers:application", persona="provider-applicant"),
    PageType("provider-accept-terms", "providers:accept_terms", persona="provider-old-terms"),
    PageType("provider-portal", "providers:portal", persona="provider", kwargs=with_provider_tools),
    PageType(
        "provider-propose", "providers:propose_update", persona="provider", kwargs=own_provider_tool
    ),
    PageType(
        "provider-propose-errors",
        "providers:propose_update",
        persona="provider",
        kwargs=own_provider_tool,
        then=send_empty,
    ),
    PageType("provider-propose-new", "providers:propose_tool", persona="provider"),
    PageType("provider-proposal", "providers:proposal", persona="provider", kwargs=own_proposal),
    PageType(
        "provider-reviews", "providers:reviews", persona="provider", kwargs=with_provider_reviews
    ),
    PageType("provider-not-approved", "providers:portal", persona="provider-applicant", status=403),
    PageType("provider-not-for-members", "catalog:index", persona="provider", status=403),
    PageType(
        "tool-with-provider-reply", "catalog:tool", persona="member", kwargs=tool_with_a_reply
    ),
    # Community (issue 22).
    PageType("community", "community:index", persona="member", kwargs=with_profiles),
    PageType("community-profile", "community:profile", persona="member", kwargs=own_profile),
    PageType("community-member", "community:member", persona="member", kwargs=a_profile),
    PageType("community-contact", "community:contact", persona="member", kwargs=a_profile),
    PageType(
        "community-contact-errors",
        "community:contact",
        persona="member",
        kwargs=a_profile,
        then=send_empty,
    ),
    PageType("community-report", "community:report_profile", persona="member", kwargs=a_profile),
    PageType("community-requests", "community:requests", persona="member", kwargs=with_requests),
    PageType(
        "community-conversations",
        "community:conversations",
        persona="member",
        kwargs=with_conversations,
    ),
    PageType(
        "community-conversation", "community:conversation", persona="member", kwargs=conversation_id
    ),
    PageType(
        "community-conversation-delete",
        "community:conversation_delete",
        persona="member",
        kwargs=conversation_id,
    ),
    PageType(
        "community-external-link", "community:external_link", persona="member", query=external_link
    ),
    PageType("community-forums", "community:forums", persona="member", kwargs=with_forums),
    PageType("community-category", "community:category", persona="member", kwargs=forum_slug),
    PageType(
        "community-thread-form", "community:thread_create", persona="member", kwargs=forum_slug
    ),
    PageType("community-thread", "community:thread", persona="member", kwargs=thread_id),
    PageType(
        "community-thread-moderator", "community:thread", persona="moderator", kwargs=thread_id
    ),
    PageType(
        "community-moderation", "community:moderation", persona="moderator", kwargs=with_reports
    ),
    PageType(
        "community-moderation-report", "community:report", persona="moderator", kwargs=a_report
    ),
    # The admin, for curators and administrators.
    PageType("admin", "admin:index", persona="administrator"),
    PageType(
        "admin-review", "admin:catalog_toolreview_change", persona="administrator", kwargs=review_id
    ),
    # Error pages.
    PageType("not-a-member", "catalog:index", persona="applicant", status=403),
    PageType("not-found", None, path="/no-such-page/", status=404),
    PageType("not-found-signed-in", None, persona="member", path="/no-such-page/", status=404),
]
