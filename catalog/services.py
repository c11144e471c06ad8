"""Catalogue workflows that span several models: moderation, bookmarks, the tool finder."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from django.db import IntegrityError, transaction
from django.db.models import Count, Field, IntegerField, ManyToManyField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from catalog.models import Bookmark, Tool, ToolReview
from hub import audit, clock
from notifications.services import notify

if TYPE_CHECKING:
    from django.db.models import Expression, Model
    from django.http import HttpRequest

    from accounts.models import User


FINDER_RESULTS = 10
FREE_LICENCES = ("open-source", "free-for-law-enforcement")
# How much each kind of match counts towards a tool's fit.
# The finder's nice-to-haves and their weight in a tool's score (its musts are filters).
WEIGHTS = {"stages": 3, "data_types": 2}


def toggle_bookmark(user: User, tool: Tool) -> bool:
    """Bookmark `tool` for `user`, or remove the bookmark. True when it is now bookmarked."""
    deleted, _counts = Bookmark.objects.owned_by(user).filter(tool=tool).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Bookmark.objects.create(user=user, tool=tool)
    except IntegrityError:  # a double click raced us to it
        pass
    return True


@transaction.atomic
def moderate_review(
    review: ToolReview,
    *,
    publish: bool,
    by: User,
    note: str = "",
    request: HttpRequest | None = None,
    from_statuses: tuple[str, ...] = (ToolReview.Status.PENDING,),
) -> bool:
    """Publish or decline a review and tell its author. False if it was in none of
    `from_statuses` (by default: only a pending review is decided)."""
    status = ToolReview.Status.PUBLISHED if publish else ToolReview.Status.DECLINED
    # Claim the review with a conditional update: two moderators never both decide it.
    claimed = ToolReview.objects.filter(
        pk=review.pk, status__in=[s for s in from_statuses if s != status]
    ).update(status=status, moderated_at=clock.now(), moderation_note=note)
    if not claimed:
        return False
    review.refresh_from_db()
    review.tool.refresh_rating()
    kind = "review_published" if publish else "review_declined"
    notify(
        kind=kind,
        key=f"{kind}:{review.uuid}",
        to=review.author,
        context={"review": review, "tool": review.tool},
        url=reverse("catalog:tool", args=[review.tool.slug]),
    )
    audit.record(kind, request=request, actor=by, target=review)
    return True


@dataclass
class Match:
    tool: Tool
    score: int
    reasons: list[str] = field(default_factory=list)


def _matches(facet: str, slugs: list[str]) -> Coalesce:
    """A subquery: how many of `slugs` of `facet` the outer tool carries."""
    tool_field = cast("ManyToManyField", Tool._meta.get_field(facet))
    through = cast("type[Model]", tool_field.remote_field.through)
    term = tool_field.m2m_reverse_field_name()
    count = (
        through._default_manager.filter(tool_id=OuterRef("pk"), **{f"{term}__slug__in": slugs})
        .order_by()
        .values("tool_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(count, output_field=IntegerField()), Value(0))


def find_tools(answers: dict) -> list[Match]:
    """Published tools ranked by how well they fit the finder's `answers`, with the reasons."""
    tools = Tool.objects.published()
    if answers.get("budget") == "free":
        tools = tools.with_facet_terms(facet="licences", slugs=FREE_LICENCES)
    if answers.get("air_gapped"):
        tools = tools.with_facet_terms(facet="deployments", slugs=["air-gapped"])
    if answers.get("on_premises"):
        tools = tools.with_facet_terms(facet="deployments", slugs=["on-premises", "air-gapped"])
    # A language is a must: a tool that cannot read the case's language is of no use, so only
    # tools with every language asked for are kept. Stage and data types are nice to have: they
    # rank the tools that are left.
    must_languages = [term.slug for term in answers.get("languages") or ()]
    for slug in must_languages:
        tools = tools.with_facet_terms(facet="languages", slugs=[slug])
    wanted = {
        "stages": [answers["stage"].slug] if answers.get("stage") else [],
        "data_types": [term.slug for term in answers.get("data_types") or ()],
        "languages": must_languages,
    }
    score: Expression = Value(0)
    for facet, slugs in wanted.items():
        if slugs and facet in WEIGHTS:
            score = score + _matches(facet, slugs) * WEIGHTS[facet]
    ranked = list(
        tools.annotate(score=score)
        .select_related("provider")
        .prefetch_related("stages", "data_types", "languages", "licences", "deployments")
        .order_by("-score", "-rating_average", "name")[:FINDER_RESULTS]
    )
    matches = []
    for tool in ranked:
        reasons = []
        for facet, slugs in wanted.items():
            names = [term.name for term in getattr(tool, facet).all() if term.slug in slugs]
            if names:
                reasons.append(
                    _("%(facet)s: %(terms)s")
                    % {
                        "facet": str(
                            cast("Field", Tool._meta.get_field(facet)).verbose_name
                        ).capitalize(),
                        "terms": ", ".join(names),
                    }
                )
        if answers.get("budget") == "free":
            reasons.append(_("Free or open source"))
        if answers.get("air_gapped"):
            reasons.append(_("Can run air-gapped"))
        elif answers.get("on_premises"):
            reasons.append(_("Runs on your premises"))
        matches.append(Match(tool=tool, score=tool.score, reasons=reasons))
    return matches
