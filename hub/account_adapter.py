"""django-allauth's account adapter: lockouts written to the audit trail, links on SITE_URL.

allauth sends no signal when it refuses a sign-in because too many have failed, so the adapter
records it. Apps that need their own adapter subclass this one.
"""

from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from hub import audit
from hub.signals import attempted_email


class AccountAdapter(DefaultAccountAdapter):
    def pre_authenticate(self, request: HttpRequest, **credentials) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            audit.record("auth.locked_out", request=request, target=attempted_email(credentials))
            raise

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Send allauth's emails with every link on `SITE_URL`, never on the request's host.

        allauth builds confirmation, password-reset and sign-up links, and names the site, from
        the request's `Host`. Any name in ALLOWED_HOSTS passes Django's check, so a request with
        a host the attacker chose would email the victim a genuine key on the attacker's host.
        """
        context = {key: on_site(value) for key, value in context.items()}
        context["current_site"] = HubSite()
        super().send_mail(template_prefix, email, context)


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
