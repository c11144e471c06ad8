"""THE declared access table: for every URL name, who gets what.

Each row names the access level the URL is meant to have (and a role permission, if any).
From that level the expected outcome for each persona follows (`Expect.outcome`); a row
lists only the cells that differ, with the reason. `test_access_matrix.py` checks, for
every URL pattern the hub has:

- that it has a row here (a new URL without one fails, naming it);
- that the row agrees with `hub.access.POLICY` (so the policy cannot be loosened alone);
- that every persona, by GET and by POST, gets the row's outcome.

Adding a URL: add `"namespace:name": member(),` (or `public()`, `signed_in()`,
`verified()`, `member("app.codename")`, ...) in the block of its app. If the URL takes
an id, pass `kwargs=` a function that makes a real object for the visitor (their own, for a
private object: see `_own_bookmark` below) and add the object to `private_objects.py`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from hub.access import Access, Audience

if TYPE_CHECKING:
    from collections.abc import Callable


class Outcome(enum.StrEnum):
    ALLOWED = "allowed (2xx, 400, 405, 410, or a redirect not to sign in or to the 2FA)"
    SIGN_IN = "sent to sign in"
    SECOND_FACTOR = "sent to the second factor"
    FORBIDDEN = "403"
    NOT_FOUND = "404"
    ACCEPT_TERMS = "sent to accept the current terms of engagement"
    ACCEPT_PROVIDER_TERMS = "sent to accept the current terms for technology providers"
    # Admin pages for staff: the admin itself decides by model permission.
    ADMIN_DECIDES = "the admin decides (allowed, 403, or 404 for a sample id)"


ALLOWED = Outcome.ALLOWED
SIGN_IN = Outcome.SIGN_IN
SECOND_FACTOR = Outcome.SECOND_FACTOR
FORBIDDEN = Outcome.FORBIDDEN
NOT_FOUND = Outcome.NOT_FOUND

STAFF = ("curator", "administrator")


@dataclass(frozen=True)
class Visitor:
    """A persona's facts, as the access policy sees them."""

    persona: str
    user: object | None
    verified: bool

    @property
    def signed_in(self) -> bool:
        return self.user is not None

    def has_perm(self, permission: str) -> bool:
        return self.user is not None and self.user.has_perm(permission)

    @property
    def is_active_member(self) -> bool:
        return self.user is not None and self.user.is_active_member

    @property
    def has_accepted_current_terms(self) -> bool:
        return self.user is not None and self.user.has_accepted_current_terms

    @property
    def is_staff(self) -> bool:
        return self.user is not None and self.user.is_staff

    @property
    def is_provider(self) -> bool:
        return self.user is not None and self.user.is_provider

    def _provider_account(self):
        from providers.models import ProviderAccount

        return ProviderAccount.objects.filter(user=self.user).first() if self.user else None

    @property
    def is_approved_provider(self) -> bool:
        account = self._provider_account()
        return account is not None and account.is_approved

    @property
    def has_accepted_provider_terms(self) -> bool:
        account = self._provider_account()
        return account is not None and account.has_accepted_current_terms


