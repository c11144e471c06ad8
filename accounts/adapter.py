"""django-allauth's account adapter: sign-in limits counted by hub.ratelimit, lockouts audited,
emails to the outbox, links on SITE_URL.

allauth's own failed-sign-in limit lives in the cache (a Redis outage answers 500) and is keyed
on the Host header, port included (any new port is a fresh count). This adapter counts failures
in the database per account and address, per account and per address, and records every
refusal in the audit trail (allauth sends no signal for one). allauth sends its emails (address
confirmation, password reset, "your password was changed"...) from the request, so a mail server
that is down or slow made sign-up answer 500 after the account was created, and the email was
lost; here they are written to the outbox like every other email, and the page answers at once.
Apps that need their own adapter subclass this one.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from hub import audit, ratelimit
from hub.signals import attempted_email
from notifications.models import ACCOUNT_KIND_PREFIX
from notifications.services import language_for_address, queue_email

if TYPE_CHECKING:
    from typing import Any

    from allauth.account.models import EmailConfirmation
    from django.http import HttpRequest
    from django_stubs_ext import StrOrPromise


TOO_MANY_FOR_ADDRESS = _(
    "Too many failed login attempts from your address. Try again in a few minutes, "
    "or reset your password."
)
TOO_MANY_FOR_ACCOUNT = _(
    "Too many failed login attempts for this account. Try again in an hour, "
    "or reset your password: the reset link also lifts this limit."
)


def _account(credentials: dict) -> str:
    # The account as typed, normalised; never the host the client names.
    raw = credentials.get("email") or credentials.get("username") or ""
    return str(raw).strip().lower()[:254]


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        account, address = _account(credentials), ratelimit.client_address(request)
        pair = ratelimit.configured("signin_failed_account_address")
        if ratelimit.exceeded(pair, account, address):
            self._refuse(request, credentials, "account_address", TOO_MANY_FOR_ADDRESS)
        if ratelimit.exceeded(ratelimit.configured("signin_failed_address"), address):
            self._refuse(request, credentials, "address", TOO_MANY_FOR_ADDRESS)
        # The loose per-account limit binds only addresses that have failed for this account
        # themselves: the member's own, clean address still gets in with the right password
        # and second factor while strangers guess from elsewhere.
        if ratelimit.exceeded(
            ratelimit.configured("signin_failed_account"), account
        ) and ratelimit.count(pair, account, address):
            self._refuse(request, credentials, "account", TOO_MANY_FOR_ACCOUNT)

    def _refuse(
        self, request: HttpRequest, credentials: dict[str, Any], limit: str, message: StrOrPromise
    ) -> None:
        audit.record(
            "auth.locked_out", request=request, target=attempted_email(credentials), limit=limit
        )
        raise ValidationError(message, code="too_many_login_attempts")

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        account, address = _account(credentials), ratelimit.client_address(request)
        ratelimit.hit(ratelimit.configured("signin_failed_account_address"), account, address)
        ratelimit.hit(ratelimit.configured("signin_failed_account"), account)
        ratelimit.hit(ratelimit.configured("signin_failed_address"), address)

    def _delete_login_attempts_cached_email(self, request: HttpRequest, **credentials: Any) -> None:
        # After a successful password reset: the account's count and this address's go; other
        # addresses that failed for the account stay refused until their window ends.
        account, address = _account(credentials), ratelimit.client_address(request)
        ratelimit.clear(ratelimit.configured("signin_failed_account"), account)
        ratelimit.clear(ratelimit.configured("signin_failed_account_address"), account, address)

    def send_confirmation_mail(
        self, request: HttpRequest, emailconfirmation: EmailConfirmation, signup: bool
    ) -> None:
        # allauth's own "confirm_email" limit lives in the cache, on the sign-up path; this one
        # is the same (HUB_RATE_LIMITS["confirm_email_address"]) counted in the database.
        address = emailconfirmation.email_address.email.lower()
        limit = ratelimit.configured("confirm_email_address")
        if ratelimit.hit(limit, address) > limit.amount:
            audit.record("auth.rate_limited", request=request, limit="confirm_email")
            return
        super().send_confirmation_mail(request, emailconfirmation, signup)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Write allauth's emails to the outbox, with every link on `SITE_URL`.

        allauth builds confirmation, password-reset and sign-up links, and names the site, from
        the request's `Host`. Any name in ALLOWED_HOSTS passes Django's check, so a request with
        a host the attacker chose would email the victim a genuine key on the attacker's host.
        """
        context = {key: on_site(value) for key, value in context.items()}
        context["current_site"] = HubSite()
        request = allauth_context.request
        # In the recipient's saved language, else the page's (issue 21).
        language = language_for_address(email)
        with translation.override(language):
            message = self.render_mail(
                template_prefix,
                email,
                {"request": request, "email": email} | context,
            )
        html = [
            content
            for content, mimetype in getattr(message, "alternatives", [])
            if mimetype == "text/html"
        ]
        if message.content_subtype == "html":
            body_text, body_html = "", message.body
        else:
            body_text, body_html = message.body, html[0] if html else ""
        name = template_prefix.rsplit("/", 1)[-1]
        queue_email(
            kind=f"{ACCOUNT_KIND_PREFIX}{name}"[:64],
            # Each call is its own event: two reset requests are two emails, as allauth sends them.
            key=f"{ACCOUNT_KIND_PREFIX}{name}:{uuid.uuid4()}",
            to_email=email,
            subject=message.subject,
            body_text=body_text,
            body_html=body_html,
            language=language,
        )


class HubSite:
    """The site as emails name it: from settings, like every other email of the hub."""

    @property
    def name(self) -> str:
        return settings.SITE_NAME

    @property
    def domain(self) -> str:
        return urlsplit(settings.SITE_URL).netloc

    def __str__(self) -> str:
        return self.domain


def on_site(value: object) -> object:
    """`value` moved onto `SITE_URL` if it is an absolute http(s) link; anything else as it is."""
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        return value
    link = urlsplit(value)
    return settings.SITE_URL + urlunsplit(("", "", link.path, link.query, link.fragment))
