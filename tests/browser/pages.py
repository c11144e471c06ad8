"""Every page type the browser tests check (axe, layout, screenshots), as one table.

A row names a page by its URL name, the person who looks at it, how to build the URL's arguments
(the objects it needs), and the status it answers with. A new page type is one new row.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from tests import factories


def _anonymous():
    return None


# Who looks at a page: a factory for the person, or None for an anonymous visitor. Signed-in
# personas have a verified second factor (see `sign_in_browser`).
PERSONAS: dict[str, Callable] = {
    "anonymous": _anonymous,
    "applicant": factories.UserFactory,
    "member": factories.MemberFactory,
    "administrator": functools.partial(factories.MemberFactory, is_staff=True, is_superuser=True),
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

    def url(self, user) -> str:
        if self.path is not None:
            return self.path
        return reverse(self.url_name, kwargs=self.kwargs(user) or None)


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


# --- Steps on a page ---------------------------------------------------------------------


def send_empty(page) -> None:
    """Send the page's main form as it is, to show its error summary and field errors."""
    page.locator("main form").last.get_by_role("button").last.click()
    page.get_by_role("alert").first.wait_for()


# --- The table ------------------------------------------------------------------------------

PAGES: list[PageType] = [
    # Public pages.
    PageType("landing", "landing"),
    PageType("about", "about"),
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
    # The catalogue.
    PageType("catalogue", "catalog:index", persona="member"),
    # The admin, for curators and administrators.
    PageType("admin", "admin:index", persona="administrator"),
    # Error pages.
    PageType("not-a-member", "catalog:index", persona="applicant", status=403),
    PageType("not-found", None, path="/no-such-page/", status=404),
    PageType("not-found-signed-in", None, persona="member", path="/no-such-page/", status=404),
]
