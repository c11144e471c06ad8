"""PostgreSQL full-text search and facet terms for the catalogue, stored on each tool.

`search_vector` combines the tool's name (weight A), summary and provider (B), description and
taxonomy terms (C); `facet_terms` holds every term of the tool, each as one number (see
`facet_term`). Both are rebuilt in SQL by one statement, for any number of tools, whenever a
tool, its provider, one of its terms or its term links change (the receivers are in
`catalog.signals`; bulk loads call `refresh_search_vector` themselves). Elsewhere (SQLite) search
falls back to substring matching, the facet counts read the link tables, and this does nothing.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from django.db import connection

from catalog.models import Tool
from catalog.querysets import SEARCH_CONFIG, facet_term, facet_term_sql

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["SEARCH_CONFIG", "facet_term", "refresh_search_vector"]


@cache
def _vector_sql() -> str:
    terms, facet_terms = [], []
    for number, (_param, field_name, _label) in enumerate(Tool.FACETS):
        field = Tool.facet_link(field_name)
        through = field.m2m_db_table()
        term_table = Tool.term_model(field_name)._meta.db_table
        # S608: the table and column names come from the models, never from input.
        terms.append(
            f"coalesce((SELECT string_agg(term.name, ' ') FROM {term_table} term"  # noqa: S608
            f" JOIN {through} link ON link.{field.m2m_reverse_name()} = term.id"
            f" WHERE link.{field.m2m_column_name()} = catalog_tool.id), '')"
        )
        facet_terms.append(
            f"SELECT {facet_term_sql(number, 'link.' + field.m2m_reverse_name())}"  # noqa: S608
            f" FROM {through} link WHERE link.{field.m2m_column_name()} = catalog_tool.id"
        )
    config = f"'{SEARCH_CONFIG}'::regconfig"
    taxonomy = " || ' ' || ".join(terms)
    return f"""
        UPDATE catalog_tool SET search_vector =
            setweight(to_tsvector({config}, coalesce(name, '')), 'A')
            || setweight(to_tsvector({config}, coalesce(summary, '')), 'B')
            || setweight(to_tsvector({config}, coalesce((
                SELECT provider.name FROM catalog_provider provider
                WHERE provider.id = catalog_tool.provider_id), '')), 'B')
            || setweight(to_tsvector({config}, coalesce(description, '')), 'C')
            || setweight(to_tsvector({config}, {taxonomy}), 'C'),
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
