"""Markdown written by curators (tools, guidance, wellbeing), rendered to HTML and sanitised
before it reaches a page."""

from functools import lru_cache

import markdown as markdown_lib
import nh3
from django.utils.safestring import SafeString, mark_safe

# No images, forms, frames or scripts: a curator's text links out, it never embeds.
ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3", "h4",
    "hr", "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"}, "th": {"align"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render(text: str) -> SafeString:
    """The HTML for `text`: Markdown in, only the tags and links above out."""
    return mark_safe(_clean_html(text or ""))  # noqa: S308 (sanitised by nh3)  # nosec B308, B703


# Keyed by the text itself, so an edited text is simply another entry: nothing to invalidate.
@lru_cache(maxsize=512)
def _clean_html(text: str) -> str:
    html = markdown_lib.markdown(text, extensions=["tables", "sane_lists", "def_list"])
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
