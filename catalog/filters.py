"""The catalogue's FilterSet: search, facets, maturity and sorting, all from the URL."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

import django_filters
from django import forms
from django.db.models import F
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from catalog import caching
from catalog.models import DataType, InvestigationStage, Language, Tool
from catalog.querysets import reader_language

if TYPE_CHECKING:
    from catalog.querysets import ToolQuerySet

MAX_QUERY_LENGTH = 200
_PARAMETERS = {field: parameter for parameter, field, _label in Tool.FACETS}


class SortChoices:
    RELEVANCE = "relevance"
    NAME = "name"
    VERIFIED = "verified"
    RATING = "rating"
    CHOICES = (
        (RELEVANCE, _("Relevance")),
        (NAME, _("Name")),
        (VERIFIED, _("Recently verified")),
        (RATING, _("Rating")),
    )


ORDERINGS = {
    SortChoices.RELEVANCE: (F("relevance").desc(), "name"),
    SortChoices.NAME: ("name",),
    SortChoices.VERIFIED: (F("last_verified").desc(nulls_last=True), "name"),
    SortChoices.RATING: (
        F("rating_average").desc(nulls_last=True),
        F("rating_count").desc(),
        "name",
    ),
}


class FacetFilter(django_filters.MultipleChoiceFilter):
    """Tools carrying any of the chosen terms (OR within a facet, AND across facets).

    The choices are the facet's term slugs from the cached taxonomy (`ToolFilter` sets them),
    so that checking the chosen terms costs no query.
    """

    def __init__(self, *, field: str, **kwargs: Any) -> None:
        super().__init__(choices=(), **kwargs)
        self.facet_field = field
        self.term_ids: dict[str, int] = {}

    def filter(self, queryset: ToolQuerySet, value: list[str]) -> ToolQuerySet:
        if not value:
            return queryset
        return queryset.with_facet_term_ids(
            facet=self.facet_field, ids=[self.term_ids[slug] for slug in value]
        )


class ToolFilter(django_filters.FilterSet):
    """Filters for `/catalog/`. Invalid values are dropped (and reported), never fatal."""

    q = django_filters.CharFilter(
        label=_("Search tools"), method="filter_search", max_length=MAX_QUERY_LENGTH
    )
    capability = FacetFilter(field="capabilities", label=_("Capability"))
    stage = FacetFilter(field="stages", label=_("Investigation stage"))
    data_type = FacetFilter(field="data_types", label=_("Data type"))
    deployment = FacetFilter(field="deployments", label=_("Deployment"))
    licence = FacetFilter(field="licences", label=_("Licence and cost"))
    language = FacetFilter(field="languages", label=_("Language"))
    platform = FacetFilter(field="platforms", label=_("Platform"))
    country = FacetFilter(field="countries", label=_("Country"))
    maturity = django_filters.MultipleChoiceFilter(
        label=_("Maturity"), choices=Tool.Maturity.choices
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=SortChoices.CHOICES,
        method="filter_sort",
        empty_label=None,
    )

    class Meta:
        model = Tool
        fields = [
            "q",
            "capability",
            "stage",
            "data_type",
            "deployment",
            "licence",
            "language",
            "platform",
            "country",
            "maturity",
            "sort",
        ]

    def __init__(
        self,
        data: QueryDict | None = None,
        *args: Any,
        taxonomy: caching.Taxonomy | None = None,
        **kwargs: Any,
    ) -> None:
        """`taxonomy`: every facet's terms (`catalog.caching.taxonomy`); read when not given."""
        # Always bound: no parameters is a valid, empty search, and `cleaned_data` then exists.
        super().__init__(data if data is not None else QueryDict(), *args, **kwargs)
        if taxonomy is None:
            taxonomy = caching.taxonomy(caching.version())
        self.taxonomy = taxonomy
        # The reader's content language: the text is searched in it and in English.
        self.content_language = reader_language()
        for parameter, _field, _label in Tool.FACETS:
            facet = self.filters[parameter]
            choices = [(slug, name) for _pk, slug, name in self.taxonomy[parameter]]
            # A callable: the form copies its fields, and a list of choices with them (every
            # term of every facet, on every request); a callable is copied as it is.
            facet.extra["choices"] = partial(list, choices)
            facet.term_ids = {slug: pk for pk, slug, _name in self.taxonomy[parameter]}
        self.errors  # noqa: B018 (validates now, so every method can read cleaned_data)

    @property
    def search_terms(self) -> str:
        if "q" in self.form.errors:
            return ""
        return " ".join((self.form.cleaned_data.get("q") or "").split())

    @property
    def sort_key(self) -> str:
        chosen = self.form.cleaned_data.get("sort")
        if chosen in ORDERINGS:
            return chosen
        return SortChoices.RELEVANCE if self.search_terms else SortChoices.NAME

    def filter_search(self, queryset: ToolQuerySet, name: str, value: str) -> ToolQuerySet:
        return queryset  # applied in `filter_queryset`, so every path gets `relevance`

    def filter_sort(self, queryset: ToolQuerySet, name: str, value: str) -> ToolQuerySet:
        return queryset

    def filter_queryset(self, queryset: ToolQuerySet) -> ToolQuerySet:
        queryset = queryset.search(self.search_terms, self.content_language)
        queryset = super().filter_queryset(queryset)
        return queryset.order_by(*ORDERINGS[self.sort_key])

    _facet_parameters = frozenset(parameter for parameter, _field, _label in Tool.FACETS)

    def _base(self) -> ToolQuerySet:
        """The tools matching the text and every filter that is not a facet (maturity)."""
        queryset = self.queryset.search(self.search_terms, self.content_language)
        for name, value in self.form.cleaned_data.items():
            if name in self._facet_parameters or name in {"q", "sort"} or value in (None, "", []):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def cache_key(self) -> str:
        """What the counts depend on: the text and the filters, in a canonical order."""
        parts = [self.search_terms, self.content_language if self.search_terms else ""]
        for name in sorted(self.form.cleaned_data):
            if name in {"q", "sort"}:
                continue
            value = self.form.cleaned_data[name]
            parts.append(f"{name}={','.join(sorted(value or ()))}")
        return "&".join(parts)

    def chosen(self) -> dict[str, list[int]]:
        """The chosen term ids per facet (M2M field name)."""
        chosen = {}
        for parameter, field, _label in Tool.FACETS:
            facet = self.filters[parameter]
            chosen[field] = [
                facet.term_ids[slug] for slug in self.form.cleaned_data.get(parameter) or ()
            ]
        return chosen

    def counts(self) -> tuple[dict[tuple[str, int], int], int]:
        """({(facet parameter, term id): tools it would give}, tools matching every filter).

        One statement, one search of the text (`ToolQuerySet.facet_counts`); not cached here
        (`catalog.listing` caches the catalogue page's).
        """
        counts, total = self._base().facet_counts(self.chosen())
        return {(_PARAMETERS[field], pk): n for (field, pk), n in counts.items()}, total

    def counts_and_page(
        self, *, offset: int, limit: int
    ) -> tuple[dict[tuple[str, int], int], int, list[int]]:
        """PostgreSQL: `counts()` and the ids of one page in the chosen order, in one pass."""
        counts, total, ids = self._base().counts_and_page(
            self.chosen(),
            sort=self.sort_key,
            text=self.search_terms,
            language=self.content_language,
            offset=offset,
            limit=limit,
        )
        return {(_PARAMETERS[f], pk): n for (f, pk), n in counts.items()}, total, ids

    def cleaned_query(self) -> str:
        """The valid filters as a query string (for saved searches and links), without paging."""
        data = self.data.copy()
        for name in list(data):
            if name not in self.filters or name in self.form.errors:
                del data[name]
        return data.urlencode()


