"""Template helpers for the catalogue: Markdown rendering and query-string editing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import template

from hub.markdown import render

if TYPE_CHECKING:
    from decimal import Decimal
    from typing import Any

    from django.core.paginator import Page
    from django.template import Context
    from django.utils.safestring import SafeString


register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    """Markdown from curators, rendered and then sanitised: only basic formatting and links."""
    return render(text)


@register.simple_tag(takes_context=True)
def query_with(context: Context, **changes: Any) -> str:
    """The current query string with `changes` applied (None removes a key); `page` resets."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def stars(rating: float | Decimal | str | None) -> str:
    """A rating as filled and empty stars, for sighted readers (the number is given as text)."""
    if rating is None:
        return ""
    try:
        filled = round(float(rating))
    except (TypeError, ValueError):
        return ""
    return "★" * filled + "☆" * (5 - filled)


@register.filter
def elided_pages(page: Page[Any]) -> list[int | str]:
    """The page numbers to link to around `page`, with ellipses for the gaps."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
