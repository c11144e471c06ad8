"""
The hub's one access policy.

Every URL needs a signed-in person with a verified second factor and an active
membership, unless this module says otherwise. The exceptions are declared in
`POLICY`, keyed by URL name (`"namespace:name"`, or `"namespace:*"` for a whole
namespace). Nothing else in the code base grants access: views may narrow it
further to the objects a person owns (outsiders get 404), never widen it.

A test walks every URL pattern and proves this table for every kind of visitor.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest, HttpResponse
    from django.urls import ResolverMatch

    from accounts.models import User


class Access(enum.IntEnum):
    """How far along the way in a visitor must be. Each level includes the ones above it."""

    PUBLIC = 0  # anyone, signed in or not
    SIGNED_IN = 1  # signed in by password; the second factor may still be pending
    VERIFIED = 2  # second factor verified this session; membership not required
    MEMBER = 3  # verified, a vetted member whose membership is active, current terms accepted


class Audience(enum.Enum):
    """Which kind of account a rule is for (issue 23): a technology provider's is a kind apart."""

    MEMBERS = "members"  # members, applicants and staff; never a technology provider (default)
    EVERYONE = "everyone"  # any account: signing out, one's own second factor and password
    PROVIDERS = "providers"  # technology providers only


@dataclass(frozen=True)
class Rule:
    access: Access
    # A permission ("app_label.codename") required on top of `access`, for role pages.
    permission: str | None = None
    # Staff only (the admin site): curators and administrators.
    staff: bool = False
    # Whose rule it is. By default not a provider's: they are refused wherever a rule does not
    # say otherwise, including URLs added after this line was written. For a providers' rule
    # `Access.MEMBER` means an approved provider who accepted the current provider terms.
    audience: Audience = Audience.MEMBERS


DEFAULT_RULE = Rule(Access.MEMBER)

PUBLIC = Rule(Access.PUBLIC)
SIGNED_IN = Rule(Access.SIGNED_IN)
VERIFIED = Rule(Access.VERIFIED)

POLICY: dict[str, Rule] = {
    # Public pages.
    "landing": PUBLIC,
    "about": PUBLIC,
    "terms": PUBLIC,
    "privacy": PUBLIC,
    "help": PUBLIC,
    "contact": PUBLIC,
    "accessibility": PUBLIC,
    # Support for everyone, a suspended officer most of all.
    "wellbeing:services": PUBLIC,
    "healthz": PUBLIC,
    "healthz_ready": PUBLIC,  # details for the operator only: the view answers 404 to others
    # Prometheus: no sign-in; the view answers this host or the METRICS_TOKEN only, else 404.
    "metrics": PUBLIC,
    "set_language": PUBLIC,
    # Signing in and up, email confirmation, password reset (django-allauth).
    "account_login": PUBLIC,
    "account_signup": PUBLIC,
    "account_inactive": PUBLIC,
    "account_email_verification_sent": PUBLIC,
    "account_confirm_email": PUBLIC,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": PUBLIC,
    "account_reset_password_from_key_done": PUBLIC,
    # Before the second factor is verified: signing out.
    "account_logout": SIGNED_IN,
    # After the second factor, before (or without) an active membership: own account security.
    "account_change_password": VERIFIED,
    "account_email": VERIFIED,
    "account_reauthenticate": VERIFIED,
    "home": VERIFIED,
    # The admin: an active member (a suspended or lapsed curator is out) who is staff; the admin
    # then checks model permissions itself.
    "admin:*": Rule(Access.MEMBER, staff=True),
    # Second factor (issue 4)
    "twofactor:setup": SIGNED_IN,
    "twofactor:verify": SIGNED_IN,
    "twofactor:security": VERIFIED,
    "twofactor:remove_device": VERIFIED,
    "twofactor:backup_codes": VERIFIED,
    "twofactor:end_session": VERIFIED,
    # Role pages: the officer's own membership must be active, like a curator's in the admin.
    "twofactor:reset": Rule(Access.MEMBER, "accounts.reset_second_factor"),
    "twofactor:add_passkey": VERIFIED,
    "usersessions_list": VERIFIED,
    # Passkeys (django-otp-webauthn's JSON endpoints, our subclasses): using one is verifying,
    # adding one needs a verified session (and a fresh password and code, checked in the view).
    "otp_webauthn:credential-authentication-begin": SIGNED_IN,
    "otp_webauthn:credential-authentication-complete": SIGNED_IN,
    "otp_webauthn:js-i18n-catalog": SIGNED_IN,
    "otp_webauthn:credential-registration-begin": VERIFIED,
    "otp_webauthn:credential-registration-complete": VERIFIED,
    # Accounts and vetting (issue 3)
    "accounts:application": VERIFIED,
    "accounts:answer": VERIFIED,
    "accounts:renew": VERIFIED,
    "accounts:attest": PUBLIC,  # the supervisor's signed, single-use link; no account
    # Someone who lost their phone can still write to the officers after their password.
    "accounts:contact_message": SIGNED_IN,
    # New terms of engagement (issue 16): before a member's pages open again.
    "accounts:accept_terms": VERIFIED,
    # A member's own profile and the first-visit welcome: members only, like the catalogue.
    "accounts:profile": DEFAULT_RULE,
    "accounts:dismiss_welcome": DEFAULT_RULE,
    # Vetting officers' pages: their own membership must be active too.
    "vetting:queue": Rule(Access.MEMBER, "accounts.vet_application"),
    "vetting:application": Rule(Access.MEMBER, "accounts.vet_application"),
    "vetting:members": Rule(Access.MEMBER, "accounts.vet_application"),
    "vetting:member": Rule(Access.MEMBER, "accounts.vet_application"),
    "vetting:suspend": Rule(Access.MEMBER, "accounts.suspend_member"),
    "vetting:reinstate": Rule(Access.MEMBER, "accounts.suspend_member"),
    # Community (issue 22): every other page is the default, members only. Moderators' pages
    # need the moderator role's permission and an active membership.
    "community:moderation": Rule(Access.MEMBER, "community.moderate_community"),
    "community:report": Rule(Access.MEMBER, "community.moderate_community"),
    "community:moderate_post": Rule(Access.MEMBER, "community.moderate_community"),
    "community:moderate_thread": Rule(Access.MEMBER, "community.moderate_community"),
}

