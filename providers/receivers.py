"""Reacting to allauth: a provider's confirmed email address sends the application to curators."""

from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.dispatch import receiver
from django.http import HttpRequest

from providers import services


@receiver(email_confirmed, dispatch_uid="providers.application_email_confirmed")
def provider_email_confirmed(
    sender: object, request: HttpRequest | None, email_address: EmailAddress, **kwargs: object
) -> None:
    user = email_address.user
    if user.is_provider and user.email.lower() == email_address.email.lower():
        services.confirm_email(user, request=request)
