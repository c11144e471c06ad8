"""Content warnings: members who keep them on see a notice before a flagged page."""

from django import forms
from django.http import HttpRequest

from wellbeing.models import Preferences


class ContentWarningForm(forms.Form):
    """The member's answer to a content-warning notice: `proceed=1` shows the page."""

    proceed = forms.BooleanField(required=False)


def wants_content_warning(request: HttpRequest, flagged: bool) -> bool:
    """Whether to show the notice instead of a flagged page."""
    if not flagged:
        return False
    form = ContentWarningForm(request.GET)
    if form.is_valid() and form.cleaned_data["proceed"]:
        return False
    return Preferences.for_user(request.user).content_warnings
