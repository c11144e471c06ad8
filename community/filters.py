"""The directory's FilterSet: search and filters from the URL, like the catalogue's."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from catalog.models import Capability, Country, InvestigationStage, Language, Tool
from community.models import Profile

MAX_QUERY_LENGTH = 200

# (URL parameter, profile field, term model, heading): the directory's facets.
FACETS = (
    ("country", "country", Country, _("Country")),
    ("language", "languages", Language, _("Language")),
    ("expertise", "capabilities", Capability, _("Expertise")),
    ("stage", "stages", InvestigationStage, _("Investigation stage")),
    ("tool", "tools", Tool, _("Tool used")),
)


class ProfileFilter(django_filters.FilterSet):
    """Filters for `/community/`. Within a facet any chosen term matches; across facets all.

    Terms are named by slug in the URL, so each filter looks them up through `<field>__slug`
    (django-filter filters on the `to_field_name` value).
    """

    q = django_filters.CharFilter(
        label=_("Search members"),
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    country = django_filters.ModelMultipleChoiceFilter(
        label=_("Country"),
        field_name="country__slug",
        queryset=Country.objects.all(),
        to_field_name="slug",
    )
    language = django_filters.ModelMultipleChoiceFilter(
        label=_("Language"),
        field_name="languages__slug",
        queryset=Language.objects.all(),
        to_field_name="slug",
        distinct=True,
    )
    expertise = django_filters.ModelMultipleChoiceFilter(
        label=_("Expertise"),
        field_name="capabilities__slug",
        queryset=Capability.objects.all(),
        to_field_name="slug",
        distinct=True,
    )
    stage = django_filters.ModelMultipleChoiceFilter(
        label=_("Investigation stage"),
        field_name="stages__slug",
        queryset=InvestigationStage.objects.all(),
        to_field_name="slug",
        distinct=True,
    )
    tool = django_filters.ModelMultipleChoiceFilter(
        label=_("Tool used"),
        field_name="tools__slug",
        queryset=Tool.objects.published(),
        to_field_name="slug",
        distinct=True,
    )

    class Meta:
        model = Profile
        fields = ["q", "country", "language", "expertise", "stage", "tool"]

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        from django.http import QueryDict

        # Always bound: no parameters is a valid, empty search.
        super().__init__(data if data is not None else QueryDict(), *args, **kwargs)
        self.errors  # noqa: B018 (validates now, so every method can read cleaned_data)

    @property
    def search_terms(self) -> str:
        if "q" in self.form.errors:
            return ""
        return " ".join((self.form.cleaned_data.get("q") or "").split())

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        for word in value.split()[:4]:
            queryset = queryset.filter(Q(display_name__icontains=word) | Q(bio__icontains=word))
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # Invalid filters (a term that no longer exists) are dropped, and reported by the view.
        for name, value in self.form.cleaned_data.items():
            if name in self.form.errors or value in (None, "", []):
                continue
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facets(self) -> list[tuple[str, str, list[dict[str, Any]]]]:
        """Each facet's terms that some matching member has, with how many: one query each."""
        matching = self.qs.order_by().values("pk")
        result = []
        for parameter, _field, model, label in FACETS:
            chosen = {term.slug for term in self.form.cleaned_data.get(parameter) or ()}
            terms = Tool.objects.published() if model is Tool else model.objects.all()
            rows = (
                terms.filter(community_profiles__in=matching)
                .values("slug", "name")
                .annotate(members=Count("community_profiles", distinct=True))
                .order_by("name")
                .values_list("slug", "name", "members")
            )
            result.append(
                (
                    parameter,
                    str(label),
                    [
                        {"slug": slug, "name": name, "count": n, "selected": slug in chosen}
                        for slug, name, n in rows
                    ],
                )
            )
        return result
