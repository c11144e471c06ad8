"""Weekly catalogue jobs: review-due flags for curators and saved-search digests for members.

Both are safe to run twice: notifications carry an idempotency key per ISO week, and a saved
search is claimed with a conditional update before its digest is written.
"""

from __future__ import annotations

from celery import shared_task
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation

from accounts import roles
from catalog.models import SavedSearch, Tool
from hub import clock
from notifications.services import notify, recipient_language

DIGEST_MAX_TOOLS = 20


def _week() -> str:
    year, week, _day = clock.now().isocalendar()
    return f"{year}-W{week:02d}"


@shared_task(time_limit=300, soft_time_limit=240)
def flag_tools_due_for_review() -> int:
    """Tell each curator, once a week, which published tools are due for re-verification, and
    ask each tool's provider to confirm or update its entry. Returns how many were told."""
    due = Tool.objects.due_for_review(clock.today()).order_by("last_verified", "name")
    count = due.count()
    if not count:
        return 0
    tools = list(due[:50])
    curators = roles.holders(roles.CURATOR)
    url = reverse("admin:catalog_tool_changelist") + "?verification=due"
    week = _week()
    # Technology providers (issue 23): each tool's provider is asked to confirm or update it.
    from providers.services import ask_providers_to_review

    sent = ask_providers_to_review(due.select_related("provider").iterator(), week=week)
    for curator in curators:
        with transaction.atomic():
            sent += bool(
                notify(
                    kind="tools_due_for_review",
                    key=f"tools-due-for-review:{week}:{curator.pk}",
                    to=curator,
                    context={"tools": tools, "count": count},
                    url=url,
                )
            )
    return sent


@shared_task(time_limit=600, soft_time_limit=540)
def send_saved_search_digests() -> int:
    """Email each member with a digest turned on the tools published since their last one."""
    from catalog.filters import ToolFilter

    sent = 0
    now = clock.now()
    week = _week()
    for saved in SavedSearch.objects.filter(weekly_digest=True).select_related("user"):
        if not saved.user.is_active_member:
            continue
        since = saved.last_notified_at or saved.created_at
        with transaction.atomic():
            # Claim the search: a second run (or a second worker) finds it already done.
            claimed = SavedSearch.objects.filter(
                pk=saved.pk, last_notified_at=saved.last_notified_at
            ).update(last_notified_at=now)
            if not claimed:
                continue
            # The search reads in the member's language (the one the digest is written in), not
            # the worker's: a French query is stemmed in French and matches the French text.
            with translation.override(recipient_language(saved.user)):
                tools = ToolFilter(
                    QueryDict(saved.query_string),
                    queryset=Tool.objects.published().filter(
                        published_at__gt=since, published_at__lte=now
                    ),
                ).qs
                new_tools = list(tools[:DIGEST_MAX_TOOLS])
            if not new_tools:
                continue
            sent += bool(
                notify(
                    kind="saved_search_digest",
                    key=f"saved-search-digest:{saved.uuid}:{week}",
                    to=saved.user,
                    context={"saved_search": saved, "tools": new_tools},
                    url=saved.get_absolute_url(),
                )
            )
    return sent
