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
a private object's id, pass `kwargs=` a function that makes one for the visitor (see
`notifications` below) and add the object to `private_objects.py`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from hub.access import Access


class Outcome(enum.StrEnum):
    ALLOWED = "allowed (2xx, 405, or a redirect that is not to sign in or to the 2FA)"
    SIGN_IN = "sent to sign in"
    SECOND_FACTOR = "sent to the second factor"
    FORBIDDEN = "403"
    NOT_FOUND = "404"
    # Admin pages for staff: the admin itself decides by model permission.
    ADMIN_DECIDES = "the admin decides (allowed, 403, or 404 for a sample id)"


ALLOWED = Outcome.ALLOWED
SIGN_IN = Outcome.SIGN_IN
SECOND_FACTOR = Outcome.SECOND_FACTOR
FORBIDDEN = Outcome.FORBIDDEN
NOT_FOUND = Outcome.NOT_FOUND

STAFF = ("curator", "administrator")
VERIFIED_NOT_STAFF = ("applicant", "rejected", "suspended", "expired", "member", "vetting_officer")


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
    def is_staff(self) -> bool:
        return self.user is not None and self.user.is_staff


@dataclass(frozen=True)
class Expect:
    access: Access
    permission: str | None = None
    # Persona name -> outcome, where the view (not the policy) answers differently.
    overrides: dict[str, Outcome] = field(default_factory=dict)
    # A function of the visitor's user (None if anonymous) returning the URL's parameters,
    # for URLs that address real objects; sample values otherwise.
    kwargs: Callable[[object | None], dict] | None = None
    # The Django admin: the policy asks for a verified second factor, the admin for staff.
    admin_site: bool = False

    def outcome(self, visitor: Visitor) -> Outcome:
        if visitor.persona in self.overrides:
            return self.overrides[visitor.persona]
        if self.access is Access.PUBLIC:
            return ALLOWED
        if not visitor.signed_in:
            return SIGN_IN
        if self.access is Access.SIGNED_IN:
            return ALLOWED
        if not visitor.verified:
            return SECOND_FACTOR
        if self.admin_site:
            return Outcome.ADMIN_DECIDES if visitor.is_staff else SIGN_IN
        if self.permission and not visitor.has_perm(self.permission):
            return FORBIDDEN
        if self.access is Access.MEMBER and not visitor.is_active_member:
            return FORBIDDEN
        return ALLOWED


def public(**overrides: Outcome) -> Expect:
    return Expect(Access.PUBLIC, overrides=overrides)


def signed_in(**overrides: Outcome) -> Expect:
    return Expect(Access.SIGNED_IN, overrides=overrides)


def verified(permission: str | None = None, *, kwargs=None, **overrides: Outcome) -> Expect:
    return Expect(Access.VERIFIED, permission, overrides, kwargs)


def member(permission: str | None = None, *, kwargs=None, **overrides: Outcome) -> Expect:
    return Expect(Access.MEMBER, permission, overrides, kwargs)


def admin_site(**overrides: Outcome) -> Expect:
    return Expect(Access.VERIFIED, overrides=overrides, admin_site=True)


# URL names that views or the policy redirect to but that other branches add. While a name is
# here, a request that needs it is an expected failure; once it resolves, a test fails until
# its line is removed.
AWAITING: dict[str, str] = {
    "twofactor:setup": "the second factor (issue 3)",
    "twofactor:verify": "the second factor (issue 3)",
    "accounts:application": "vetting (issue 2): `home` sends non-members there",
}


TABLE: dict[str, Expect] = {
    # --- Public pages (hub) -------------------------------------------------------------
    "landing": public(),
    "about": public(),
    "terms": public(),
    "privacy": public(),
    "healthz": public(),
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
    # DESIGN.md lets applicants manage their sessions; POLICY does not list it yet (see report).
    "usersessions_list": member(),
    # --- Catalogue -------------------------------------------------------------------------
    "catalog:index": member(),
    # --- The Django admin -----------------------------------------------------------------
    # Every model the admin registers adds its own URLs: one row for all of them.
    "admin:*": admin_site(),
    # The admin has no sign-in page of its own: it sends everyone to the hub's.
    "admin:login": admin_site(curator=SIGN_IN, administrator=SIGN_IN),
    # Signing out of an admin one is not in sends one to the admin's index (which sends one
    # to sign in).
    "admin:logout": admin_site(**dict.fromkeys(VERIFIED_NOT_STAFF, ALLOWED)),
}


def row_for(name: str) -> Expect | None:
    if name in TABLE:
        return TABLE[name]
    namespace = name.rsplit(":", 1)[0] + ":*" if ":" in name else None
    return TABLE.get(namespace) if namespace else None
