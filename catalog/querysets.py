"""The catalogue's queries: what a member may see, and how tools are searched."""

from __future__ import annotations

import datetime
from functools import cache

from django.db import connection, models
from django.db.models import Case, F, IntegerField, Q, Value, When

# The SQLite fallback's bounds (see `ToolQuerySet.fallback_words`).
FALLBACK_MIN_WORD = 2
FALLBACK_MAX_WORDS = 4


def verification_cutoff(today: datetime.date) -> datetime.date:
    """The day twelve months before `today`: a tool last verified before it is overdue."""
    if today.month == 2 and today.day == 29:
        return today.replace(year=today.year - 1, day=28)
    return today.replace(year=today.year - 1)


class ToolQuerySet(models.QuerySet):
    def published(self) -> ToolQuerySet:
        return self.filter(status=self.model.Status.PUBLISHED)

    def due_for_review(self, today) -> ToolQuerySet:
        """Published tools not verified for twelve months (or never)."""
        cutoff = verification_cutoff(today)
        return self.published().filter(Q(last_verified__lt=cutoff) | Q(last_verified__isnull=True))

    def visible_to(self, user) -> ToolQuerySet:
        """Members see published tools only; drafts live in the admin."""
        return self.published()

    def search(self, query: str) -> ToolQuerySet:
        """Tools matching `query`, annotated with `relevance` (higher is better).

        PostgreSQL uses the stored, weighted `search_vector`; elsewhere every word must
        appear in the name, summary, description, provider or a taxonomy term.
        """
        query = " ".join(query.split())
        if not query:
            return self.annotate(relevance=Value(0.0, output_field=models.FloatField()))
        exact = Case(
            When(name__iexact=query, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
        if connection.vendor == "postgresql":
            from django.contrib.postgres.search import SearchQuery, SearchRank

            from catalog.search import SEARCH_CONFIG

            search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
            return self.filter(Q(search_vector=search_query) | Q(name__iexact=query)).annotate(
                # An exact name match outranks any weighted score (those stay below 1).
                relevance=exact + SearchRank(F("search_vector"), search_query, normalization=32)
            )
        words = self.fallback_words(query)
        matches = Q(name__iexact=query)
        if words:
            every_word = Q()
            for word in words:
                every_word &= self.matching_word(word)
            matches |= every_word
        return self.filter(matches).annotate(
            relevance=exact * 4
            + Case(When(name__icontains=query, then=Value(2)), default=Value(0))
            + Case(When(summary__icontains=query, then=Value(1)), default=Value(0))
        )

    @staticmethod
    def fallback_words(query: str) -> list[str]:
        """The words the fallback looks for: distinct, long enough to mean something, and few.

        Each word costs a scan of the catalogue's text, so that a one-letter query or a pasted
        paragraph cannot become a denial of service: words shorter than `FALLBACK_MIN_WORD`
        are dropped (PostgreSQL's dictionary drops them too), and only the first
        `FALLBACK_MAX_WORDS` count.
        """
        words: dict[str, str] = {}
        for word in query.split():
            if len(word) >= FALLBACK_MIN_WORD:
                words.setdefault(word.casefold(), word)
        return list(words.values())[:FALLBACK_MAX_WORDS]

    def matching_word(self, word: str) -> Q:
        """The fallback's match for one word (SQLite): any text field or term name contains it.

        Providers and terms are looked up in their own small tables and matched by id, never
        joined: a join per facet would multiply each tool's rows by its terms of every facet.
        """
        from catalog.models import Provider

        condition = (
            Q(name__icontains=word)
            | Q(summary__icontains=word)
            | Q(description__icontains=word)
            | Q(provider__in=Provider.objects.filter(name__icontains=word).values("pk"))
        )
        for _param, field, _label in self.model.FACETS:
            m2m = self.model._meta.get_field(field)
            terms = m2m.related_model.objects.filter(name__icontains=word).values("pk")
            condition |= Q(
                pk__in=m2m.remote_field.through.objects.filter(
                    **{f"{m2m.m2m_reverse_field_name()}_id__in": terms}
                ).values(f"{m2m.m2m_field_name()}_id")
            )
        return condition

    def facet_counts(self, chosen: dict[str, list[int]]) -> tuple[dict[tuple[str, int], int], int]:
        """({(facet field, term id): tools}, tools in all): one statement, one search.

        `self` is what the text and the filters other than facets match; `chosen` the term ids
        chosen per facet (an M2M field name), any of which a tool must carry (OR within a facet,
        AND across facets). A facet's counts apply every facet's choice but its own. The tools
        `self` matches are found once, in a materialised common table expression, as searching
        the text is the costly part; each facet then counts over its own link table.
        """
        base_sql, base_params = self.order_by().values(hit_id=F("pk")).query.sql_with_params()
        tables = _link_tables(self.model)
        chosen = {field: list(ids) for field, ids in chosen.items() if ids}
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

    def with_facet_terms(self, *, facet: str, slugs) -> ToolQuerySet:
        """Tools carrying any of the terms `slugs` of `facet` (an M2M field name)."""
        through = self.model._meta.get_field(facet).remote_field.through
        column = self.model._meta.get_field(facet).m2m_reverse_field_name()
        return self.filter(
            pk__in=through.objects.filter(**{f"{column}__slug__in": slugs}).values("tool_id")
        )

    def with_facet_term_ids(self, *, facet: str, ids) -> ToolQuerySet:
        """Tools carrying any of the terms `ids` of `facet` (an M2M field name)."""
        field = self.model._meta.get_field(facet)
        return self.filter(
            pk__in=field.remote_field.through.objects.filter(
                **{f"{field.m2m_reverse_field_name()}_id__in": ids}
            ).values(f"{field.m2m_field_name()}_id")
        )


class ToolReviewQuerySet(models.QuerySet):
    def published(self) -> ToolReviewQuerySet:
        return self.filter(status=self.model.Status.PUBLISHED)

    def visible_to(self, user) -> ToolReviewQuerySet:
        """Published reviews, plus the member's own whatever their state."""
        if not user.is_authenticated:
            return self.published()
        return self.filter(Q(status=self.model.Status.PUBLISHED) | Q(author=user))


_HITS = "catalog_search_hits"  # the facet counts' common table expression


@cache
def _link_tables(model) -> dict[str, tuple[str, str, str]]:
    """facet field → (link table, its tool column, its term column), from the models."""
    tables = {}
    for _param, field_name, _label in model.FACETS:
        field = model._meta.get_field(field_name)
        tables[field_name] = (
            field.m2m_db_table(),
            field.m2m_column_name(),
            field.m2m_reverse_name(),
        )
    return tables
