"""Reacting to allauth: a confirmed email address opens the application to vetting officers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from accounts import services

if TYPE_CHECKING:
    from typing import Any

    from allauth.account.models import EmailAddress
    from django.http import HttpRequest


@receiver(email_confirmed, dispatch_uid="accounts.application_email_confirmed")
def application_email_confirmed(
    sender: object, request: HttpRequest, email_address: EmailAddress, **kwargs: Any
) -> None:
    if email_address.primary or email_address.user.email.lower() == email_address.email.lower():
        services.confirm_email(email_address.user, request=request)
