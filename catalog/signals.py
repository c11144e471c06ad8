"""What keeps the catalogue's derived data right: every receiver, connected in `apps.py`.

Two things follow curation, both in the change's own transaction:

- each tool's `search_vector` and `facet_terms` (`catalog.search.refresh_search_vector`): when the
  tool is saved, when its term links change, and when one of its terms or its provider is
  renamed or deleted;
- the catalogue version (`catalog.caching.bump`), which makes every cached search, page and
  facet count unreachable: on any change to a tool, its links, a term or a provider.

Bulk loads (`catalog.demo`) send no signals and call both themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from catalog import caching
from catalog.models import Provider, Tool
from catalog.search import refresh_search_vector

if TYPE_CHECKING:
    from django.db.models import Model

_LINK_ACTIONS = frozenset({"post_add", "post_remove", "post_clear"})
_AFFECTED = "_catalog_affected_tools"  # set on a term or provider about to be deleted


def tool_saved(sender: type, instance: Tool, **_kwargs: Any) -> None:
    refresh_search_vector([instance.pk])
    caching.bump()


def links_changed(
    sender: type, instance: Any, action: str, reverse: bool, pk_set: set | None, **_kwargs: Any
) -> None:
    if action not in _LINK_ACTIONS:
        return
    if not reverse:
        refresh_search_vector([instance.pk])
    elif pk_set:
        refresh_search_vector(pk_set)
    else:  # a term lost all its tools, and which ones is no longer known: rare, rebuild all
        refresh_search_vector()
    caching.bump()


def described_by_saved(sender: type, instance: Any, created: bool, **_kwargs: Any) -> None:
    """A term or a provider saved: its tools' text (a new name) must follow."""
    if not created:
        refresh_search_vector(instance.tools.values_list("pk", flat=True))
    caching.bump()


def described_by_deleting(sender: type, instance: Any, **_kwargs: Any) -> None:
    """Before a term goes, remember its tools: the links are deleted with it, without signals."""
    setattr(instance, _AFFECTED, list(instance.tools.values_list("pk", flat=True)))


def described_by_deleted(sender: type, instance: Any, **_kwargs: Any) -> None:
    refresh_search_vector(getattr(instance, _AFFECTED, None) or [])
    caching.bump()


def catalogue_changed(**_kwargs: Any) -> None:
    caching.bump()


def connect() -> None:
    post_save.connect(tool_saved, sender=Tool, dispatch_uid="catalog-tool-saved")
    post_delete.connect(catalogue_changed, sender=Tool, dispatch_uid="catalog-tool-deleted")
    described_by: list[tuple[type[Model], str]] = [(Provider, "provider")]
    for _param, field_name, _label in Tool.FACETS:
        m2m_changed.connect(
            links_changed,
            sender=Tool.facet_link(field_name).remote_field.through,
            dispatch_uid=f"catalog-{field_name}",
        )
        described_by.append((Tool.term_model(field_name), field_name))
    for model, uid in described_by:
        post_save.connect(described_by_saved, sender=model, dispatch_uid=f"catalog-{uid}-saved")
        pre_delete.connect(
            described_by_deleting, sender=model, dispatch_uid=f"catalog-{uid}-deleting"
        )
        post_delete.connect(
            described_by_deleted, sender=model, dispatch_uid=f"catalog-{uid}-deleted"
        )
