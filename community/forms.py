"""Forms for what members write in the community. Text is kept as typed and shown escaped."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import Tool
from community.models import (
    MESSAGE_MAX,
    POST_MAX,
    REASON_MAX,
    REQUEST_MESSAGE_MAX,
    ForumCategory,
    Profile,
    Thread,
)


def _refuse_nul(value: str) -> None:
    # PostgreSQL refuses NUL in text: a crafted value must be a clear error, never a 500.
    if "\x00" in value:
        raise forms.ValidationError(_("Remove the control characters from the text."))


def _without_nul(value: str) -> str:
    _refuse_nul(value)
    return value


class ProfileForm(forms.ModelForm):
    tools = forms.ModelMultipleChoiceField(
        label=_("Tools you have used"),
        queryset=Tool.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Add a tool from its page in the catalogue (“I have used this tool”); untick one "
            "here to take it off. Members looking for experience with a tool find you."
        ),
    )

    class Meta:
        model = Profile
        fields = [
            "published",
            "display_name",
            "country",
            "languages",
            "capabilities",
            "stages",
            "tools",
            "bio",
            "show_agency",
            "agency",
            "unit",
        ]
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            "capabilities": forms.CheckboxSelectMultiple,
            "stages": forms.CheckboxSelectMultiple,
            "bio": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "display_name": _(
                "How other members see you: in the directory if you are listed, and on your "
                "contact requests and forum posts. It need not be your full name."
            ),
            "bio": _("A few lines about your work. Never include case details."),
            "show_agency": _("Unticked, your agency and unit are kept from other members."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The tools already on the profile: a catalogue of thousands is no list of checkboxes.
        own = self.instance.tools.all() if self.instance.pk else Tool.objects.none()
        tools = cast("forms.ModelMultipleChoiceField", self.fields["tools"])
        tools.queryset = Tool.objects.published().filter(pk__in=own).order_by("name")

    def clean_display_name(self) -> str:
        return _without_nul(" ".join(self.cleaned_data["display_name"].split()))

    def clean_bio(self) -> str:
        return _without_nul(self.cleaned_data["bio"])

    def clean_agency(self) -> str:
        return _without_nul(self.cleaned_data["agency"])

    def clean_unit(self) -> str:
        return _without_nul(self.cleaned_data["unit"])


class ContactRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Why you would like to talk"),
        max_length=REQUEST_MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A short note. Never include case details."),
        validators=[_refuse_nul],
    )


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"), choices=(("accept", _("Accept")), ("decline", _("Decline")))
    )


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text. Never include case details, names of victims or images."),
        validators=[_refuse_nul],
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong"),
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the moderators read this."),
        validators=[_refuse_nul],
    )


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, validators=[_refuse_nul])
    body = forms.CharField(
        label=_("Your post"),
        max_length=POST_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Markdown. Link a catalogue tool with [[its-slug]]. Never include case details."
        ),
        validators=[_refuse_nul],
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=POST_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Markdown. Link a catalogue tool with [[its-slug]]."),
        validators=[_refuse_nul],
    )


class ModerationNoteField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            label=_("Note to the author"),
            max_length=REASON_MAX,
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
            validators=[_refuse_nul],
            **kwargs,
        )


class PostModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"), choices=(("hide", _("Hide the post")), ("show", _("Show it again")))
    )
    note = ModerationNoteField()


class ThreadModerationForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        choices=(
            ("lock", _("Lock the thread")),
            ("unlock", _("Unlock the thread")),
            ("move", _("Move it to another category")),
        ),
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=ForumCategory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Keep the category"),
    )
    note = ModerationNoteField()

    def __init__(self, *args: Any, thread: Thread | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if thread is not None:
            category = cast("forms.ModelChoiceField", self.fields["category"])
            category.queryset = ForumCategory.objects.exclude(pk=thread.category_id)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("action") == "move" and not cleaned.get("category"):
            self.add_error("category", _("Choose the category to move the thread to."))
        return cleaned


class ReportActionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        choices=(("hide", _("Hide the content and tell its author")), ("dismiss", _("Dismiss"))),
        widget=forms.RadioSelect,
    )
    note = ModerationNoteField()
