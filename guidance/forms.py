from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from catalog.models import Tool
from guidance.models import QUESTIONS, Assessment

if TYPE_CHECKING:
    from typing import Any


class ArticleDoneForm(forms.Form):
    """Marks an article read (done=on) or not (done absent) for the signed-in member."""

    done = forms.BooleanField(required=False)
    next = forms.CharField(required=False, max_length=500)


class AssessmentStartForm(forms.Form):
    tool = forms.ModelChoiceField(
        label=_("Tool from the catalogue"),
        queryset=Tool.objects.published(),
        to_field_name="slug",
        required=False,
        empty_label=_("Choose a tool"),
    )
    tool_name = forms.CharField(
        label=_("Or the name of a tool not in the catalogue"),
        max_length=200,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        tool = cleaned.get("tool")
        if tool is None and not cleaned.get("tool_name", "").strip():
            raise ValidationError(_("Choose a tool from the catalogue or type the name of one."))
        cleaned["tool_name"] = tool.name if tool else cleaned["tool_name"].strip()
        return cleaned


class AssessmentForm(forms.ModelForm):
    """The questionnaire. A draft may have gaps; finishing needs every answer."""

    FINISH = "finish"
    SAVE = "save"

    class Meta:
        model = Assessment
        fields = [question.field for question in QUESTIONS]
        widgets = {
            question.field: forms.Textarea(
                attrs={"rows": 5, "aria-describedby": f"guidance-{question.field}"}
            )
            for question in QUESTIONS
        }

    def __init__(self, *args: Any, finishing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.finishing = finishing
        for question in QUESTIONS:
            field = self.fields[question.field]
            field.label = question.question
            # Every answer is needed in the end, so the empty form does not call any
            # "optional"; only a draft being saved may leave gaps.
            field.required = finishing or not self.is_bound
            field.error_messages["required"] = _(
                "Answer this question before you finish, or save a draft."
            )
            field.validators.append(MaxLengthValidator(10000))

    def save(self, commit: bool = True) -> Assessment:
        assessment = super().save(commit=False)
        if self.finishing:
            assessment.finish()
        else:
            assessment.reopen()
        if commit:
            assessment.save()
        return assessment
