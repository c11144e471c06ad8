"""The sign-up form allauth shows: its own, around accounts.forms.ApplicationSignupForm.

A module of its own because allauth's forms import ApplicationSignupForm (ACCOUNT_SIGNUP_FORM_CLASS)
while they load, so accounts.forms cannot import them back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.forms import SignupForm
from django.db import IntegrityError, transaction

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponse

    from accounts.models import User


class HubSignupForm(SignupForm):
    def try_save(self, request: HttpRequest) -> tuple[User | None, HttpResponse | None]:
        # Two sign-ups with one address at the same moment both pass the form's "already
        # registered" check; the database's case-insensitive unique constraint then refuses the
        # second. It gets the answer any repeated sign-up gets (allauth's "account already
        # exists" email, nothing revealed on the page), not a 500.
        try:
            with transaction.atomic():
                return super().try_save(request)
        except IntegrityError:
            self.account_already_exists = True
            return super().try_save(request)
