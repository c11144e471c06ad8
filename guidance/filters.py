from __future__ import annotations

from typing import TYPE_CHECKING

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from guidance.models import Article, Category

if TYPE_CHECKING:
    from guidance.models import ArticleQuerySet


class ArticleFilter(django_filters.FilterSet):
    """Search and category filter on the guidance index."""

    q = django_filters.CharFilter(
        label=_("Search guidance"),
        method="filter_search",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        empty_label=_("All categories"),
    )

    class Meta:
        model = Article
        fields = ["q", "category"]

    def filter_search(self, queryset: ArticleQuerySet, name: str, value: str) -> ArticleQuerySet:
        return queryset.search(value)
