"""`{% include "includes/untranslated_notice.html" with object=tool %}` and its helpers."""

from django import template
from django.conf import settings
from django.db import models
from django.utils import translation

from hub.content_languages import missing_languages

register = template.Library()


@register.filter
def shown_in_english(obj: models.Model) -> bool:
    """Whether some of `obj`'s text falls back to English in the active language."""
    return missing_languages(obj)


@register.simple_tag
def current_language_name() -> str:
    """The active language, named in itself (as the picker names it)."""
    return dict(settings.LANGUAGES).get(translation.get_language() or "", "")
