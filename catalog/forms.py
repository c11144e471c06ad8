"""Forms for what members write: reviews, saved searches, and the compare selection."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from catalog.models import SavedSearch, Tool, ToolReview

if TYPE_CHECKING:
    from typing import Any

    from django.http import QueryDict

    from accounts.models import User


MAX_COMPARED = 4


class ToolReviewForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 is best."),
    )

    class Meta:
        model = ToolReview
        fields = ["rating", "context", "what_worked", "limits"]
        help_texts = {
            "context": _(
                "How and where you used the tool. Never include case details, names or images."
            ),
            "what_worked": _("What the tool did well for you."),
            "limits": _("Where it fell short: accuracy, speed, support, legal questions."),
        }


class SavedSearchForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["name", "query_string", "weekly_digest"]
        widgets = {"query_string": forms.HiddenInput}

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        others = SavedSearch.objects.filter(user=self.user, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("You already have a saved search with this name."))
        return name

    def clean_query_string(self) -> str:
        from django.http import QueryDict

        from catalog.filters import ToolFilter

        # Keep only what the catalogue understands, so a saved search is always a valid one.
        filterset = ToolFilter(QueryDict(self.cleaned_data["query_string"]))
        return filterset.cleaned_query()

    def save(self, commit: bool = True) -> SavedSearch:
        self.instance.user = self.user
        return super().save(commit)


class DigestToggleForm(forms.ModelForm):
    class Meta:
        model = SavedSearch
        fields = ["weekly_digest"]


class CompareForm(forms.Form):
    """`?tools=a,b` (or `?tools=a&tools=b`): two to four published tools, by slug."""

    tools = forms.CharField(max_length=1000)

    def __init__(self, data: QueryDict | dict[str, str] | None, *args: Any, **kwargs: Any) -> None:
        if data is not None and hasattr(data, "getlist"):
            data = {"tools": ",".join(data.getlist("tools"))}
        super().__init__(data, *args, **kwargs)

    def clean_tools(self) -> list[Tool]:
        slugs = list(dict.fromkeys(s.strip() for s in self.cleaned_data["tools"].split(",")))
        slugs = [slug for slug in slugs if slug]
        if len(slugs) < 2:
            raise forms.ValidationError(_("Choose at least two tools to compare."))
        if len(slugs) > MAX_COMPARED:
            raise forms.ValidationError(
                _(
                    "Compare up to %(max)d tools at a time: you chose %(count)d. Untick the ones "
                    "you need least and compare again."
                )
                % {"max": MAX_COMPARED, "count": len(slugs)}
            )
        tools = {
            tool.slug: tool
            for tool in Tool.objects.published()
            .filter(slug__in=slugs)
            .select_related("provider")
            .prefetch_related(*(field for _p, field, _l in Tool.FACETS))
        }
        if missing := [slug for slug in slugs if slug not in tools]:
            raise forms.ValidationError(
                _("We could not find these tools: %(slugs)s.") % {"slugs": ", ".join(missing)}
            )
        return [tools[slug] for slug in slugs]

    def chosen(self) -> list[Tool]:
        """The published tools among those asked for, in order: the selection, kept on an error."""
        if not self.is_bound:
            return []
        raw = str(self.data.get("tools", ""))[
            : cast("forms.CharField", self.fields["tools"]).max_length
        ]
        slugs = [slug for slug in dict.fromkeys(s.strip() for s in raw.split(",")) if slug]
        found = {
            tool.slug: tool
            for tool in Tool.objects.published().filter(slug__in=slugs[:20]).only("slug", "name")
        }
        return [found[slug] for slug in slugs if slug in found]
