"""What the catalogue caches, and how curation makes it forget.

Five things are cached, all the same for every member (members see the published tools):

- the taxonomy: every term of every facet (id, slug, name), read in one query, per language
  (and kept in each process for its version: `taxonomy`);
- the facet counts and the number of matching tools of one search (text, facets, maturity);
- the facet panels' HTML of one search, per language;
- the tools one page of a search lists, in order (their ids), per sort and page number;
- that page's HTML, per language and per set of bookmarked tools among it (the only part of a
  member's own: `catalog.views.index` reads their bookmarks on every request).

All are keyed by `CatalogueVersion.version`, one row read by primary key on each catalogue
request. Any change that could alter them bumps it in the change's own transaction: saving or
deleting a tool, a term or a provider, adding or removing a tool's terms (`catalog.signals`), and
a tool's rating changing when a review is published (`Tool.refresh_rating`); bulk loads call
`bump()` themselves. A bumped version makes every older entry unreachable at once in every
worker; the entries expire on their own after `TIMEOUT`.
"""

from __future__ import annotations

import hashlib
import time
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from catalog.models import CatalogueVersion, Tool

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

TIMEOUT = 60 * 60  # seconds; the version, not the timeout, is what keeps entries correct
PREFIX = "catalog"

Taxonomy = dict[str, list[tuple[int, str, str]]]  # facet parameter → [(id, slug, name)], by name


def version() -> str:
    return CatalogueVersion.current()


def bump() -> None:
    """A new catalogue version, in the current transaction."""
    CatalogueVersion.bump()


def _key(*parts: str) -> str:
    return ":".join((PREFIX, *parts))


def key(name: str, catalogue_version: str, *parts: str) -> str:
    """The cache key of entry `name` with `parts` for this catalogue version."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32] if parts else "-"
    return _key(name, catalogue_version, digest)


def read(entry_key: str) -> Any:
    """The entry under `entry_key` (from `key`), or None."""
    return cache.get(entry_key)


def get_many(keys: Iterable[str]) -> dict[str, Any]:
    """{key: entry} for those of `keys` (from `key`) that the cache holds: one round trip."""
    return cache.get_many(list(keys))


def put_many(entries: dict[str, Any]) -> None:
    """Keep every entry of {key (from `key`): value}: one round trip."""
    if entries:
        cache.set_many(entries, TIMEOUT)


def cached(name: str, catalogue_version: str, compute: Callable[[], Any], *parts: str) -> Any:
    """`compute()`, kept under `name` and `parts` for this catalogue version."""
    entry_key = key(name, catalogue_version, *parts)
    value = read(entry_key)
    if value is None:
        value = compute()
        cache.set(entry_key, value, TIMEOUT)
    return value


def load_taxonomy(language: str) -> Taxonomy:
    """Every term of every facet, named in `language` (else in English), in one query."""
    name = term_name(language)
    parts = []
    for parameter, field, _label in Tool.FACETS:
        parts.append(
            Tool.term_model(field)
            ._default_manager.order_by()
            .annotate(facet=Value(parameter), shown=name)
            .values_list("facet", "pk", "slug", "shown")
        )
    taxonomy: Taxonomy = {parameter: [] for parameter, _f, _l in Tool.FACETS}
    for parameter, pk, slug, shown in parts[0].union(*parts[1:], all=True):
        taxonomy[parameter].append((pk, slug, shown))
    for terms in taxonomy.values():
        terms.sort(key=lambda term: term[2].casefold())
    return taxonomy


def term_name(language: str) -> Coalesce:
    """A term's name in `language` where a curator gave one, else the original (English)."""
    if language not in dict(settings.LANGUAGES):
        return Coalesce(F("name"), Value(""))
    return Coalesce(NullIf(F(build_localized_fieldname("name", language)), Value("")), F("name"))


# The taxonomies of one catalogue version, per language, as this process last read them, with
# when each stops being used: every catalogue request needs one, and under one version it never
# changes. Held no longer than the cache holds it, so that a change that bypassed the version
# (a queryset `update()` in a shell) heals here as soon as it does there.
_taxonomies: dict[tuple[str, str], tuple[float, Taxonomy]] = {}


def taxonomy(catalogue_version: str, language: str | None = None) -> Taxonomy:
    """The taxonomy of this catalogue version in `language` (else the active language).

    Kept in the process as well as in the cache (for as long as the version stays, `TIMEOUT`
    at most), so that a catalogue request asks the cache nothing for it; callers must not
    change it.
    """
    language = language or get_language() or settings.LANGUAGE_CODE
    held = _taxonomies.get((catalogue_version, language))
    if held is not None and held[0] > time.monotonic():
        return held[1]
    found = cached("taxonomy", catalogue_version, lambda: load_taxonomy(language), language)
    # Only the latest version's: a curation step drops the rest. (A copy of the keys: a
    # threaded worker may add one meanwhile.)
    for key in [key for key in list(_taxonomies) if key[0] != catalogue_version]:
        _taxonomies.pop(key, None)
    _taxonomies[(catalogue_version, language)] = (time.monotonic() + TIMEOUT, found)
    return found