@dataclass(frozen=True)
class Expect:
    access: Access
    permission: str | None = None
    # Persona name -> outcome, where the view (not the policy) answers differently.
    overrides: dict[str, Outcome] = field(default_factory=dict)
    # A function of the visitor's user (None if anonymous) returning the URL's parameters,
    # for URLs that address real objects; sample values otherwise.
    kwargs: Callable[[object | None], dict] | None = None
    # Staff only (the policy's `Rule.staff`).
    staff: bool = False
    # The Django admin: past the policy, it decides by model permission.
    admin_site: bool = False
    # A view that needs an object named in the request answers 404 without one.
    view_may_404: bool = False
    # What the view itself answers everyone the policy lets in, where that is not "allowed".
    past_the_policy: Outcome | None = None
    # Whose page it is (issue 23): a provider is refused wherever it is not for providers or
    # everyone; anyone else wherever it is for providers only.
    audience: Audience = Audience.MEMBERS

    def outcome(self, visitor: Visitor) -> Outcome:
        if visitor.persona in self.overrides:
            return self.overrides[visitor.persona]
        if self.access is Access.PUBLIC:
            return ALLOWED
        if not visitor.signed_in:
            return SIGN_IN
        wrong_kind = self.audience is not Audience.EVERYONE and visitor.is_provider != (
            self.audience is Audience.PROVIDERS
        )
        if self.access is Access.SIGNED_IN:
            return FORBIDDEN if wrong_kind else ALLOWED
        if not visitor.verified:
            return SECOND_FACTOR
        if wrong_kind:
            return FORBIDDEN
        if self.permission and not visitor.has_perm(self.permission):
            return FORBIDDEN
        if self.audience is Audience.PROVIDERS:
            return self._on_a_providers_page(visitor)
        if self.access is Access.MEMBER and not visitor.is_active_member:
            return FORBIDDEN
        if self.access is Access.MEMBER and not visitor.has_accepted_current_terms:
            return Outcome.ACCEPT_TERMS
        if self.staff and not visitor.is_staff:
            return FORBIDDEN  # a plain 403 page: sending a signed-in person to sign in loops
        if self.admin_site:
            return Outcome.ADMIN_DECIDES
        return self.past_the_policy or ALLOWED

    def _on_a_providers_page(self, visitor: Visitor) -> Outcome:
        """A verified provider on a page for providers: approved, and on the current terms."""
        if self.access is Access.MEMBER and not visitor.is_approved_provider:
            return FORBIDDEN
        if self.access is Access.MEMBER and not visitor.has_accepted_provider_terms:
            return Outcome.ACCEPT_PROVIDER_TERMS
        return self.past_the_policy or ALLOWED


def public(*, kwargs=None, **overrides: Outcome) -> Expect:
    return Expect(Access.PUBLIC, overrides=overrides, kwargs=kwargs)


def signed_in(**overrides: Outcome) -> Expect:
    return Expect(Access.SIGNED_IN, overrides=overrides)


def verified(
    permission: str | None = None,
    *,
    kwargs=None,
    view_may_404=False,
    past_the_policy: Outcome | None = None,
    **overrides: Outcome,
) -> Expect:
    return Expect(
        Access.VERIFIED,
        permission,
        overrides,
        kwargs,
        view_may_404=view_may_404,
        past_the_policy=past_the_policy,
    )


def member(permission: str | None = None, *, kwargs=None, **overrides: Outcome) -> Expect:
    return Expect(Access.MEMBER, permission, overrides, kwargs)


def admin_site(**overrides: Outcome) -> Expect:
    return Expect(Access.MEMBER, overrides=overrides, admin_site=True, staff=True)


def provider_verified(**overrides: Outcome) -> Expect:
    """A provider's own page before approval: their application, the providers' terms."""
    return Expect(Access.VERIFIED, overrides=overrides, audience=Audience.PROVIDERS)


def approved_provider(*, kwargs=None, **overrides: Outcome) -> Expect:
    """The portal: an approved provider who accepted the current providers' terms."""
    return Expect(Access.MEMBER, overrides=overrides, kwargs=kwargs, audience=Audience.PROVIDERS)


# --- Real objects for URLs that take an id ------------------------------------------------
# Each returns the URL's parameters for a visitor (None when anonymous). Private objects are the
# visitor's own, so that the matrix proves the policy lets the owner in (or keeps them out)
# with a real object: a 404 on a made-up id would prove nothing. Another member's objects are
# `private_objects.py`'s business.


def _owner(user):
    from tests import factories

    return user if user is not None else factories.MemberFactory(password="!")


def _tool(user) -> dict:
    from tests.factories import ToolFactory

    return {"slug": ToolFactory().slug}


def _article(user) -> dict:
    from tests.factories import ArticleFactory

    return {"slug": ArticleFactory().slug}


def _path(user) -> dict:
    from tests.factories import PathStepFactory

    return {"slug": PathStepFactory().path.slug}


def _resource(user) -> dict:
    from tests.factories import ResourceFactory

    return {"slug": ResourceFactory().slug}


def _own_bookmark(user) -> dict:
    from tests.factories import BookmarkFactory

    return {"uuid": BookmarkFactory(user=_owner(user)).uuid}


def _own_saved_search(user) -> dict:
    from tests.factories import SavedSearchFactory

    return {"uuid": SavedSearchFactory(user=_owner(user)).uuid}


