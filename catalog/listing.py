"""The catalogue page (`/catalog/`): one owner for its filter, its cache entries and its panels.

A request reads the catalogue version (one row), then asks the cache, under that version, for:

- the taxonomy (every facet's terms, named in the reader's language), which checks the chosen
  terms without a query; each process holds its version's too, and asks only once per version
  (`caching.taxonomy`);
- the facet counts and the number of matching tools of this search (`facets`), and the facet
  panels' HTML in the reader's language (`panels`), both in one round trip;
- which tools this page of this search lists, in order (`page`: their ids);
- that page's HTML (`results`), per language and per set of the member's bookmarks among it.

What it had to build it writes back at the end, in one round trip (`context`).

All are the same for every member (members see `Tool.visible_to`, the published tools); the
member's own part, their bookmarks among the page's tools, is read on every request. A search
no cache has seen costs one statement on PostgreSQL for its counts, its total and its page's
ids (`ToolQuerySet.counts_and_page`), then the page's tools by id (their short fields only, with
their capabilities as numbers: `carried_terms` names them from the taxonomy in the reader's
language); the cache is not asked for that search's page or HTML (written with its counts,
they are seldom kept without them). Curation moves the version on (`catalog.signals`), which
makes every entry unreachable at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.paginator import Page, Paginator
from django.db import connection
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from catalog import caching
from catalog.filters import ToolFilter
from catalog.forms import SavedSearchForm
from catalog.models import Bookmark, Tool
from catalog.querysets import carried_terms

if TYPE_CHECKING:
    from collections.abc import Iterable

    from accounts.http import MemberRequest

PAGE_SIZE = 20
# Beyond this page the counts' statement fetches no page (the paginator will show the last one).
_FARTHEST_PAGE = 10_000


def _requested_page(raw: str | None) -> int:
    """The page number asked for, as the paginator reads it when it is in range."""
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    return max(number, 1)


class Listing:
    """One request's view of the catalogue: build it, then `context()` for the template."""

    def __init__(self, request: MemberRequest) -> None:
        self.request = request
        self.user = request.user
        self.version = caching.version()
        self.taxonomy = caching.taxonomy(self.version)  # in the reader's language
        self.capabilities = self.taxonomy["capability"]  # the terms each listed tool shows
        self.filterset = ToolFilter(
            request.GET, queryset=Tool.objects.visible_to(self.user), taxonomy=self.taxonomy
        )
        self.search_key = self.filterset.cache_key()  # the text and the filters, canonical
        self._fresh_page: tuple[int, list[int]] | None = None  # from the counts' statement
        self._new_search = False  # no cache held this search's counts: nor anything else of it
        self._writes: dict[str, Any] = {}  # cache key → what this request built, for `context`
        self._keys = {
            "facets": caching.key("facets", self.version, self.search_key),
            "panels": caching.key("panels", self.version, self.search_key, get_language() or ""),
        }
        self._found = caching.get_many(self._keys.values())
        self.counts, self.total = self._counts()

    # --- What the cache holds per search --------------------------------------------------

    def _cached(self, entry: str) -> Any:
        """What the cache held for `entry` (`_keys`) when the request began, or None."""
        return self._found.get(self._keys[entry])

    def _keep(self, key: str, value: Any) -> Any:
        """`value`, written to the cache under `key` at the end of the request."""
        self._writes[key] = value
        return value

    def _counts(self) -> tuple[dict[tuple[str, int], int], int]:
        """({(facet parameter, term id): tools}, tools matching every filter), fetched once."""
        value = self._cached("facets")
        if value is not None:
            return value
        self._new_search = True
        if connection.vendor == "postgresql":
            # A new search: its page comes with its counts, from the same pass.
            number = _requested_page(self.request.GET.get("page"))
            near = number <= _FARTHEST_PAGE
            counts, total, ids = self.filterset.counts_and_page(
                offset=(number - 1) * PAGE_SIZE if near else 0, limit=PAGE_SIZE if near else 0
            )
            if near:
                self._fresh_page = (number, ids)
        else:
            counts, total = self.filterset.counts()
        return self._keep(self._keys["facets"], (counts, total))

    def facets(self) -> dict[str, list[dict]]:
        """Every term of every facet with the number of tools it would give."""
        facets: dict[str, list[dict]] = {}
        for parameter, _field, _label in Tool.FACETS:
            selected = set(self.filterset.form.cleaned_data.get(parameter) or ())
            facets[parameter] = [
                {
                    "slug": slug,
                    "name": name,
                    "count": self.counts.get((parameter, pk), 0),
                    "selected": slug in selected,
                }
                for pk, slug, name in self.taxonomy[parameter]
            ]
        return facets

    def page(self) -> tuple[Page, Iterable[Tool], str]:
        """This page of the search, the tools it lists (read lazily when cached), its HTML.

        Which tools a page lists, and how they read, are the same for every member: both are
        cached under the catalogue version. The member's bookmarks among these tools are read
        every time and are part of the HTML's key.
        """
        # The paginator only numbers the pages: the total was counted with the facets, and
        # which tools a page lists comes from the counts' statement, the cache or `_listed`.
        paginator: Paginator[Tool] = Paginator((), PAGE_SIZE)
        paginator.count = self.total
        page = paginator.get_page(self.request.GET.get("page"))
        search = f"{self.search_key}&sort={self.filterset.sort_key}&page={page.number}"
        page_key = caching.key("page", self.version, search)
        ids = None if self._new_search else caching.read(page_key)
        tools: Iterable[Tool]
        if ids is None:
            if self._fresh_page and self._fresh_page[0] == page.number:
                tools = self._by_id(self._fresh_page[1])
            else:
                offset = (page.number - 1) * PAGE_SIZE
                tools = list(self._listed()[offset : offset + PAGE_SIZE])
            ids = [tool.pk for tool in tools]
            # `is_bookmarked` is annotated by `ToolQuerySet.for_listing`, which the stubs
            # cannot follow through a custom queryset method.
            bookmarked = [tool.pk for tool in tools if tool.is_bookmarked]  # type: ignore[attr-defined]
            self._keep(page_key, ids)
        else:
            own = Bookmark.objects.owned_by(self.user).filter(tool__in=ids).order_by("tool_id")
            bookmarked = list(own.values_list("tool_id", flat=True)) if ids else []
            cached_ids = ids
            tools = SimpleLazyObject(lambda: self._by_id(cached_ids))
        page.object_list = tools
        results_key = caching.key(
            "results",
            self.version,
            search,
            get_language() or "",
            ",".join(map(str, sorted(bookmarked))),
        )
        html = None if self._new_search else caching.read(results_key)
        if html is None:
            html = self._keep(
                results_key,
                render_to_string(
                    "catalog/includes/results.html",
                    {"rows": self._rows(tools), "page": page, "bookmarked": set(bookmarked)},
                ),
            )
        return page, tools, html

    def panels(self, facets: dict[str, list[dict]]) -> str:
        """The facet panels' HTML (every facet's terms with their counts; maturity)."""
        html = self._cached("panels")
        if html is None:
            chosen = self.filterset.form.cleaned_data.get("maturity") or ()
            html = self._keep(
                self._keys["panels"],
                render_to_string(
                    "catalog/includes/facet_panels.html",
                    {
                        "facet_panels": [
                            (
                                parameter,
                                label,
                                facets[parameter],
                                # The first three facets open, and any other with a term chosen.
                                number < 3 or any(term["selected"] for term in facets[parameter]),
                            )
                            for number, (parameter, _field, label) in enumerate(Tool.FACETS)
                        ],
                        "maturity_choices": [
                            (value, label, value in chosen)
                            for value, label in Tool.Maturity.choices
                        ],
                    },
                ),
            )
        return html

    def _rows(self, tools: Iterable[Tool]) -> list[tuple[Tool, list[str]]]:
        """Each tool with its capabilities' names, from the taxonomy (the reader's language)."""
        tools = list(tools)
        carried = carried_terms(tools, "capabilities")
        return [
            (
                tool,
                [name for pk, _slug, name in self.capabilities if pk in carried.get(tool.pk, ())],
            )
            for tool in tools
        ]

    def _listed(self) -> Any:
        """The search's tools as a list shows them, in the chosen order (a lazy queryset)."""
        return self.filterset.qs.for_listing(self.user)

    def _by_id(self, ids: list[int]) -> list[Tool]:
        """The tools with these ids (found by the search already), in this order."""
        return Tool.objects.visible_to(self.user).for_listing(self.user).in_order(ids)

    # --- The template's context -------------------------------------------------------------

    def ignored_filters(self) -> list[str]:
        """The labels of the filters whose values were not recognised (and are ignored)."""
        return [str(self.filterset.filters[name].label) for name in self.filterset.errors]

    def context(self) -> dict[str, Any]:
        """The template's context; what this request built goes to the cache, in one write."""
        page, tools, results = self.page()
        facets = self.facets()
        panels = self.panels(facets)
        caching.put_many(self._writes)
        self._writes = {}
        filterset = self.filterset
        return {
            "filterset": filterset,
            "page": page,
            "tools": tools,  # read only on a cache miss (and by tests)
            "results": results,
            "count": self.total,
            "facets": [
                (parameter, label, facets[parameter]) for parameter, _field, label in Tool.FACETS
            ],
            "facet_panels": panels,
            "sort": filterset.sort_key,
            "query": filterset.search_terms,
            "saved_search_form": SavedSearchForm(
                user=self.user, initial={"query_string": filterset.cleaned_query()}
            ),
        }
