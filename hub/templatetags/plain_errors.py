"""`{{ field|plain_error:error }}`: Django's generic form messages in plain, specific words.

"This field is required." says neither which field nor what to do. Every form the hub renders
goes through templates/forms/field.html and the error summary, so the words are changed here,
once, for every form (allauth's too); a form's own messages pass through untouched.
"""

from django import forms, template
from django.utils.translation import gettext as _

register = template.Library()


def _noun(field: forms.BoundField) -> str:
    """The label as the object of a sentence: "Full name" -> "full name" (acronyms kept)."""
    label = str(field.label or field.name).strip()
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


@register.filter
def plain_error(field: forms.BoundField, error: str) -> str:
    """The specific words for a generic `error` on `field`, else `error` itself."""
    generic = str(forms.Field.default_error_messages["required"])
    if str(error) != generic:
        return error
    label = str(field.label or field.name).strip()
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return _("Tick “%(label)s” to go on.") % {"label": label}
    if isinstance(widget, forms.RadioSelect | forms.Select | forms.CheckboxSelectMultiple):
        return _("Choose an answer to “%(label)s”.") % {"label": label}
    if label.endswith("?") or len(label.split()) > 5:
        return _("Answer “%(label)s”.") % {"label": label}
    return _("Enter %(thing)s.") % {"thing": _noun(field)}
