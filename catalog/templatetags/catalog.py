"""Template helpers for the catalogue: Markdown rendering and query-string editing."""

from __future__ import annotations

from functools import lru_cache

import markdown as markdown_lib
import nh3
from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


@register.filter
def markdown(text: str) -> SafeString:
    """Markdown from curators, rendered and then sanitised: only basic formatting and links."""
    # Sanitised by nh3 in `_render_markdown`: only the tags and attributes listed above.
    return mark_safe(_render_markdown(text or ""))  # noqa: S308  # nosec B308 B703


@lru_cache(maxsize=512)
def _render_markdown(text: str) -> str:
    """Kept by the text itself, so an edited text is simply another entry: nothing to forget."""
    html = markdown_lib.markdown(text, extensions=["tables", "sane_lists"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with `changes` applied (None removes a key); `page` resets."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def toggle_term(context, parameter: str, slug: str) -> str:
    """The current query string with `slug` added to or removed from facet `parameter`."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    values = params.getlist(parameter)
    if slug in values:
        values.remove(slug)
    else:
        values.append(slug)
    params.setlist(parameter, values)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def stars(rating) -> str:
    """A rating as filled and empty stars, for sighted readers (the number is given as text)."""
    try:
        filled = round(float(rating))
    except (TypeError, ValueError):
        return ""
    return "★" * filled + "☆" * (5 - filled)


@register.filter
def elided_pages(page) -> list:
    """The page numbers to link to around `page`, with ellipses for the gaps."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