def _own_review(user) -> dict:
    from tests.factories import ToolReviewFactory

    return {"uuid": ToolReviewFactory(author=_owner(user)).uuid}


def _own_assessment(user) -> dict:
    from tests.factories import AssessmentFactory

    return {"pk": AssessmentFactory(owner=_owner(user)).pk}


def _own_self_check(user) -> dict:
    from tests.factories import SelfCheckFactory

    return {"pk": SelfCheckFactory(owner=_owner(user)).pk}


def _own_notification(user) -> dict:
    from tests.factories import NotificationFactory

    return {"public_id": NotificationFactory(recipient=_owner(user)).public_id}


def _application(user) -> dict:
    """Someone else's application, in the officers' queue."""
    from tests.factories import VettingApplicationFactory

    return {"public_id": VettingApplicationFactory().public_id}


def _a_member(user) -> dict:
    from tests.factories import MemberFactory

    return {"public_id": MemberFactory(password="!").public_id}


def _attestation_link(user) -> dict:
    from accounts.services import attestation_token
    from tests.factories import SupervisorAttestationFactory

    return {"token": attestation_token(SupervisorAttestationFactory())}


def _provider_of(user):
    """The visitor's own provider organisation, or a new one for anyone else."""
    from providers.models import ProviderAccount
    from tests.factories import ProviderFactory

    account = ProviderAccount.objects.filter(user=user).first() if user else None
    return account.provider if account and account.provider else ProviderFactory()


def _own_provider_tool(user) -> dict:
    from tests.factories import ToolFactory

    return {"slug": ToolFactory(provider=_provider_of(user)).slug}


def _own_proposal(user) -> dict:
    from providers.models import ProviderAccount
    from tests.factories import ProposalFactory

    account = ProviderAccount.objects.filter(user=user, provider__isnull=False).first()
    proposal = ProposalFactory(account=account) if account else ProposalFactory()
    return {"uuid": proposal.uuid}


def _review_of_own_tool(user) -> dict:
    from tests.factories import ToolFactory, ToolReviewFactory

    tool = ToolFactory(provider=_provider_of(user))
    return {"uuid": ToolReviewFactory(tool=tool, status="published").uuid}


# Community (issue 22)


def _a_profile(user) -> dict:
    from tests.factories import ProfileFactory

    return {"public_id": ProfileFactory().public_id}


def _own_contact_request(user) -> dict:
    """A request someone sent the visitor: theirs to answer."""
    from tests.factories import ContactRequestFactory

    return {"public_id": ContactRequestFactory(recipient=_owner(user)).public_id}


def _own_conversation(user) -> dict:
    from tests.factories import MemberFactory, conversation_between

    return {"public_id": conversation_between(MemberFactory(), _owner(user)).public_id}


def _message_to_visitor(user) -> dict:
    from tests.factories import MemberFactory, MessageFactory, conversation_between

    other = MemberFactory()
    conversation = conversation_between(other, _owner(user))
    return {"public_id": MessageFactory(conversation=conversation, sender=other).public_id}


def _forum(user) -> dict:
    from tests.factories import ForumCategoryFactory

    return {"slug": ForumCategoryFactory().slug}


def _thread(user) -> dict:
    from tests.factories import ThreadFactory

    return {"public_id": ThreadFactory().public_id}


def _post(user) -> dict:
    from tests.factories import PostFactory

    return {"public_id": PostFactory().public_id}


def _report(user) -> dict:
    from community.models import Report
    from tests.factories import MemberFactory, PostFactory

    made = Report.objects.create(reporter=MemberFactory(), post=PostFactory(), reason="Spam")
    return {"public_id": made.public_id}


MODERATE = "community.moderate_community"

