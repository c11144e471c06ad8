"""Email backends that fail, for the delivery tests (selected through settings.EMAIL_BACKEND)."""

import smtplib

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend


class FailingBackend(EmailBackend):
    """The mail server never answers."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("the mail server went away")


class FlakyBackend(EmailBackend):
    """The mail server fails `failures` times, then delivers into `mail.outbox`."""

    failures = 2
    calls = 0

    def send_messages(self, messages):
        FlakyBackend.calls += 1
        if FlakyBackend.calls <= FlakyBackend.failures:
            raise smtplib.SMTPServerDisconnected("the mail server went away")
        return super().send_messages(messages)


def sent_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]