# --- Technology providers (issue 23) -------------------------------------------------------
# A provider's account reaches the public pages, these pages of its own account and the
# providers' pages; every other rule refuses it (`refusal`), whatever the URL.
OPEN_TO_PROVIDERS = (
    "home",  # where signing in lands; a provider goes on to their portal or application
    "account_logout",
    "account_change_password",
    # Not "account_email": a provider's address is the one the curators approved (its domain
    # matched the organisation's website); changing it goes through them.
    "account_reauthenticate",
    "twofactor:setup",
    "twofactor:verify",
    "twofactor:security",
    "twofactor:remove_device",
    "twofactor:backup_codes",
    "twofactor:end_session",
    "twofactor:add_passkey",
    "usersessions_list",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
    "otp_webauthn:credential-registration-begin",
    "otp_webauthn:credential-registration-complete",
)
for _name in OPEN_TO_PROVIDERS:
    POLICY[_name] = replace(POLICY[_name], audience=Audience.EVERYONE)
PROVIDER_VERIFIED = Rule(Access.VERIFIED, audience=Audience.PROVIDERS)
APPROVED_PROVIDER = Rule(Access.MEMBER, audience=Audience.PROVIDERS)
POLICY |= {
    "providers:apply": PUBLIC,  # the organisation's application, like sign-up
    "providers:terms": PUBLIC,  # the providers' terms of engagement
    "providers:application": PROVIDER_VERIFIED,
    "providers:accept_terms": PROVIDER_VERIFIED,
    "providers:portal": APPROVED_PROVIDER,
    "providers:propose_update": APPROVED_PROVIDER,
    "providers:propose_tool": APPROVED_PROVIDER,
    "providers:proposal": APPROVED_PROVIDER,
    "providers:confirm_accurate": APPROVED_PROVIDER,
    "providers:reviews": APPROVED_PROVIDER,
    "providers:reply": APPROVED_PROVIDER,
}
# Where a provider who has not accepted the current provider terms is sent.
ACCEPT_PROVIDER_TERMS = "providers:accept_terms"

# Where a signed-in person whose second factor is not yet verified is sent. The second-factor
# views are registered under these names and are declared SIGNED_IN in POLICY by their app.
SECOND_FACTOR_SETUP = "twofactor:setup"
SECOND_FACTOR_VERIFY = "twofactor:verify"
# Where a member who has not accepted the current terms of engagement is sent (VERIFIED above,
# like sign-out and account security, so that nothing loops).
ACCEPT_TERMS = "accounts:accept_terms"


def rule_named(view_name: str) -> Rule:
    """The rule for a URL name: its own entry, else its namespace's, else the default."""
    if view_name in POLICY:
        return POLICY[view_name]
    namespaces = view_name.split(":")[:-1]
    for depth in range(len(namespaces), 0, -1):
        wildcard = ":".join(namespaces[:depth]) + ":*"
        if wildcard in POLICY:
            return POLICY[wildcard]
    return DEFAULT_RULE


def rule_for(match: ResolverMatch | None) -> Rule:
    """The rule for a resolved URL (the default one, if there is no match)."""
    return DEFAULT_RULE if match is None else rule_named(match.view_name)


def has_second_factor(user: User | AnonymousUser) -> bool:
    """Whether a signed-in person has proved their second factor in this session."""
    # django-otp's middleware gives the request's user `is_verified`.
    is_verified = getattr(user, "is_verified", None)
    return bool(is_verified and is_verified())


