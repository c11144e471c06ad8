"""The catalogue's queries: what a member may see, and how tools are searched and counted.

This module imports no other part of the catalogue (the models import it): what it needs of the
models it reads from `self.model`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, models
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Value, When
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterable

    from django.contrib.auth.models import AnonymousUser

    from accounts.models import User

# The SQLite fallback's bounds (see `ToolQuerySet.fallback_words`).
FALLBACK_MIN_WORD = 2
FALLBACK_MAX_WORDS = 4
SEARCH_CONFIG = "english"  # PostgreSQL's text search configuration for English, the default
# Each content language's text search configuration (PostgreSQL ships these stemmers). Chinese
# has none, nor spaces between words: `simple` for its Latin words, and a substring match on
# `Tool.search_text_zh` (a trigram index) for the rest (`SUBSTRING_LANGUAGES`).
SEARCH_CONFIGS = {
    "en": "english",
    "fr": "french",
    "ru": "russian",
    "es": "spanish",
    "ar": "arabic",
    "zh-hans": "simple",
}
SUBSTRING_LANGUAGES = frozenset({"zh-hans"})
_FACET_SHIFT = 32  # `Tool.facet_terms`: (facet number << 32) | term id
_TERM_MASK = (1 << _FACET_SHIFT) - 1
# What a catalogue list never shows: read only on the tool's own page, or by the search in SQL.
# (A list names each tool's capabilities from its `facet_terms`, on PostgreSQL: `carried_terms`.)
LIST_DEFERRED = ("search_vector", "search_text_zh", "website", "published_at")
LIST_TRANSLATED_DEFERRED = ("description", "data_protection_notes", "human_rights_notes")


# The orders of a list of tools, in SQL over the columns `counts_and_page` reads; each ends in
# the id, so that pages never overlap. Relevance: an exact name, then the weighted rank.
LIST_ORDER = {
    "relevance": "hit.relevance DESC NULLS LAST, hit.name, hit.id",
    "name": "hit.name, hit.id",
    "verified": "hit.last_verified DESC NULLS LAST, hit.name, hit.id",
    "rating": "hit.rating_average DESC NULLS LAST, hit.rating_count DESC, hit.name, hit.id",
}


def facet_term(number: int, term_id: int) -> int:
    """The number `Tool.facet_terms` holds for term `term_id` of facet `number` (in
    `Tool.FACETS` order)."""
    return (int(number) << _FACET_SHIFT) | int(term_id)


def carried_terms(tools: Iterable[Any], facet: str) -> dict[int, set[int]]:
    """{tool id: ids of its terms of `facet` (an M2M field name)} for `tools`, as a list reads
    them (`ToolQuerySet.for_listing`): on PostgreSQL from each tool's `facet_terms`, without a
    query; elsewhere, where that column is not filled, from the link table (`term_ids`)."""
    tools = list(tools)
    if not tools:
        return {}
    model = type(tools[0])
    if connection.vendor != "postgresql":
        return model.objects.filter(pk__in=[tool.pk for tool in tools]).term_ids(facet)
    number = [field for _p, field, _l in model.FACETS].index(facet)
    return {
        tool.pk: {
            term & _TERM_MASK for term in tool.facet_terms or () if term >> _FACET_SHIFT == number
        }
        for tool in tools
    }


def facet_term_sql(number: int, column: str) -> str:
    """The SQL that computes `facet_term` from a term id column (a name from the models)."""
    return f"(({int(number)}::bigint << {_FACET_SHIFT}) | {column})"


def reader_language(language: str | None = None) -> str:
    """The content language a search reads in: `language`, else the active one; else English."""
    code = (language or translation.get_language() or "en").lower()
    if code in SEARCH_CONFIGS:
        return code
    return code.split("-")[0] if code.split("-")[0] in SEARCH_CONFIGS else "en"


def search_configs(language: str) -> list[str]:
    """The text search configurations a reader's query is parsed with: theirs, and English
    (most content is English)."""
    return list(dict.fromkeys([SEARCH_CONFIGS[language], SEARCH_CONFIG]))


def tsquery_sql(language: str, text: str) -> tuple[str, list[str]]:
    """The reader's query as SQL (a tsquery: any of `search_configs`' parses) and its params."""
    configs = search_configs(language)
    sql = " || ".join("websearch_to_tsquery(%s::regconfig, %s)" for _config in configs)
    return f"({sql})", [part for config in configs for part in (config, text)]


def verification_cutoff(today: datetime.date) -> datetime.date:
    """The day twelve months before `today`: a tool last verified before it is overdue."""
    if today.month == 2 and today.day == 29:
        return today.replace(year=today.year - 1, day=28)
    return today.replace(year=today.year - 1)


class ToolQuerySet(models.QuerySet):
    def published(self) -> ToolQuerySet:
        return self.filter(status=self.model.Status.PUBLISHED)

    def due_for_review(self, today: datetime.date) -> ToolQuerySet:
        """Published tools not verified for twelve months (or never)."""
        cutoff = verification_cutoff(today)
        return self.published().filter(Q(last_verified__lt=cutoff) | Q(last_verified__isnull=True))

    def visible_to(self, user: User | AnonymousUser) -> ToolQuerySet:
        """Members see published tools only; drafts live in the admin."""
        return self.published()

    def search(self, query: str, language: str | None = None) -> ToolQuerySet:
        """Tools matching `query` for a reader of `language` (else the active language),
        annotated with `relevance` (higher is better).

        PostgreSQL uses the stored, weighted `search_vector`, which holds every language's text
        stemmed by its own configuration; the query is parsed in the reader's configuration and
        in English. A Chinese reader's query also matches any substring of the Chinese text.
        Elsewhere every word must appear in the name, summary, description, provider or a
        taxonomy term, in English or in the reader's language.
        """
        language = reader_language(language)
        query = " ".join(query.split())
        if not query:
            return self.annotate(relevance=Value(0.0, output_field=models.FloatField()))
        exact = Case(
            When(name__iexact=query, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
        if connection.vendor == "postgresql":
            # websearch syntax: "quoted phrases", `or`, and -word for "without".
            configs = search_configs(language)
            search_query = SearchQuery(query, search_type="websearch", config=configs[0])
            for config in configs[1:]:
                search_query |= SearchQuery(query, search_type="websearch", config=config)
            matches = Q(search_vector=search_query) | Q(name__iexact=query)
            relevance = exact + SearchRank(F("search_vector"), search_query, normalization=32)
            if language in SUBSTRING_LANGUAGES:
                matches |= Q(search_text_zh__contains=query)
                relevance += Case(
                    When(search_text_zh__contains=query, then=Value(0.5)),
                    default=Value(0.0),
                    output_field=models.FloatField(),
                )
            # An exact name match outranks any weighted score (those stay below 1).
            return self.filter(matches).annotate(relevance=relevance)
        words = self.fallback_words(query, language)
        matches = Q(name__iexact=query)
        if words:
            every_word = Q()
            for word in words:
                every_word &= self.matching_word(word, language)
            matches |= every_word
        return self.filter(matches).annotate(
            relevance=exact * 4
            + Case(When(name__icontains=query, then=Value(2)), default=Value(0))
            + Case(When(summary__icontains=query, then=Value(1)), default=Value(0))
        )

    @staticmethod
    def fallback_words(query: str, language: str = "en") -> list[str]:
        """The words the fallback looks for: distinct, long enough to mean something, and few.

        Each word costs a scan of the catalogue's text, so that a one-letter query or a pasted
        paragraph cannot become a denial of service: words shorter than `FALLBACK_MIN_WORD`
        are dropped (PostgreSQL's dictionary drops them too), and only the first
        `FALLBACK_MAX_WORDS` count.
        """
        words: dict[str, str] = {}
        if language in SUBSTRING_LANGUAGES and len(query) >= FALLBACK_MIN_WORD:
            # No spaces between Chinese words: the query is one substring, or several.
            words.setdefault(query.casefold(), query)
        for word in query.split():
            if len(word) >= FALLBACK_MIN_WORD:
                words.setdefault(word.casefold(), word)
        return list(words.values())[:FALLBACK_MAX_WORDS]

    def matching_word(self, word: str, language: str = "en") -> Q:
        """The fallback's match for one word (SQLite): any text field or term name contains it,
        in English (the original columns) or in the reader's `language`.

        Providers and terms are looked up in their own small tables and matched by id, never
        joined: a join per facet would multiply each tool's rows by its terms of every facet.
        """
        provider = self.model._meta.get_field("provider").related_model
        own = [] if language == "en" else [build_localized_fieldname("", language)]
        condition = Q(name__icontains=word) | Q(
            provider__in=provider.objects.filter(name__icontains=word).values("pk")
        )
        for suffix in ["", *own]:
            condition |= Q(**{f"summary{suffix}__icontains": word}) | Q(
                **{f"description{suffix}__icontains": word}
            )
        for _param, field, _label in self.model.FACETS:
            m2m = self.model.facet_link(field)
            term_names = Q()
            for suffix in ["", *own]:
                term_names |= Q(**{f"name{suffix}__icontains": word})
            terms = self.model.term_model(field)._default_manager.filter(term_names).values("pk")
            condition |= Q(
                pk__in=m2m.remote_field.through.objects.filter(
                    **{f"{m2m.m2m_reverse_field_name()}_id__in": terms}
                ).values(f"{m2m.m2m_field_name()}_id")
            )
        return condition

    def for_listing(self, user: Any) -> ToolQuerySet:
        """What a list of tools reads: the tool's short fields, its provider and whether `user`
        bookmarked it; none of the long texts, in any language, and its terms as numbers
        (`carried_terms` names them)."""
        bookmark = self.model._meta.get_field("bookmarks").related_model
        deferred = [*LIST_DEFERRED]
        for name in LIST_TRANSLATED_DEFERRED:
            deferred += [
                name,
                *(build_localized_fieldname(name, code) for code, _n in settings.LANGUAGES),
            ]
        return (
            self.select_related("provider")
            .defer(*deferred)
            .annotate(is_bookmarked=Exists(bookmark.objects.filter(user=user, tool=OuterRef("pk"))))
        )

    def term_ids(self, facet: str) -> dict[int, set[int]]:
        """{tool id: ids of its terms of `facet` (an M2M field name)} for these tools, read from
        the link table alone (one query, no term rows)."""
        field = self.model.facet_link(facet)
        tool, term = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        links = field.remote_field.through.objects.filter(**{f"{tool}__in": self.values("pk")})
        carried: dict[int, set[int]] = {}
        for tool_id, term_id in links.values_list(tool, term):
            carried.setdefault(tool_id, set()).add(term_id)
        return carried

    def in_order(self, ids: list[int]) -> list:
        """The tools with these ids, in this order (those `self` holds)."""
        by_pk = self.order_by().in_bulk(ids)  # the order is the ids'; none in SQL
        return [by_pk[pk] for pk in ids if pk in by_pk]

    def facet_counts(self, chosen: dict[str, list[int]]) -> tuple[dict[tuple[str, int], int], int]:
        """({(facet field, term id): tools}, tools in all): one statement, one search.

        `self` is what the text and the filters other than facets match; `chosen` the term ids
        chosen per facet (an M2M field name), any of which a tool must carry (OR within a facet,
        AND across facets). A facet's counts apply every facet's choice but its own.
        """
        chosen = {field: list(ids) for field, ids in chosen.items() if ids}
        if connection.vendor == "postgresql":
            return self._facet_counts_in_one_pass(chosen)
        return self._facet_counts_by_link_tables(chosen)

    def _facet_counts_in_one_pass(
        self, chosen: dict[str, list[int]]
    ) -> tuple[dict[tuple[str, int], int], int]:
        counts, total, _ids = self.counts_and_page(chosen)
        return counts, total

    def counts_and_page(
        self,
        chosen: dict[str, list[int]],
        *,
        sort: str = "name",
        text: str = "",
        language: str | None = None,
        offset: int = 0,
        limit: int = 0,
    ) -> tuple[dict[tuple[str, int], int], int, list[int]]:
        """PostgreSQL: the facet counts, the total and one page's ids, in one pass.

        `self` is what the text and the filters other than facets match (see `facet_counts`);
        `sort` one of `LIST_ORDER`, `text` the search (for relevance, read in `language`, else
        the active language: see `search`), and the page the ids
        `offset` to `offset + limit` of the tools matching every filter, in that order.

        Each matching tool is read once, with a flag per chosen facet ("carries one of its
        chosen terms"). Tools that miss two chosen facets or more count nowhere and are dropped
        before anything else. A tool that meets every chosen facet counts for each of its terms
        and for the total (-1 stands for the tool itself); one that misses chosen facet f counts
        for f's terms only, a slice of its `facet_terms` (sorted, so that each facet's numbers
        are contiguous: `_facet_slice`). Only what counts is unnested. The page is the top of
        the tools that meet every chosen facet, in order, and only those are ranked.
        """
        chosen = {field: list(ids) for field, ids in chosen.items() if ids}
        numbers = {field: n for n, (_p, field, _l) in enumerate(self.model.FACETS)}
        columns = ["id", "facet_terms", "name", "last_verified", "rating_average", "rating_count"]
        ranked = sort == "relevance" and bool(text)
        language = reader_language(language)
        substring = ranked and language in SUBSTRING_LANGUAGES
        if ranked:
            columns.append("search_vector")
        if substring:
            columns.append("search_text_zh")
        base = self.order_by()
        if len(chosen) > 1:
            # Only a tool with all chosen facets but one at most can count anywhere: those
            # come from the GIN index on `facet_terms`, and the text is checked on them alone.
            base = base.filter(_all_but_one(chosen, numbers))
        base_sql, base_params = base.values(*columns).query.sql_with_params()
        flags, flag_params = [], []
        for field, ids in chosen.items():
            number = numbers[field]
            flags.append(f", {_HITS}.facet_terms && %s::bigint[] AS chosen_{number}")
            flag_params.append([facet_term(number, pk) for pk in ids])
        # At most one chosen facet missed (only then can a tool count anywhere).
        at_most_one_miss = (
            f"({' + '.join(f'tool.chosen_{numbers[f]}::int' for f in chosen)}) >= {len(chosen) - 1}"
            if len(chosen) > 1
            else "TRUE"
        )
        order = LIST_ORDER[sort if ranked or sort != "relevance" else "name"]
        every_chosen = " AND ".join(f"tool.chosen_{numbers[f]}" for f in chosen) or "TRUE"
        relevance, relevance_params = "NULL::float", []
        if ranked:  # only for the tools that match every filter: those a page may show
            tsquery, tsquery_params = tsquery_sql(language, text)
            # A Chinese substring match counts as much as a good weighted score.
            zh = " + 0.5 * (strpos(tool.search_text_zh, %s) > 0)::int" if substring else ""
            relevance = (
                f"CASE WHEN {every_chosen} THEN (upper(tool.name) = upper(%s))::int"
                f" + ts_rank(tool.search_vector, {tsquery}, 32){zh}"
                " END"
            )
            relevance_params = [text, *tsquery_params, *([text] if substring else [])]
        narrow = ", ".join(
            f"tool.{column}"
            for column in columns
            if column not in {"search_vector", "search_text_zh"}
        )
        chosen_columns = "".join(f", tool.chosen_{numbers[f]}" for f in chosen)
        every_chosen_hit = every_chosen.replace("tool.", "hit.")
        # What a tool counts for: each of its terms and the total, or the facet it misses.
        every_term = "coalesce(hit.facet_terms, '{}') || '{-1}'::bigint[]"
        counted = " ".join(
            [
                f"WHEN {every_chosen_hit} THEN {every_term}",
                *(
                    f"WHEN NOT hit.chosen_{numbers[f]}"
                    f" THEN {_facet_slice(numbers[f], 'hit.facet_terms')}"
                    for f in chosen
                ),
            ]
        )
        # S608: the column names and numbers come from the models and `LIST_ORDER`, never
        # from input; the term numbers, the text and the search's values are query parameters.
        # Each tool is read once, into narrow rows (never the search vector): OFFSET 0 keeps
        # its flags computed once per tool. The counts unnest what those rows count for (in
        # the select list: a lateral function scan would fill a tuple store per tool, 10%
        # slower at 10,000 tools) and hash it by term; the page takes the top of the tools
        # matching every filter (a top-N sort, no more).
        sql = (
            f"WITH hit AS MATERIALIZED (SELECT {narrow}{chosen_columns},"  # noqa: S608
            f" {relevance} AS relevance FROM"
            f" (SELECT {_HITS}.*{''.join(flags)} FROM ({base_sql}) {_HITS} OFFSET 0) tool"
            f" WHERE {at_most_one_miss})"
            " SELECT term, COUNT(*), NULL::bigint[] FROM"
            f" (SELECT unnest(CASE {counted} END) AS term FROM hit) hit GROUP BY term"
        )
        if limit:
            sql += (
                f" UNION ALL SELECT -2, 0, array_agg(hit.id ORDER BY {order}) FROM"  # noqa: S608
                f" (SELECT * FROM hit WHERE {every_chosen_hit} ORDER BY {order}"
                f" LIMIT {int(limit)} OFFSET {int(offset)}) hit"
            )
        fields = {n: field for field, n in numbers.items()}
        counts, total, ids = {}, 0, []
        with connection.cursor() as cursor:
            # The relevance is in the SELECT list, before the flags and the search.
            cursor.execute(sql, (*relevance_params, *flag_params, *base_params))
            for term, n, page_ids in cursor.fetchall():
                if term == -2:
                    ids = list(page_ids or [])
                elif term == -1:
                    total = n
                else:
                    counts[(fields[term >> _FACET_SHIFT], term & _TERM_MASK)] = n
        return counts, total, ids

    def _facet_counts_by_link_tables(
        self, chosen: dict[str, list[int]]
    ) -> tuple[dict[tuple[str, int], int], int]:
        """Elsewhere (SQLite): one statement over the link tables, one search.

        `self` is what the text and the filters other than facets match; `chosen` the term ids
        chosen per facet (an M2M field name), any of which a tool must carry (OR within a facet,
        AND across facets). A facet's counts apply every facet's choice but its own. The tools
        `self` matches are found once, in a materialised common table expression, as searching
        the text is the costly part; each facet then counts over its own link table.
        """
        base_sql, base_params = self.order_by().values(hit_id=F("pk")).query.sql_with_params()
        tables = _link_tables(self.model._meta.label)
        # One row per tool the text matches, with a flag per chosen facet: carries one of its
        # chosen terms. Every count below reads these rows once, never the search again.
        columns, flags, params = ["id"], [], []
        for field, ids in chosen.items():
            table, tool_column, term_column = tables[field]
            marks = ", ".join(["%s"] * len(ids))
            columns.append(f"chosen_{field}")
            flags.append(
                f", hit.hit_id IN (SELECT {tool_column} FROM {table}"  # noqa: S608
                f" WHERE {term_column} IN ({marks}))"
            )
            params += ids

        def others(skip: str) -> str:
            return "".join(f" AND {_HITS}.chosen_{field}" for field in chosen if field != skip)

        parts = [f"SELECT '', 0, COUNT(*) FROM {_HITS} WHERE 1 = 1{others('')}"]  # noqa: S608
        for field, (table, tool_column, term_column) in tables.items():
            parts.append(
                f"SELECT '{field}', {table}.{term_column}, COUNT(*) FROM {table}"  # noqa: S608
                f" JOIN {_HITS} ON {_HITS}.id = {table}.{tool_column}"
                f" WHERE 1 = 1{others(field)} GROUP BY {table}.{term_column}"
            )
        # S608 (here and above): the table and column names come from the models, never from
        # input; the term ids and the search's own values are query parameters.
        sql = (
            f"WITH {_HITS} ({', '.join(columns)}) AS MATERIALIZED"  # noqa: S608
            f" (SELECT hit.hit_id{''.join(flags)} FROM ({base_sql}) hit) "
            + " UNION ALL ".join(parts)
        )
        counts, total = {}, 0
        with connection.cursor() as cursor:
            cursor.execute(sql, (*params, *base_params))  # the flags come first
            for field, term, n in cursor.fetchall():
                if field:
                    counts[(field, term)] = n
                else:
                    total = n
        return counts, total

    def with_facet_terms(self, *, facet: str, slugs: Iterable[str]) -> ToolQuerySet:
        """Tools carrying any of the terms `slugs` of `facet` (an M2M field name)."""
        link = self.model.facet_link(facet)
        through, column = link.remote_field.through, link.m2m_reverse_field_name()
        return self.filter(
            pk__in=through.objects.filter(**{f"{column}__slug__in": slugs}).values("tool_id")
        )

    def with_facet_term_ids(self, *, facet: str, ids: Iterable[int]) -> ToolQuerySet:
        """Tools carrying any of the terms `ids` of `facet` (an M2M field name)."""
        field = self.model.facet_link(facet)
        if connection.vendor == "postgresql":  # the GIN index on `facet_terms`
            number = [f for _p, f, _l in self.model.FACETS].index(facet)
            return self.filter(facet_terms__overlap=[facet_term(number, pk) for pk in ids])
        return self.filter(
            pk__in=field.remote_field.through.objects.filter(
                **{f"{field.m2m_reverse_field_name()}_id__in": ids}
            ).values(f"{field.m2m_field_name()}_id")
        )


class ToolReviewQuerySet(models.QuerySet):
    def published(self) -> ToolReviewQuerySet:
        return self.filter(status=self.model.Status.PUBLISHED)

    def visible_to(self, user: User | AnonymousUser) -> ToolReviewQuerySet:
        """Published reviews, plus the member's own whatever their state."""
        if not user.is_authenticated:
            return self.published()
        return self.filter(Q(status=self.model.Status.PUBLISHED) | Q(author=user))


_HITS = "catalog_search_hits"  # the facet counts' common table expression


def _facet_slice(number: int, column: str) -> str:
    """The SQL of the numbers of facet `number` in `column`, a sorted `Tool.facet_terms`: those
    from `facet_term(number, 0)` up to the next facet's, found by binary search (`width_bucket`
    counts the elements of a sorted array up to a bound)."""
    below, last = facet_term(number, 0) - 1, facet_term(number + 1, 0) - 1
    return (
        f"{column}[width_bucket({below}::bigint, {column}) + 1"
        f" : width_bucket({last}::bigint, {column})]"
    )


def _all_but_one(chosen: dict[str, list[int]], numbers: dict[str, int]) -> Q:
    """Tools carrying a chosen term of every chosen facet but one at most (two or more)."""
    overlaps = {
        field: Q(facet_terms__overlap=[facet_term(numbers[field], pk) for pk in ids])
        for field, ids in chosen.items()
    }
    condition = Q()
    for skipped in chosen:
        every_other = Q()
        for field, overlap in overlaps.items():
            if field != skipped:
                every_other &= overlap
        condition |= every_other
    return condition


@cache
def _link_tables(label: str) -> dict[str, tuple[str, str, str]]:
    """facet field → (link table, its tool column, its term column), from the models (`label`
    is `Tool`'s, which this module cannot import)."""
    model: Any = apps.get_model(label)
    tables = {}
    for _param, field_name, _label in model.FACETS:
        field = model.facet_link(field_name)
        tables[field_name] = (
            field.m2m_db_table(),
            field.m2m_column_name(),
            field.m2m_reverse_name(),
        )
    return tables
