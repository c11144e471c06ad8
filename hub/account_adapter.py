"""django-allauth's account adapter: sign-in limits counted by hub.ratelimit, lockouts audited.

allauth's own failed-sign-in limit lives in the cache (a Redis outage answers 500) and is keyed
on the Host header, port included (any new port is a fresh count). This adapter counts failures
in the database per account and address, per account and per address, and records every
refusal in the audit trail (allauth sends no signal for one). Apps that need their own adapter
subclass this one.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from hub import audit, ratelimit
from hub.signals import attempted_email

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
    def pre_authenticate(self, request: HttpRequest, **credentials) -> None:
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

    def _refuse(self, request, credentials, limit: str, message) -> None:
        audit.record(
            "auth.locked_out", request=request, target=attempted_email(credentials), limit=limit
        )
        raise ValidationError(message, code="too_many_login_attempts")

    def authentication_failed(self, request: HttpRequest, **credentials) -> None:
        account, address = _account(credentials), ratelimit.client_address(request)
        ratelimit.hit(ratelimit.configured("signin_failed_account_address"), account, address)
        ratelimit.hit(ratelimit.configured("signin_failed_account"), account)
        ratelimit.hit(ratelimit.configured("signin_failed_address"), address)

    def _delete_login_attempts_cached_email(self, request: HttpRequest, **credentials) -> None:
        # After a successful password reset: the account's count and this address's go; other
        # addresses that failed for the account stay refused until their window ends.
        account, address = _account(credentials), ratelimit.client_address(request)
        ratelimit.clear(ratelimit.configured("signin_failed_account"), account)
        ratelimit.clear(ratelimit.configured("signin_failed_account_address"), account, address)

    def send_confirmation_mail(self, request: HttpRequest, emailconfirmation, signup: bool) -> None:
        # allauth's own "confirm_email" limit lives in the cache, on the sign-up path; this one
        # is the same (HUB_RATE_LIMITS["confirm_email_address"]) counted in the database.
        address = emailconfirmation.email_address.email.lower()
        limit = ratelimit.configured("confirm_email_address")
        if ratelimit.hit(limit, address) > limit.amount:
            audit.record("auth.rate_limited", request=request, limit="confirm_email")
            return
        super().send_confirmation_mail(request, emailconfirmation, signup)
