from django.forms.renderers import TemplatesSetting


class HubFormRenderer(TemplatesSetting):
    """Renders every form the same way: label, hint, errors, input — in that order."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
