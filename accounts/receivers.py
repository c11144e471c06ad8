"""Reacting to allauth: a confirmed email address opens the application to vetting officers."""

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from accounts import services


@receiver(email_confirmed, dispatch_uid="accounts.application_email_confirmed")
def application_email_confirmed(sender, request, email_address, **kwargs) -> None:
    if email_address.primary or email_address.user.email.lower() == email_address.email.lower():
        services.confirm_email(email_address.user, request=request)
