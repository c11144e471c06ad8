from __future__ import annotations

from typing import TYPE_CHECKING

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wellbeing.models import SupportService

if TYPE_CHECKING:
    from django.db.models import QuerySet


def country_choices() -> list[tuple[str, str]]:
    return [(country, country) for country in SupportService.objects.listed().countries()]


class SupportServiceFilter(django_filters.FilterSet):
    """The support directory by country; international services show for every country."""

    country = django_filters.ChoiceFilter(
        label=_("Country"),
        choices=country_choices,
        empty_label=_("All countries"),
        method="filter_country",
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of support"),
        choices=SupportService.Kind.choices,
        empty_label=_("Any kind"),
    )

    class Meta:
        model = SupportService
        fields = ["country", "kind"]

    def filter_country(
        self, queryset: QuerySet[SupportService], name: str, value: str
    ) -> QuerySet[SupportService]:
        return queryset.filter(Q(country=value) | Q(country=""))
