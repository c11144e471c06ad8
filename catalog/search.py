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


def _terms_column(language: str) -> str:
    """The column of `_terms_sql` that holds a tool's term names in `language`, one text."""
    return f"terms.{build_localized_fieldname('names', language)}"


def _terms_sql(filtered: bool) -> str:
    """Each tool's terms, in one pass over every link table: a row per tool (`terms.id`), with
    its term names in each language, space-separated in `Tool.FACETS` order (empty when it has
    none), and its `facet_terms`. `filtered`: only the tools whose ids are the parameter `tools`
    (in every link table too: the planner does not push the tools' ids into a union)."""
    links = []
    for number, (_param, field_name, _label) in enumerate(Tool.FACETS):
        field = Tool.facet_link(field_name)
        term_table = Tool.term_model(field_name)._meta.db_table
        names = ", ".join(
            f"term.{_column('name', language)} AS {build_localized_fieldname('name', language)}"
            for language in SEARCH_CONFIGS
        )
        # S608: the table and column names come from the models, never from input.
        links.append(
            f"SELECT link.{field.m2m_column_name()} AS tool_id,"  # noqa: S608
            f" {facet_term_sql(number, 'term.id')} AS facet_term, {names}"
            f" FROM {field.m2m_db_table()} link"
            f" JOIN {term_table} term ON term.id = link.{field.m2m_reverse_name()}"
            f"{f' WHERE link.{field.m2m_column_name()} = ANY(%(tools)s)' if filtered else ''}"
        )
    names = ", ".join(
        f"coalesce(string_agg(link.{build_localized_fieldname('name', language)}, ' '"
        f" ORDER BY link.facet_term), '') AS {build_localized_fieldname('names', language)}"
        for language in SEARCH_CONFIGS
    )
    return (
        f"SELECT tool.id, {names}, coalesce(array_agg(link.facet_term ORDER BY"  # noqa: S608
        " link.facet_term) FILTER (WHERE link.facet_term IS NOT NULL), '{}') AS facet_terms"
        f" FROM catalog_tool tool LEFT JOIN ({' UNION ALL '.join(links)}) link"
        f" ON link.tool_id = tool.id{' WHERE tool.id = ANY(%(tools)s)' if filtered else ''}"
        " GROUP BY tool.id"
    )


@cache
def _vector_sql(filtered: bool) -> str:
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
            f" || setweight(to_tsvector({regconfig}, {_terms_column(language)}), 'C')"
        )
    zh = "zh-hans"
    zh_text = (
        f"concat_ws(' ', {_column('summary', zh)}, {_column('description', zh)},"
        f" nullif({_terms_column(zh)}, ''))"
    )
    # The terms are aggregated once for all the tools updated (a hash join when they are many),
    # not looked up per tool and language: 56 subqueries a tool made 100,000 tools take minutes.
    return f"""
        UPDATE catalog_tool SET search_vector =
            setweight(to_tsvector({english}, coalesce(name, '')), 'A')
            || {" || ".join(translated)},
        search_text_zh = btrim({zh_text}),
        facet_terms = terms.facet_terms
        FROM ({_terms_sql(filtered)}) terms
        WHERE terms.id = catalog_tool.id
    """  # noqa: S608


def refresh_search_vector(tool_ids: Iterable[int] | None = None) -> None:
    """Rebuild the search vector and facet terms of the tools `tool_ids`, or of every tool."""
    if connection.vendor != "postgresql":
        return
    sql, params = _vector_sql(filtered=False), None
    if tool_ids is not None:
        tool_ids = [pk for pk in tool_ids if pk is not None]
        if not tool_ids:
            return
        sql, params = _vector_sql(filtered=True), {"tools": tool_ids}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