class Refusal(enum.Enum):
    """Why the policy stops someone, in the order it asks."""

    SIGN_IN = "sign in"
    SECOND_FACTOR = "second factor"
    PERMISSION = "permission"
    MEMBERSHIP = "membership"
    TERMS = "terms"
    STAFF = "staff"
    NOT_FOR_PROVIDERS = "not for providers"  # a provider's account, on anyone else's page
    PROVIDERS_ONLY = "providers only"  # anyone else, on a provider's page
    PROVIDER_APPROVAL = "provider approval"  # a provider not (or no longer) approved
    PROVIDER_TERMS = "provider terms"  # a provider who has not accepted the current terms


def _audience_refusal(user: User | AnonymousUser, rule: Rule) -> Refusal | None:
    """Whether the kind of account (provider or not) stops `user` at `rule`."""
    if rule.audience is Audience.EVERYONE:
        return None
    is_provider = bool(getattr(user, "is_provider", False))
    if is_provider and rule.audience is not Audience.PROVIDERS:
        return Refusal.NOT_FOR_PROVIDERS
    if not is_provider and rule.audience is Audience.PROVIDERS:
        return Refusal.PROVIDERS_ONLY
    return None


def _provider_refusal(user: User | AnonymousUser) -> Refusal | None:
    """What stops a provider at an approved provider's page (one query, once per request)."""
    from providers.models import ProviderAccount

    account = ProviderAccount.of(user)
    if account is None or not account.is_approved:
        return Refusal.PROVIDER_APPROVAL
    if not account.has_accepted_current_terms:
        return Refusal.PROVIDER_TERMS
    return None


def refusal(user: User | AnonymousUser, rule: Rule) -> Refusal | None:
    """Why `rule` stops `user`, or None if it lets them in. The policy's one decision."""
    if rule.access is Access.PUBLIC:
        return None
    if not user.is_authenticated:
        return Refusal.SIGN_IN
    if rule.access is Access.SIGNED_IN:
        return _audience_refusal(user, rule)
    if not has_second_factor(user):
        return Refusal.SECOND_FACTOR
    if (kind := _audience_refusal(user, rule)) is not None:
        return kind
    if rule.permission and not user.has_perm(rule.permission):
        return Refusal.PERMISSION
    if rule.audience is Audience.PROVIDERS:
        return _provider_refusal(user) if rule.access is Access.MEMBER else None
    if rule.access is Access.MEMBER and not user.is_active_member:
        return Refusal.MEMBERSHIP
    if rule.access is Access.MEMBER and not user.has_accepted_current_terms:
        return Refusal.TERMS
    if rule.staff and not user.is_staff:
        return Refusal.STAFF
    return None


def may(user: User | AnonymousUser, view_name: str) -> bool:
    """Whether the policy lets `user` open the URL named `view_name`: what links show."""
    return refusal(user, rule_named(view_name)) is None


def check(request: HttpRequest, rule: Rule) -> HttpResponse | None:
    """None if `request` may go on under `rule`, else the response that stops it."""
    user = request.user
    match refusal(user, rule):
        case None:
            return None
        case Refusal.SIGN_IN:
            return redirect_to_login(request.get_full_path())
        case Refusal.SECOND_FACTOR:
            from django_otp import user_has_device

            target = SECOND_FACTOR_VERIFY if user_has_device(user) else SECOND_FACTOR_SETUP
            return redirect_to_login(request.get_full_path(), login_url=target)
        case Refusal.PERMISSION:
            return TemplateResponse(request, "403.html", status=403)
        case Refusal.MEMBERSHIP:
            return TemplateResponse(
                request,
                "accounts/not_a_member.html",
                {"state": user.membership_state if user.is_authenticated else None},
                status=403,
            )
        case Refusal.TERMS:
            return redirect_to_login(request.get_full_path(), login_url=ACCEPT_TERMS)
        case Refusal.STAFF:
            return TemplateResponse(request, "hub/admin_forbidden.html", status=403)
        case Refusal.NOT_FOR_PROVIDERS | Refusal.PROVIDERS_ONLY:
            return TemplateResponse(request, "providers/not_for_you.html", status=403)
        case Refusal.PROVIDER_APPROVAL:
            return TemplateResponse(request, "providers/not_approved.html", status=403)
        case Refusal.PROVIDER_TERMS:
            return redirect_to_login(request.get_full_path(), login_url=ACCEPT_PROVIDER_TERMS)


class AccessPolicyMiddleware:
    """Applies `POLICY` to every request before its view runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, *_view: object) -> HttpResponse | None:
        return check(request, rule_for(request.resolver_match))


class PrivateResponsesMiddleware:
    """Marks every response behind sign-in `Cache-Control: no-store` (and `private`).

    A page for a signed-in person (and any page the policy does not declare public) may hold
    their name, their application or their searches: no shared proxy, and no browser cache
    that the next user of a shared computer can open with Back, may keep it. Public pages for
    anonymous visitors stay cacheable. It sits just inside WhiteNoise, so static files do too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_private(request):
            add_never_cache_headers(response)
        return response


def is_private(request: HttpRequest) -> bool:
    """Whether `request` is behind sign-in: a signed-in visitor, or a URL not declared public."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    match = getattr(request, "resolver_match", None)
    return match is not None and rule_for(match).access is not Access.PUBLIC
