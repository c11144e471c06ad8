"""The demo tools' texts in the six languages (issue 21).

catalog/demo_content.py composes each tool's English texts from building blocks (a profile per
capability, sentences for maturity, licence and deployment, a few templates); each module here
(`fr`, `es`, `ru`, `ar`, `zh_hans`) holds the same blocks in one language, and `texts` composes
every tool once per language, so every demo tool is in six languages. Term names come from
hub/demo_translations.py. Pure string work, no queries: the bulk seed calls it for every tool.
These translations were not written by professional translators (see the README).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from catalog import demo_content
from hub.demo_translations import LANGUAGE_ORDER, TERM_NAMES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from catalog.demo_content_i18n.words import Words

WORDS: dict[str, Words] = {
    language: import_module(f"catalog.demo_content_i18n.{language.replace('-', '_')}").WORDS
    for language in LANGUAGE_ORDER
}

# Facet field → the table of its terms' names.
_TERMS = {
    "capabilities": TERM_NAMES["catalog.Capability"],
    "stages": TERM_NAMES["catalog.InvestigationStage"],
    "data_types": TERM_NAMES["catalog.DataType"],
    "deployments": TERM_NAMES["catalog.Deployment"],
    "licences": TERM_NAMES["catalog.Licence"],
    "languages": TERM_NAMES["catalog.Language"],
    "platforms": TERM_NAMES["catalog.Platform"],
    "countries": TERM_NAMES["catalog.Country"],
}


def _names(field: str, english: Sequence[str], language: str, words: Words) -> str:
    index = LANGUAGE_ORDER.index(language)
    names = [_TERMS[field][name][index] for name in english]
    if words.lowercase and field in ("data_types", "stages"):
        names = [name[0].lower() + name[1:] for name in names]
    return words.separator.join(names)


def texts_in(
    language: str, name: str, maturity: str, facets: dict[str, list[str]]
) -> dict[str, str]:
    """A demo tool's four texts in one of the five other languages."""
    words = WORDS[language]
    capabilities = facets["capabilities"]
    main = words.profiles[capabilities[0]]
    others = capabilities[1:]
    profiles = [main, *(words.profiles[c] for c in others)]
    also = (
        "\n\n" + words.also.format(names=_names("capabilities", others, language, words))
        if others
        else ""
    )
    licence = facets["licences"][0] if facets["licences"] else ""
    description = words.description.format(
        note=words.demo_note,
        name=name,
        purpose=main.purpose,
        how=main.how,
        also=also,
        data=_names("data_types", facets["data_types"], language, words),
        languages=_names("languages", facets["languages"], language, words),
        platforms=_names("platforms", facets["platforms"], language, words),
        countries=_names("countries", facets["countries"], language, words),
        stages=_names("stages", facets["stages"], language, words),
        deployment="\n".join(f"- {words.deployment[d]}" for d in facets["deployments"]),
        maturity=words.maturity[maturity],
        licence=words.licence.get(licence, ""),
        limits="\n".join(f"- {limit}" for profile in profiles for limit in profile.limits),
    ).replace(" \n", "\n")
    cloud = words.cloud if "Cloud" in facets["deployments"] else ""
    return {
        "summary": words.summary.format(name=name, purpose=main.purpose)[:300],
        "description": description,
        "data_protection_notes": f"{main.data_protection}{cloud}{words.space}{words.demo_text}",
        "human_rights_notes": f"{main.human_rights}{words.space}{words.demo_text}",
    }


def texts(name: str, maturity: str, facets: dict[str, list[str]]) -> dict[str, dict[str, str]]:
    """A demo tool's four texts in the six languages: `{field: {language: text}}`."""
    by_field: dict[str, dict[str, str]] = {
        field: {"en": text} for field, text in demo_content.texts(name, maturity, facets).items()
    }
    for language in LANGUAGE_ORDER:
        for field, text in texts_in(language, name, maturity, facets).items():
            by_field[field][language] = text
    return by_field
