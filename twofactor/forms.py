from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user

from twofactor.models import BackupCodeDevice

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from allauth.usersessions.models import UserSession
    from django_otp.models import Device

    from accounts.models import User


_CODE_WIDGET = forms.TextInput(
    attrs={
        "autocomplete": "one-time-code",
        "inputmode": "text",
        "autocapitalize": "none",
        "spellcheck": "false",
        "class": "input--code",
    }
)


class VerifyForm(forms.Form):
    """A code from the authenticator app, or one of the backup codes."""

    code = forms.CharField(
        label=_("Code"),
        help_text=_(
            "The 6-digit code your authenticator app shows now, or one of your backup codes."
        ),
        max_length=32,
        widget=_CODE_WIDGET,
    )


class ConfirmTOTPForm(forms.Form):
    """The first code of a new authenticator, proving it was set up right."""

    code = forms.CharField(
        label=_("Code from the app"),
        help_text=_("Enter the 6-digit code the app shows for this account."),
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "class": "input--code"}
        ),
    )
    name = forms.CharField(
        label=_("Name for this device"),
        help_text=_("So that you can tell your devices apart, for example “Work phone”."),
        max_length=64,
        initial=_("Authenticator app"),
    )
    end_other_sessions = forms.BooleanField(
        label=_("Sign me out everywhere else"),
        help_text=_("Recommended if you are adding this device because another was lost."),
        required=False,
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit():
            raise forms.ValidationError(_("Enter the code as digits only, for example 123456."))
        return code


class RemoveDeviceForm(forms.Form):
    """Which of the person's own devices to remove; another person's is not a valid choice."""

    device = forms.ChoiceField(label=_("Device"), widget=forms.HiddenInput)
    end_other_sessions = forms.BooleanField(
        label=_("Sign me out everywhere else"),
        help_text=_("Recommended if the device was lost or stolen."),
        required=False,
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.devices = {
            device.persistent_id: device
            for device in devices_for_user(user, confirmed=True)
            if not isinstance(device, BackupCodeDevice)
        }
        cast("forms.ChoiceField", self.fields["device"]).choices = [
            (pid, pid) for pid in self.devices
        ]

    def clean_device(self) -> Device:
        return self.devices[self.cleaned_data["device"]]


class ResetSecondFactorForm(forms.Form):
    """A vetting officer's record of why, and on what evidence, a member's factors are reset."""

    identity_checked = forms.BooleanField(
        label=_("I have checked this person's identity through a channel they did not choose"),
        help_text=_("For example a call back on their agency's switchboard, or their supervisor."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Why the reset is needed and how identity was checked. This is audited."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < 10:
            raise forms.ValidationError(_("Give a reason of at least 10 characters."))
        return reason


class EndSessionForm(forms.Form):
    """One of the person's own sessions to end, by its position in their list."""

    session = forms.ChoiceField(label=_("Session"), widget=forms.HiddenInput)

    def __init__(self, *args: Any, sessions: Iterable[UserSession], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sessions = {str(s.pk): s for s in sessions}
        cast("forms.ChoiceField", self.fields["session"]).choices = [(k, k) for k in self.sessions]

    def clean_session(self) -> UserSession:
        return self.sessions[self.cleaned_data["session"]]