TABLE: dict[str, Expect] = {
    # --- Public pages (hub) -------------------------------------------------------------
    "landing": public(),
    "about": public(),
    "terms": public(),
    "privacy": public(),
    "help": public(),
    "contact": public(),
    "accessibility": public(),
    "healthz": public(),
    "healthz_ready": public(),  # the test client calls from 127.0.0.1: the operator
    # No sign-in: the view itself answers this host (the test client's 127.0.0.1) or a token.
    "metrics": public(),
    "set_language": public(),
    "home": verified(),
    # --- Signing in and up, email confirmation, password reset (allauth) -----------------
    "account_login": public(),
    "account_signup": public(),
    "account_inactive": public(),
    "account_email_verification_sent": public(),
    "account_confirm_email": public(),
    "account_reset_password": public(),
    "account_reset_password_done": public(),
    "account_reset_password_from_key": public(),
    "account_reset_password_from_key_done": public(),
    "account_logout": signed_in(),
    "account_change_password": verified(),
    "account_email": verified(),
    "account_reauthenticate": verified(),
    # Not in POLICY, so members only. Passwordless sign-in is off, and every account has a
    # password: the default is right for both.
    "account_set_password": member(),
    "account_confirm_login_code": member(),
    # Applicants and lapsed members manage their own sessions too (DESIGN.md).
    "usersessions_list": verified(),
    # --- Second factor (issue 4) ------------------------------------------------------------
    # One who has a device but has not verified it this session is sent to verify it: adding
    # a device is never a way around the one they have.
    # The `unverified` persona has no device yet: verifying sends them to set one up.
    "twofactor:setup": signed_in(),
    "twofactor:verify": signed_in(unverified=SECOND_FACTOR),
    "twofactor:security": verified(),
    "twofactor:add_passkey": verified(),
    "twofactor:remove_device": verified(),
    "twofactor:backup_codes": verified(),
    # POST only, naming one of one's own sessions: with none named, 404 (private_objects.py
    # proves another person's session cannot be ended).
    "twofactor:end_session": verified(view_may_404=True),
    "twofactor:reset": member("accounts.reset_second_factor", kwargs=_a_member),
    "otp_webauthn:credential-authentication-begin": signed_in(),
    "otp_webauthn:credential-authentication-complete": signed_in(),
    "otp_webauthn:js-i18n-catalog": signed_in(),
    # Adding a passkey needs a password and a code from the last few minutes: a session that
    # has been open a while (every persona's) gets the JSON endpoints' 403.
    "otp_webauthn:credential-registration-begin": verified(past_the_policy=FORBIDDEN),
    "otp_webauthn:credential-registration-complete": verified(past_the_policy=FORBIDDEN),
    # --- Accounts and vetting (issue 3) -----------------------------------------------------
    "accounts:application": verified(),
    "accounts:answer": verified(),
    "accounts:renew": verified(),
    # The hub's staff may not answer as a supervisor (issue 16, item 7): the link has passed
    # through places they can read.
    "accounts:attest": public(
        kwargs=_attestation_link,
        vetting_officer=FORBIDDEN,
        curator=FORBIDDEN,
        administrator=FORBIDDEN,
    ),
    "accounts:accept_terms": verified(),
    "accounts:contact_message": signed_in(),
    "accounts:profile": member(),
    "accounts:dismiss_welcome": member(),
    "vetting:queue": member("accounts.vet_application"),
    "vetting:application": member("accounts.vet_application", kwargs=_application),
    "vetting:members": member("accounts.vet_application"),
    "vetting:member": member("accounts.vet_application", kwargs=_a_member),
    "vetting:suspend": member("accounts.suspend_member", kwargs=_a_member),
    "vetting:reinstate": member("accounts.suspend_member", kwargs=_a_member),
    # --- Catalogue (issue 5): members only ----------------------------------------------------
    "catalog:index": member(),
    "catalog:compare": member(),
    "catalog:finder": member(),
    "catalog:tool": member(kwargs=_tool),
    "catalog:bookmark": member(kwargs=_tool),
    "catalog:review_create": member(kwargs=_tool),
    "catalog:bookmarks": member(),
    "catalog:bookmark_delete": member(kwargs=_own_bookmark),
    "catalog:saved_searches": member(),
    "catalog:saved_search_update": member(kwargs=_own_saved_search),
    "catalog:saved_search_delete": member(kwargs=_own_saved_search),
    "catalog:review_edit": member(kwargs=_own_review),
    "catalog:review_delete": member(kwargs=_own_review),
    # --- Guidance (issue 6): members only ---------------------------------------------------
    "guidance:index": member(),
    "guidance:article": member(kwargs=_article),
    "guidance:article_done": member(kwargs=_article),
    "guidance:paths": member(),
    "guidance:path": member(kwargs=_path),
    "guidance:assessments": member(),
    "guidance:assessment_start": member(),
    "guidance:assessment": member(kwargs=_own_assessment),
    "guidance:assessment_print": member(kwargs=_own_assessment),
    "guidance:assessment_delete": member(kwargs=_own_assessment),
    # --- Wellbeing (issue 6): members only ---------------------------------------------------
    "wellbeing:index": member(),
    "wellbeing:resource": member(kwargs=_resource),
    "wellbeing:services": public(),  # support for everyone, a suspended officer most of all
    "wellbeing:checkin": member(),
    "wellbeing:checkins": member(),
    "wellbeing:checkin_detail": member(kwargs=_own_self_check),
    "wellbeing:checkins_delete_all": member(),
    "wellbeing:preferences": member(),
    # --- Notifications (issue 7): members only ----------------------------------------------
    "notifications:index": member(),
    "notifications:read": member(kwargs=_own_notification),
    "notifications:read_all": member(),
    "notifications:preferences": member(),
    # --- Community (issue 22): members only; moderation for moderators --------------------
    "community:index": member(),
    "community:profile": member(),
    "community:member": member(kwargs=_a_profile),
    "community:contact": member(kwargs=_a_profile),
    "community:block": member(kwargs=_a_profile),
    "community:report_profile": member(kwargs=_a_profile),
    "community:requests": member(),
    "community:request_answer": member(kwargs=_own_contact_request),
    "community:conversations": member(),
    "community:conversation": member(kwargs=_own_conversation),
    "community:conversation_delete": member(kwargs=_own_conversation),
    "community:report_message": member(kwargs=_message_to_visitor),
    # Without `to` (or with a link the hub cannot open) the warning page answers 400.
    "community:external_link": member(),
    "community:used_tool": member(kwargs=_tool),
    "community:forums": member(),
    "community:category": member(kwargs=_forum),
    "community:thread_create": member(kwargs=_forum),
    "community:thread": member(kwargs=_thread),
    "community:thread_follow": member(kwargs=_thread),
    "community:report_post": member(kwargs=_post),
    "community:moderate_post": member(MODERATE, kwargs=_post),
    "community:moderate_thread": member(MODERATE, kwargs=_thread),
    "community:moderation": member(MODERATE),
    "community:report": member(MODERATE, kwargs=_report),
    # --- The Django admin -----------------------------------------------------------------
    # Every model the admin registers adds its own URLs: one row for all of them. The policy
    # asks for an active member (a suspended or lapsed curator is out), the admin for staff.
    "admin:*": admin_site(),
    # The admin has no sign-in page of its own: the access policy sends visitors to the hub's
    # and members who are not staff to its 403 page; staff who are already in go to the index.
    "admin:login": admin_site(),
    "admin:logout": admin_site(),
    # --- Technology providers (issue 23) -----------------------------------------------------
    # Applying is public like sign-up (signed-in people are sent home); the rest is theirs.
    "providers:apply": public(),
    "providers:terms": public(),
    "providers:application": provider_verified(),
    "providers:accept_terms": provider_verified(),
    "providers:portal": approved_provider(),
    "providers:propose_tool": approved_provider(),
    "providers:propose_update": approved_provider(kwargs=_own_provider_tool),
    "providers:confirm_accurate": approved_provider(kwargs=_own_provider_tool),
    "providers:proposal": approved_provider(kwargs=_own_proposal),
    "providers:reviews": approved_provider(),
    "providers:reply": approved_provider(kwargs=_review_of_own_tool),
}

# Technology providers (issue 23): besides the public pages and their own, a provider's
# account reaches only these, its account's own. Every other row refuses it.
PROVIDERS_TOO = (
    "home",
    "account_logout",
    "account_change_password",
    "account_reauthenticate",  # not account_email: the approved address stays (hub/access.py)
    "usersessions_list",
    "twofactor:setup",
    "twofactor:verify",
    "twofactor:security",
    "twofactor:add_passkey",
    "twofactor:remove_device",
    "twofactor:backup_codes",
    "twofactor:end_session",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
)
for _name in PROVIDERS_TOO:
    TABLE[_name] = replace(TABLE[_name], audience=Audience.EVERYONE)


def row_for(name: str) -> Expect | None:
    if name in TABLE:
        return TABLE[name]
    namespace = name.rsplit(":", 1)[0] + ":*" if ":" in name else None
    return TABLE.get(namespace) if namespace else None
