"""Passkeys: django-otp-webauthn's JSON endpoints, held to the hub's rules.

Using a passkey counts as verifying (new session key and CSRF token, audited, throttled per
account with the codes); adding one needs a fresh password and code, like any other factor.
Passwordless sign-in is off (OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN): a passkey is a second
factor here, never the only one.
"""

from __future__ import annotations

import json

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


class ReauthenticationRequired(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_detail = _("For your security, reload this page and enter your password again.")
    default_code = "reauthentication_required"


class TooManyAttempts(exceptions.OTPWebAuthnApiError):
    status_code = 429
    default_detail = _("Too many failed attempts. Wait 15 minutes, then try again.")
    default_code = "too_many_attempts"


class _FreshAuthenticationMixin:
    def check_can_register(self) -> None:
        from twofactor.views import _recent_password

        if not (_recent_password(self.request) and services.recently_verified(self.request)):
            raise ReauthenticationRequired


class BeginRegistration(_FreshAuthenticationMixin, BeginCredentialRegistrationView):
    pass


class CompleteRegistration(_FreshAuthenticationMixin, CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        device = WebAuthnCredential.objects.get(
            user=self.request.user, pk=json.loads(response.content)["id"]
        )
        services.passkey_added(self.request, device)
        messages.success(
            self.request,
            _(
                "Your passkey was added. If you added it because a device was lost, "
                "end your other sessions here."
            ),
        )
        return response


class BeginAuthentication(BeginCredentialAuthenticationView):
    def check_can_authenticate(self) -> None:
        if not self.request.user.is_authenticated:
            raise exceptions.PasswordlessLoginDisabled
        if services.is_locked(self.request.user):
            raise TooManyAttempts


class CompleteAuthentication(CompleteCredentialAuthenticationView):
    def check_can_authenticate(self) -> None:
        if not self.request.user.is_authenticated:
            raise exceptions.PasswordlessLoginDisabled
        if services.is_locked(self.request.user):
            services.record_failure(self.request, reason="locked")
            raise TooManyAttempts

    def complete_auth(self, device: WebAuthnCredential) -> None:
        services.complete_verification(self.request, device)

    def post(self, *args, **kwargs):
        try:
            return super().post(*args, **kwargs)
        except exceptions.OTPWebAuthnApiError:
            services.record_failure(self.request, reason="passkey")
            raise
