"""django-allauth's account adapter, with lockouts written to the audit trail.

allauth sends no signal when it refuses a sign-in because too many have failed, so the adapter
records it. Apps that need their own adapter subclass this one.
"""

from allauth.account.adapter import DefaultAccountAdapter
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
