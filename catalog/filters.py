"""The catalogue's FilterSet: search, facets, maturity and sorting, all from the URL."""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Count, F, Q, Value
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from catalog.models import Tool

MAX_QUERY_LENGTH = 200


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


class FacetFilter(django_filters.ModelMultipleChoiceFilter):
    """Tools carrying any of the chosen terms (OR within a facet, AND across facets)."""

    def __init__(self, *, field: str, **kwargs) -> None:
        model = Tool._meta.get_field(field).related_model
        super().__init__(
            queryset=model.objects.all(),
            to_field_name="slug",
            method=self.filter_terms,
            **kwargs,
        )
        self.facet_field = field

    def filter_terms(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.with_facet_terms(
            facet=self.facet_field, slugs=[term.slug for term in value]
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

    def __init__(self, data=None, *args, **kwargs) -> None:
        # Always bound: no parameters is a valid, empty search, and `cleaned_data` then exists.
        super().__init__(data if data is not None else QueryDict(), *args, **kwargs)
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

    def filter_search(self, queryset, name, value):
        return queryset  # applied in `filter_queryset`, so every path gets `relevance`

    def filter_sort(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = queryset.search(self.search_terms)
        queryset = super().filter_queryset(queryset)
        return queryset.order_by(*ORDERINGS[self.sort_key])

    def filter_without(self, parameter: str):
        """The tools matching every active filter except `parameter` (for its facet counts)."""
        queryset = self.queryset.search(self.search_terms)
        for name, value in self.form.cleaned_data.items():
            if name in {parameter, "q", "sort"} or value in (None, "", []):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facets(self) -> dict[str, list[dict]]:
        """Every term of every facet with the number of tools it would give. One query."""
        parts = []
        for parameter, field, _label in Tool.FACETS:
            term_model = Tool._meta.get_field(field).related_model
            matching = self.filter_without(parameter).values("pk")
            parts.append(
                term_model.objects.order_by()
                .annotate(
                    facet=Value(parameter), count=Count("tools", filter=Q(tools__in=matching))
                )
                .values_list("facet", "slug", "name", "count")
            )
        selected = {
            parameter: {term.slug for term in self.form.cleaned_data.get(parameter) or ()}
            for parameter, _field, _label in Tool.FACETS
        }
        facets: dict[str, list[dict]] = {parameter: [] for parameter, _f, _l in Tool.FACETS}
        for parameter, slug, name, count in parts[0].union(*parts[1:], all=True):
            facets[parameter].append(
                {
                    "slug": slug,
                    "name": name,
                    "count": count,
                    "selected": slug in selected[parameter],
                }
            )
        for terms in facets.values():
            terms.sort(key=lambda term: term["name"].casefold())
        return facets

    def cleaned_query(self) -> str:
        """The valid filters as a query string (for saved searches and links), without paging."""
        data = self.data.copy()
        for name in list(data):
            if name not in self.filters or name in self.form.errors:
                del data[name]
        return data.urlencode()


class FinderForm(forms.Form):
    """The tool finder's questions. Every answer is optional."""

    stage = forms.ModelChoiceField(
        label=_("Which stage of the investigation is this for?"),
        queryset=Tool._meta.get_field("stages").related_model.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any stage"),
    )
    data_types = forms.ModelMultipleChoiceField(
        label=_("Which kinds of data will you work with?"),
        queryset=Tool._meta.get_field("data_types").related_model.objects.all(),
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
    languages = forms.ModelMultipleChoiceField(
        label=_("Which languages must it handle?"),
        queryset=Tool._meta.get_field("languages").related_model.objects.all(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
