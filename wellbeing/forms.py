from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from wellbeing.models import SCALES, Preferences, SelfCheck

if TYPE_CHECKING:
    from typing import Any


class SelfCheckForm(forms.ModelForm):
    """Five questions on a 1-5 scale, and an optional note."""

    class Meta:
        model = SelfCheck
        fields = [*(scale.area for scale in SCALES), "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 4, "maxlength": 2000})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for scale in SCALES:
            choices = [(value, str(value)) for value in range(1, 6)]
            choices[0] = (1, _("1 — %(label)s") % {"label": scale.low})
            choices[-1] = (5, _("5 — %(label)s") % {"label": scale.high})
            self.fields[scale.area] = forms.TypedChoiceField(
                label=scale.question,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a number from 1 to 5.")},
            )
        self.fields["note"].label = _("Anything you want to remember about this week")
        self.fields["note"].help_text = _("Only you can read this.")


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = ["break_reminder_minutes", "content_warnings"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        minutes = self.fields["break_reminder_minutes"]
        minutes.label = _("Remind me to take a break every … minutes")
        minutes.help_text = _(
            "A gentle reminder after this many minutes of activity in the hub. "
            "Between %(min)s and %(max)s; leave empty for no reminders."
        ) % {"min": Preferences.MIN_REMINDER_MINUTES, "max": Preferences.MAX_REMINDER_MINUTES}
        minutes.error_messages["invalid"] = _("Enter a whole number of minutes.")
        out_of_range = _(
            "Enter a number of minutes from %(min)s to %(max)s, or leave it empty for no reminders."
        ) % {"min": Preferences.MIN_REMINDER_MINUTES, "max": Preferences.MAX_REMINDER_MINUTES}
        minutes.error_messages["min_value"] = minutes.error_messages["max_value"] = out_of_range
        minutes.widget.attrs.update({"inputmode": "numeric", "class": "input--short"})
        warnings = self.fields["content_warnings"]
        warnings.label = _("Warn me before pages that describe distressing material")
        warnings.help_text = _("You then choose whether to read on.")
