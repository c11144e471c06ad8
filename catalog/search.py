"""PostgreSQL full-text search for the catalogue: the stored, weighted `search_vector`.

The vector combines the tool's name (weight A), summary and provider (B), description and
taxonomy terms (C). It is rebuilt in SQL, one statement for any number of tools, whenever a tool,
its provider, one of its terms or its term links change. Elsewhere (SQLite) search falls back
to substring matching and these functions do nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models.signals import m2m_changed, post_save

SEARCH_CONFIG = "english"


def _vector_sql() -> str:
    from catalog.models import Tool

    terms = []
    for _param, field_name, _label in Tool.FACETS:
        field = Tool._meta.get_field(field_name)
        through = field.remote_field.through._meta.db_table
        term_table = field.related_model._meta.db_table
        # S608: the table and column names come from the models, never from input.
        terms.append(
            f"coalesce((SELECT string_agg(term.name, ' ') FROM {term_table} term"  # noqa: S608
            f" JOIN {through} link ON link.{field.m2m_reverse_name()} = term.id"
            f" WHERE link.{field.m2m_column_name()} = catalog_tool.id), '')"
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
            || setweight(to_tsvector({config}, {taxonomy}), 'C')
    """  # noqa: S608


def refresh_search_vector(tool_ids: Iterable[int] | None = None) -> None:
    """Rebuild the search vector of the tools `tool_ids`, or of every tool when None."""
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


def _tool_links_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    if not reverse:
        refresh_search_vector([instance.pk])
    elif pk_set:
        refresh_search_vector(pk_set)
    else:  # a term lost all its tools, and which ones is no longer known: rare, rebuild all
        refresh_search_vector()


def _term_saved(sender, instance, created, **kwargs) -> None:
    if not created:
        refresh_search_vector(instance.tools.values_list("pk", flat=True))


def connect_signals() -> None:
    from catalog.models import Provider, Tool

    for _param, field_name, _label in Tool.FACETS:
        field = Tool._meta.get_field(field_name)
        m2m_changed.connect(
            _tool_links_changed, sender=field.remote_field.through, dispatch_uid=field_name
        )
        post_save.connect(_term_saved, sender=field.related_model, dispatch_uid=field_name)
    post_save.connect(_term_saved, sender=Provider, dispatch_uid="provider")
