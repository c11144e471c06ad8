from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.db import transaction

from notifications.kinds import OPTIONAL_KINDS
from notifications.models import NotificationPreference

if TYPE_CHECKING:
    from typing import Any

    from accounts.models import User


class PreferencesForm(forms.Form):
    """One checkbox per kind of email a member may turn off; ticked means emailed."""

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        turned_off = set(
            NotificationPreference.objects.owned_by(user)
            .filter(email=False)
            .values_list("kind", flat=True)
        )
        for kind, label in OPTIONAL_KINDS.items():
            self.fields[kind] = forms.BooleanField(
                label=label, required=False, initial=kind not in turned_off
            )

    @transaction.atomic
    def save(self) -> list[str]:
        """Store the choices; returns the kinds now sent to the notification centre only."""
        for kind in OPTIONAL_KINDS:
            NotificationPreference.objects.update_or_create(
                user=self.user, kind=kind, defaults={"email": self.cleaned_data[kind]}
            )
        return [kind for kind in OPTIONAL_KINDS if not self.cleaned_data[kind]]
