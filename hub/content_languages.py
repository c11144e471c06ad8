"""Curated content in the six languages, through django-modeltranslation (issue 21).

`register(model, fields)` gives each field one column per language (`summary_en`, `summary_fr`…),
edited side by side in the admin. Reading `tool.summary` gives the active language's text, else
English (MODELTRANSLATION_FALLBACK_LANGUAGES); `missing_languages` says which texts fell back, so
a page can say so, and `fallback_language` which language one text is in, so that its element can
say so too (`lang="en"`).

Queries keep to the original columns. modeltranslation would rewrite `filter(summary=…)`,
`order_by("name")` and `values("name")` to the active language's column, which has no fallback
in SQL: a French member's search and sorting would skip every text not yet translated. The
original column always holds the English text (modeltranslation copies the default language's
text into it on every save), so facets and sorting work as they did, in English. The catalogue's
search reads every language's columns in SQL itself (`catalog/search.py`).
"""

from collections.abc import Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.utils import translation
from modeltranslation.manager import MultilingualManager, MultilingualQuerySet
from modeltranslation.translator import TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname

_M_co = TypeVar("_M_co", bound=models.Model, covariant=True)


class OriginalColumnsManager(MultilingualManager[_M_co]):
    """The manager of a translated model: its querysets do not rewrite field names.

    Translated models declare it (`objects = OriginalColumnsManager()`, or
    `OriginalColumnsManager.from_queryset(TheirQuerySet)()`), so that modeltranslation keeps it
    (it swaps only managers that are not already its own) and mypy's Django plugin can name it.
    Models registered without declaring it (the simple-history ones) get it mixed in at run time.
    """

    def get_queryset(self) -> MultilingualQuerySet[_M_co]:
        return super().get_queryset().rewrite(False)


def register(model: type[models.Model], fields: Iterable[str]) -> None:
    """Translate `fields` of `model`, and of its django-simple-history model if it has one.

    The historical model gets the same columns, so every version keeps every language's text
    (simple-history copies each of the model's fields into the version it writes).
    """
    options = type(f"{model.__name__}Translation", (TranslationOptions,), {"fields": tuple(fields)})
    targets = [model]
    history = getattr(model, "history", None)
    if history is not None:
        targets.append(history.model)
    for target in targets:
        translator.register(target, options)
        _query_original_columns(target)


def _query_original_columns(model: type[models.Model]) -> None:
    for manager in model._meta.managers:
        if isinstance(manager, OriginalColumnsManager):
            continue
        base = type(manager)
        manager.__class__ = type(base.__name__, (OriginalColumnsManager, base), {})


def translated_fields(model: type[models.Model]) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).all_fields)


def missing_languages(obj: models.Model, fields: Iterable[str] | None = None) -> bool:
    """Whether some text of `obj` that has English is shown in English for the active language."""
    return any(fallback_language(obj, field) for field in fields or translated_fields(type(obj)))


def fallback_language(obj: models.Model, field: str) -> str | None:
    """The language `obj`'s `field` is shown in when it is not the active one: English, for a
    text not yet translated into it; else None (shown in the active language, or empty)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default:
        return None
    own = getattr(obj, build_localized_fieldname(field, language), "")
    english = getattr(obj, build_localized_fieldname(field, default), "")
    return default if english and not own else None


def set_texts(obj: models.Model, texts: dict[str, Any]) -> None:
    """Set per-language texts: `{"summary": {"en": "…", "fr": "…"}, "name": "…"}`.

    A plain string is the English text; the demo content uses this.
    """
    for field, value in texts.items():
        by_language = value if isinstance(value, dict) else {"en": value}
        for language, text in by_language.items():
            setattr(obj, build_localized_fieldname(field, language), text)
