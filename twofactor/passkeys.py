"""Passkeys: django-otp-webauthn's JSON endpoints, held to the hub's rules.

Using a passkey counts as verifying (new session key and CSRF token, audited, throttled per
account with the codes); adding one needs a fresh password and code, like any other factor.
Passwordless sign-in is off (OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN): a passkey is a second
factor here, never the only one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, cast

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django_otp_webauthn import exceptions
from django_otp_webauthn.models import WebAuthnCredential
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from twofactor import services

if TYPE_CHECKING:
    from typing import Any, NoReturn

    from django.http import HttpRequest, HttpResponse

    from accounts.http import MemberRequest


class ReauthenticationRequired(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_detail = _("For your security, reload this page and enter your password again.")
    default_code = "reauthentication_required"


class TooManyAttempts(exceptions.OTPWebAuthnApiError):
    status_code = 429
    default_detail = _("Too many failed attempts. Wait 15 minutes, then try again.")
    default_code = "too_many_attempts"


# A passkey's JSON is a few kilobytes and a handful of levels deep; anything far bigger or
# deeper is hostile. Deep nesting made json.loads raise RecursionError, a 500 (issue 16, item 5).
MAX_JSON_BYTES = 64 * 1024
MAX_JSON_DEPTH = 16


def _depth(value: object, limit: int) -> int:
    """How deeply `value` nests, counting no further than `limit` + 1."""
    depth, level = 0, [value]
    while level and depth <= limit:
        depth += 1
        level = [
            child
            for item in level
            if isinstance(item, dict | list)
            for child in (item.values() if isinstance(item, dict) else item)
        ]
    return depth


def _not_json(constant: str) -> NoReturn:
    raise ValueError(f"{constant} is not JSON")


class _GuardedJsonMixin:
    """Answer 400 to malformed, deep or oversized JSON, and to JSON that is not an object."""

    def _parse_request_data(self, request: HttpRequest) -> Any:
        if (request.content_type or "").split(";", 1)[0] != "application/json":
            # The django-otp-webauthn view this mixes into has it; the mixin alone does not.
            return super()._parse_request_data(request)  # type: ignore[misc]
        body = request.body
        if not body:
            return {}
        if len(body) > MAX_JSON_BYTES:
            raise exceptions.MalformedRequest
        try:
            data = json.loads(body, parse_constant=_not_json)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError and bad UTF-8 are ValueError
            raise exceptions.MalformedRequest from exc
        if not isinstance(data, dict) or _depth(data, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
            raise exceptions.MalformedRequest
        return data


class _FreshAuthenticationMixin:
    request: HttpRequest  # the view's

    def check_can_register(self) -> None:
        from twofactor.views import _recent_password

        if not (_recent_password(self.request) and services.recently_verified(self.request)):
            raise ReauthenticationRequired


class BeginRegistration(
    _GuardedJsonMixin, _FreshAuthenticationMixin, BeginCredentialRegistrationView
):
    pass


class CompleteRegistration(
    _GuardedJsonMixin, _FreshAuthenticationMixin, CompleteCredentialRegistrationView
):
    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(*args, **kwargs)
        device = WebAuthnCredential.objects.get(
            user=self.request.user, pk=json.loads(response.content)["id"]
        )
        services.passkey_added(cast("MemberRequest", self.request), device)
        messages.success(
            self.request,
            _(
                "Your passkey was added. If you added it because a device was lost, "
                "end your other sessions here."
            ),
        )
        return response


class BeginAuthentication(_GuardedJsonMixin, BeginCredentialAuthenticationView):
    def check_can_authenticate(self) -> None:
        if not self.request.user.is_authenticated:
            raise exceptions.PasswordlessLoginDisabled
        if services.is_locked(self.request):
            raise TooManyAttempts


class CompleteAuthentication(_GuardedJsonMixin, CompleteCredentialAuthenticationView):
    def check_can_authenticate(self) -> None:
        if not self.request.user.is_authenticated:
            raise exceptions.PasswordlessLoginDisabled
        if services.is_locked(self.request):
            services.record_failure(cast("MemberRequest", self.request), reason="locked")
            raise TooManyAttempts

    def complete_auth(self, device: WebAuthnCredential) -> None:
        services.complete_verification(cast("MemberRequest", self.request), device)

    def post(self, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().post(*args, **kwargs)
        except exceptions.OTPWebAuthnApiError:
            services.record_failure(cast("MemberRequest", self.request), reason="passkey")
            raise