class FinderForm(forms.Form):
    """The tool finder's questions. Every answer is optional.

    Budget, deployment and languages are musts (filters); stage and data types are nice to
    have (they rank). See `catalog.services.find_tools`.
    """

    stage: forms.ModelChoiceField[InvestigationStage] = forms.ModelChoiceField(
        label=_("Which stage of the investigation is this for?"),
        help_text=_("Nice to have: tools for this stage come first."),
        queryset=InvestigationStage.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any stage"),
    )
    data_types: forms.ModelMultipleChoiceField[DataType] = forms.ModelMultipleChoiceField(
        label=_("Which kinds of data will you work with?"),
        help_text=_("Nice to have: tools that read more of them come first."),
        queryset=DataType.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    budget = forms.ChoiceField(
        label=_("What is your budget?"),
        choices=(
            ("any", _("Commercial tools are an option")),
            ("free", _("Free or open-source tools only")),
        ),
        initial="any",
        required=False,
        widget=forms.RadioSelect,
    )
    air_gapped = forms.BooleanField(
        label=_("The tool must run air-gapped (without any internet connection)"),
        required=False,
    )
    on_premises = forms.BooleanField(
        label=_("Data must stay on our premises (no cloud)"), required=False
    )
    languages: forms.ModelMultipleChoiceField[Language] = forms.ModelMultipleChoiceField(
        label=_("Which languages must it handle?"),
        help_text=_("A must: only tools that handle every language you tick are shown."),
        queryset=Language.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
