from django import forms
from django.conf import settings
from django.forms.renderers import TemplatesSetting


class HubFormRenderer(TemplatesSetting):
    """Renders every form the same way: label, hint, errors, input — in that order."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class LanguageForm(forms.Form):
    """The language picker on every page: one of `LANGUAGES`, and where to go back to."""

    language = forms.ChoiceField(choices=settings.LANGUAGES)
    next = forms.CharField(required=False, max_length=2000)
