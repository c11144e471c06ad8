from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django import template
from django.utils.html import format_html, format_html_join

from wellbeing.models import Preferences

if TYPE_CHECKING:
    from django.template import Context


register = template.Library()


@register.inclusion_tag("wellbeing/includes/break_reminder_tags.html", takes_context=True)
def break_reminder(context: Context) -> dict[str, int | None]:
    """The break reminder's settings and script, for members who asked for reminders."""
    request = context.get("request")
    user = getattr(request, "user", None)
    minutes = None
    if user is not None and user.is_authenticated and user.is_active_member:
        minutes = Preferences.for_user(user).break_reminder_minutes
    return {"minutes": minutes}


# An email address, or a phone number: an optional +, then digits with spaces, dots, dashes or
# brackets between them (at least 7 digits, so dates and hours stay text).
_REACHABLE = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(?P<phone>\+?\d(?:[\d .()-]*\d){6,})"
)


@register.filter
def reach_links(text: str) -> str:
    """`text` escaped, with its email addresses as mailto: and phone numbers as tel: links."""
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for found in _REACHABLE.finditer(text):
        pieces.append((text[position : found.start()], None))
        if found["email"]:
            pieces.append((found["email"], f"mailto:{found['email']}"))
        else:
            digits = re.sub(r"[^\d+]", "", found["phone"])
            pieces.append((found["phone"], f"tel:{digits}"))
        position = found.end()
    pieces.append((text[position:], None))
    return format_html_join(
        "",
        "{}",
        (
            (format_html('<a href="{}">{}</a>', href, label) if href else label,)
            for label, href in pieces
        ),
    )
