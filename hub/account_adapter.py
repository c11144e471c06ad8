"""django-allauth's account adapter: lockouts audited, emails to the outbox, links on SITE_URL.

allauth sends no signal when it refuses a sign-in because too many have failed, so the adapter
records it. allauth sends its emails (address confirmation, password reset, "your password was
changed"...) from the request, so a mail server that is down or slow made sign-up answer 500
after the account was created, and the email was lost; here they are written to the outbox like
every other email, and the page answers at once. Apps that need their own adapter subclass this.
"""

import uuid
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
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
        """Write allauth's emails to the outbox, with every link on `SITE_URL`.

        allauth builds confirmation, password-reset and sign-up links, and names the site, from
        the request's `Host`. Any name in ALLOWED_HOSTS passes Django's check, so a request with
        a host the attacker chose would email the victim a genuine key on the attacker's host.
        """
        context = {key: on_site(value) for key, value in context.items()}
        context["current_site"] = HubSite()
        request = allauth_context.request
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


def on_site(value):
    """`value` moved onto `SITE_URL` if it is an absolute http(s) link; anything else as it is."""
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        return value
    link = urlsplit(value)
    return settings.SITE_URL + urlunsplit(("", "", link.path, link.query, link.fragment))
