"""Template helpers for the community: plain-text messages, posts, and the tool page's link."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django import template
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

from community.models import Profile
from hub.markdown import render

if TYPE_CHECKING:
    from catalog.models import Tool

register = template.Library()

# Links a member typed: shown as links to the warning page, never straight out of the hub.
URL = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
TRAILING = ".,;:!?)]}'\""


def _linked(line: str) -> SafeString:
    """One line, escaped, with each web address a link to the warning page."""
    result = SafeString("")
    position = 0
    for match in URL.finditer(line):
        url = match.group(0).rstrip(TRAILING)
        href = f"{reverse('community:external_link')}?{urlencode({'to': url})}"
        result += conditional_escape(line[position : match.start()])
        result += format_html('<a href="{}" rel="nofollow noreferrer">{}</a>', href, url)
        position = match.start() + len(url)
    return result + conditional_escape(line[position:])


@register.filter
def message_text(text: str) -> SafeString:
    """A plain-text message: every character escaped, paragraphs and line breaks kept, and
    each web address a link to `community:external_link`, which warns before leaving the hub.
    Built only from escaped text and format_html, so nothing a member typed becomes markup."""
    result = SafeString("")
    for paragraph in re.split(r"\n{2,}", (text or "").replace("\r\n", "\n").strip()):
        inner = SafeString("")
        for number, line in enumerate(paragraph.split("\n")):
            if number:
                inner += SafeString("<br>")
            inner += _linked(line)
        result += format_html("<p>{}</p>", inner)
    return result


@register.filter
def post_markdown(text: str) -> SafeString:
    """A forum post: Markdown through the hub's sanitiser (no images, scripts or frames)."""
    return render(text)


@register.simple_tag(takes_context=True)
def members_who_used(context: template.Context, tool: Tool) -> dict[str, int | bool]:
    """For a tool's catalogue page, in one query: how many listed members say they have used
    `tool` (`count`), and whether the visitor's own profile says so (`mine`).

    No query when the tool came from a query with `catalog.tool_page.for_visitor` applied
    (`community.apps.tool_page_annotations`): both are read from the tool.
    """
    count = getattr(tool, "community_used_count", None)
    if count is not None:
        return {"count": count, "mine": bool(getattr(tool, "community_used_mine", False))}
    user = getattr(context.get("request"), "user", None)
    listed = Q(pk__in=Profile.objects.listed().values("pk"))
    mine = Q(user=user) if user is not None and user.is_authenticated else Q(pk__in=[])
    counts = Profile.objects.filter(tools=tool).aggregate(
        count=Count("pk", filter=listed), mine=Count("pk", filter=mine)
    )
    return {"count": counts["count"], "mine": bool(counts["mine"])}
