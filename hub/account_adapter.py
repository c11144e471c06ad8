"""django-allauth's account adapter: lockouts written to the audit trail, emails to the outbox.

allauth sends no signal when it refuses a sign-in because too many have failed, so the adapter
records it. allauth sends its emails (address confirmation, password reset, "your password was
changed"...) from the request, so a mail server that is down or slow made sign-up answer 500
after the account was created, and the email was lost; here they are written to the outbox like
every other email, and the page answers at once. Apps that need their own adapter subclass this.
"""

import uuid

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from hub import audit
from hub.signals import attempted_email
from notifications.models import ACCOUNT_KIND_PREFIX
from notifications.services import queue_email


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request: HttpRequest, **credentials) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            audit.record("auth.locked_out", request=request, target=attempted_email(credentials))
            raise

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        request = allauth_context.request
        message = self.render_mail(
            template_prefix,
            email,
            {"request": request, "email": email, "current_site": get_current_site(request)}
            | context,
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
        )
