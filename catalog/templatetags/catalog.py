"""Template helpers for the catalogue: Markdown, query-string editing, the facets' terms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import template
from django.utils.html import escape, format_html, format_html_join

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


# One term of a facet panel, by whether it gives no tools (greyed) and whether it is ticked.
_TERM = (
    '<div class="facet__term{empty}"><input type="checkbox" name="{facet}" value="{slug}"'
    ' id="f-{facet}-{slug}"{checked}><label for="f-{facet}-{slug}">{name} <span'
    ' class="facet__count">({count}<span class="visually-hidden"> {word}</span>)</span></label>'
    "</div>"
)
_TERMS = {
    (empty, checked): _TERM.replace("{empty}", " facet__term--empty" if empty else "").replace(
        "{checked}", " checked" if checked else ""
    )
    for empty in (False, True)
    for checked in (False, True)
}


@register.simple_tag
def facet_terms(parameter: str, terms: list[dict[str, Any]], tools_word: str) -> SafeString:
    """One facet's terms as checkboxes, each with its label and the number of tools it gives.

    A facet panel has up to a hundred terms, and a search no cache has seen renders them all:
    they are built here in one pass rather than by a template loop (the catalogue's hottest
    markup), by `format_html`, which escapes every value; those used more than once are
    escaped once, before.
    """
    facet, word = escape(parameter), escape(tools_word)
    return format_html_join(
        "\n",
        "{}",
        (
            (
                format_html(
                    _TERMS[(not term["count"] and not term["selected"], bool(term["selected"]))],
                    facet=facet,
                    slug=escape(term["slug"]),
                    name=term["name"],
                    count=term["count"],
                    word=word,
                ),
            )
            for term in terms
        ),
    )
