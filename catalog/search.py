"""PostgreSQL full-text search and facet terms for the catalogue, stored on each tool.

`search_vector` combines the tool's name (weight A), summary and provider (B), description and
taxonomy terms (C): the summary, description and terms in every content language, each stemmed
by its own text search configuration (`SEARCH_CONFIGS`). `search_text_zh` holds the Chinese
text for substring search (Chinese has no spaces, PostgreSQL no Chinese parser). `facet_terms`
holds every term of the tool, each as one number (see `facet_term`). All three are rebuilt in
SQL by one statement, for any number of tools, whenever a tool, its provider, one of its terms
or its term links change (the receivers are in `catalog.signals`; bulk loads call
`refresh_search_vector` themselves). Elsewhere (SQLite) search falls back to substring
matching, the facet counts read the link tables, and this does nothing.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from django.db import connection
from modeltranslation.utils import build_localized_fieldname

from catalog.models import Tool
from catalog.querysets import SEARCH_CONFIG, SEARCH_CONFIGS, facet_term, facet_term_sql

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["SEARCH_CONFIG", "facet_term", "refresh_search_vector"]


# The provider's name, one text in every language: stemmed in English.
_PROVIDER = (
    f"setweight(to_tsvector('{SEARCH_CONFIG}'::regconfig, coalesce(("  # noqa: S608 (a name from the code)
    "SELECT provider.name FROM catalog_provider provider"
    " WHERE provider.id = catalog_tool.provider_id), '')), 'B')"
)


def _column(field: str, language: str) -> str:
    """A translated field's column for `language`; English is the original column."""
    return field if language == "en" else build_localized_fieldname(field, language)


def _terms_sql(language: str) -> str:
    """Every term name of the tool in `language`, one text (empty when none)."""
    terms = []
    for _param, field_name, _label in Tool.FACETS:
        field = Tool.facet_link(field_name)
        through = field.m2m_db_table()
        term_table = Tool.term_model(field_name)._meta.db_table
        name = _column("name", language)
        # S608: the table and column names come from the models, never from input.
        terms.append(
            f"coalesce((SELECT string_agg(term.{name}, ' ') FROM {term_table} term"  # noqa: S608
            f" JOIN {through} link ON link.{field.m2m_reverse_name()} = term.id"
            f" WHERE link.{field.m2m_column_name()} = catalog_tool.id), '')"
        )
    return " || ' ' || ".join(terms)


@cache
def _vector_sql() -> str:
    facet_terms = []
    for number, (_param, field_name, _label) in enumerate(Tool.FACETS):
        field = Tool.facet_link(field_name)
        through = field.m2m_db_table()
        facet_terms.append(
            f"SELECT {facet_term_sql(number, 'link.' + field.m2m_reverse_name())}"  # noqa: S608
            f" FROM {through} link WHERE link.{field.m2m_column_name()} = catalog_tool.id"
        )
    english = f"'{SEARCH_CONFIG}'::regconfig"
    # Every language's summary, description and term names, each stemmed by its own
    # configuration; the name and the provider (one text in every language) in English.
    translated = []
    for language, config in SEARCH_CONFIGS.items():
        regconfig = f"'{config}'::regconfig"
        summary, description = _column("summary", language), _column("description", language)
        # The provider between the summary and the description, as before languages: so that
        # the words of the end of one field and the start of the next make no phrase.
        provider = f" || {_PROVIDER}" if language == "en" else ""
        translated.append(
            f"setweight(to_tsvector({regconfig}, coalesce({summary}, '')), 'B'){provider}"
            f" || setweight(to_tsvector({regconfig}, coalesce({description}, '')), 'C')"
            f" || setweight(to_tsvector({regconfig}, {_terms_sql(language)}), 'C')"
        )
    zh = "zh-hans"
    zh_text = (
        f"concat_ws(' ', {_column('summary', zh)}, {_column('description', zh)},"
        f" nullif({_terms_sql(zh)}, ''))"
    )
    return f"""
        UPDATE catalog_tool SET search_vector =
            setweight(to_tsvector({english}, coalesce(name, '')), 'A')
            || {" || ".join(translated)},
        search_text_zh = btrim({zh_text}),
        facet_terms = ARRAY({" UNION ALL ".join(facet_terms)})
    """  # noqa: S608


def refresh_search_vector(tool_ids: Iterable[int] | None = None) -> None:
    """Rebuild the search vector and facet terms of the tools `tool_ids`, or of every tool."""
    if connection.vendor != "postgresql":
        return
    sql, params = _vector_sql(), []
    if tool_ids is not None:
        tool_ids = [pk for pk in tool_ids if pk is not None]
        if not tool_ids:
            return
        sql += " WHERE id = ANY(%s)"
        params = [tool_ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
