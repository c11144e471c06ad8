"""`{% include "includes/untranslated_notice.html" with object=tool %}` and its helpers, and
`<p{% text_language tool "summary" %}>`: the language of a text that is not the page's."""

from django import template
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString

from hub.content_languages import fallback_language, missing_languages

register = template.Library()


@register.filter
def shown_in_english(obj: models.Model) -> bool:
    """Whether some of `obj`'s text falls back to English in the active language."""
    return missing_languages(obj)


@register.simple_tag
def current_language_name() -> str:
    """The active language, named in itself (as the picker names it)."""
    return dict(settings.LANGUAGES).get(translation.get_language() or "", "")


@register.simple_tag
def text_language(obj: models.Model, field: str) -> SafeString:
    """` lang="en" dir="ltr"` for the element of `obj`'s `field` when that text is shown in
    English on a page in another language, else nothing: screen readers then read it with an
    English voice, and English runs left to right on an Arabic page (WCAG 2.2, 3.1.2)."""
    language = fallback_language(obj, field)
    if language is None:
        return SafeString("")
    direction = "rtl" if translation.get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)
