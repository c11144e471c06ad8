"""The catalogue's queries: what a member may see, and how tools are searched."""

from __future__ import annotations

from django.db import connection, models
from django.db.models import Case, F, IntegerField, Q, Value, When


class ToolQuerySet(models.QuerySet):
    def published(self) -> ToolQuerySet:
        return self.filter(status=self.model.Status.PUBLISHED)

    def due_for_review(self, today) -> ToolQuerySet:
        """Published tools not verified for twelve months (or never)."""
        cutoff = (
            today.replace(year=today.year - 1)
            if not (today.month == 2 and today.day == 29)
            else today.replace(year=today.year - 1, day=28)
        )
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
        matches = Q()
        for word in query.split()[:20]:
            matches &= Q(pk__in=self.model.objects.matching_word(word).values("pk"))
        return self.filter(matches).annotate(
            relevance=exact * 4
            + Case(When(name__icontains=query, then=Value(2)), default=Value(0))
            + Case(When(summary__icontains=query, then=Value(1)), default=Value(0))
        )

    def matching_word(self, word: str) -> ToolQuerySet:
        """The fallback's match for one word (SQLite): any text field or term name contains it."""
        condition = (
            Q(name__icontains=word)
            | Q(summary__icontains=word)
            | Q(description__icontains=word)
            | Q(provider__name__icontains=word)
        )
        for _param, field, _label in self.model.FACETS:
            condition |= Q(**{f"{field}__name__icontains": word})
        return self.filter(condition)

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
