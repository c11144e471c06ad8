"""The member-facing catalogue: list, tool page, compare, bookmarks, reviews, saved searches,
finder. Access is the hub's policy (members only); views narrow it to a member's own objects."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib import messages
from django.db import connection
from django.db.models import Case, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from modeltranslation.utils import build_localized_fieldname

from catalog import services, tool_page
from catalog.filters import FinderForm
from catalog.forms import (
    MAX_COMPARED,
    CompareForm,
    DigestToggleForm,
    SavedSearchForm,
    ToolReviewForm,
)
from catalog.listing import Listing
from catalog.models import Bookmark, SavedSearch, Tool, ToolReview
from hub import audit
from hub.redirects import safe_path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from uuid import UUID

    from django.http import HttpResponse
    from django.utils.functional import _StrOrPromise

    from accounts.http import MemberRequest


@require_safe
def index(request: MemberRequest) -> HttpResponse:
    listing = Listing(request)
    if ignored := listing.ignored_filters():
        messages.warning(
            request,
            _("Some of the filters were not recognised and have been ignored: %(names)s.")
            % {"names": ", ".join(ignored)},
        )
    return render(request, "catalog/index.html", listing.context())


@require_safe
def tool(request: MemberRequest, slug: str) -> HttpResponse:
    tool = get_object_or_404(
        Tool.objects.visible_to(request.user)
        .select_related("provider")
        .annotate(**tool_page.for_visitor(request.user)),
        slug=slug,
    )
    # The page names no author (only "your review"): no join to the users.
    reviews = list(tool.reviews.visible_to(request.user).order_by("-created_at"))
    own_review = next((r for r in reviews if r.author_id == request.user.pk), None)
    # The member's bookmarks among published tools, this tool's first: whether it is
    # bookmarked, and up to three others to compare it with. One query.
    bookmarked = list(
        Bookmark.objects.owned_by(request.user)
        .filter(tool__status=Tool.Status.PUBLISHED)
        .annotate(this=Case(When(tool=tool, then=Value(1)), default=Value(0)))
        .order_by("-this", "-created_at")
        .values_list("tool_id", "tool__slug")[:4]
    )
    is_bookmarked = bool(bookmarked) and bookmarked[0][0] == tool.pk
    others = [other for pk, other in bookmarked if pk != tool.pk][:3]
    context = {
        "tool": tool,
        "facets": _facet_terms(tool),
        "reviews": reviews,
        "own_review": own_review,
        "is_bookmarked": is_bookmarked,
        "compare_slugs": ",".join([tool.slug, *others]) if others else "",
        "guidance": list(tool.articles.published()[:10]),
    }
    return render(request, "catalog/tool.html", context)


@cache
def _facet_terms_sql(language: str) -> str:
    """One statement for a tool's terms of every facet: (facet, slug, name) rows, each name in
    `language` where a curator gave one, else the original (English)."""
    localized = build_localized_fieldname("name", language)
    parts = []
    for parameter, field, _label in Tool.FACETS:
        m2m = Tool.facet_link(field)
        link, term = m2m.m2m_db_table(), Tool.term_model(field)._meta.db_table
        # S608: the table and column names come from the models and the settings' languages,
        # never from input.
        parts.append(
            f"SELECT '{parameter}', term.slug,"  # noqa: S608
            f" COALESCE(NULLIF(term.{localized}, ''), term.name) FROM {term} term"
            f" JOIN {link} link ON link.{m2m.m2m_reverse_name()} = term.id"
            f" WHERE link.{m2m.m2m_column_name()} = %(tool)s"
        )
    return " UNION ALL ".join(parts)


def _facet_terms(tool: Tool) -> list[tuple[_StrOrPromise, list[dict[str, str]]]]:
    """(facet label, the tool's terms by name) for every facet, in one query."""
    terms: dict[str, list[dict[str, str]]] = {parameter: [] for parameter, _f, _l in Tool.FACETS}
    language = get_language()
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with connection.cursor() as cursor:
        cursor.execute(_facet_terms_sql(language), {"tool": tool.pk})
        for parameter, slug, name in cursor.fetchall():
            terms[parameter].append({"slug": slug, "name": name})
    return [
        (label, sorted(terms[parameter], key=lambda term: term["name"].casefold()))
        for parameter, _field, label in Tool.FACETS
    ]


@require_safe
def compare(request: MemberRequest) -> HttpResponse:
    form = CompareForm(request.GET if "tools" in request.GET else None)
    rows: list[dict[str, Any]] = []
    tools: list[Tool] = form.cleaned_data["tools"] if form.is_valid() else []
    if tools:
        attributes: list[tuple[_StrOrPromise, Callable[[Tool], str]]] = [
            (_("Provider"), lambda t: str(t.provider or "—")),
            (_("Maturity"), lambda t: t.get_maturity_display()),
            (_("Last verified"), lambda t: t.last_verified.isoformat() if t.last_verified else "—"),
            (
                _("Rating"),
                lambda t: f"{t.rating_average:.1f} ({t.rating_count})" if t.rating_count else "—",
            ),
        ]
        for _parameter, field, heading in Tool.FACETS:
            attributes.append((heading, _facet_column(field)))
        for label, value in attributes:
            values = [value(t) for t in tools]
            rows.append(
                {
                    "label": label,
                    "values": values,
                    "cells": list(zip(tools, values, strict=True)),
                    "differs": len(set(values)) > 1,
                }
            )
    invalid = form.is_bound and not form.is_valid()
    context = {
        "form": form,
        "tools": tools,
        "rows": rows,
        # On an error the selection stays on the page, to untick and compare again.
        "chosen": form.chosen() if invalid else [],
        "max_compared": MAX_COMPARED,
    }
    return render(request, "catalog/compare.html", context, status=400 if invalid else 200)


def _facet_column(field: str) -> Callable[[Tool], str]:
    """A compare row's cell for one facet: the tool's terms in it."""

    def cell(tool: Tool) -> str:
        return _term_names(getattr(tool, field).all())

    return cell


def _term_names(terms: Iterable[object]) -> str:
    """A tool's terms in one facet, in name order: two tools with the same terms read the same."""
    return ", ".join(sorted((str(term) for term in terms), key=str.casefold)) or "—"


@require_safe
def bookmarks(request: MemberRequest) -> HttpResponse:
    own = (
        Bookmark.objects.owned_by(request.user)
        .filter(tool__status=Tool.Status.PUBLISHED)
        .select_related("tool__provider")
        .order_by("-created_at")
    )
    return render(request, "catalog/bookmarks.html", {"bookmarks": own})


@require_POST
def bookmark(request: MemberRequest, slug: str) -> HttpResponse:
    tool = get_object_or_404(Tool.objects.visible_to(request.user), slug=slug)
    if services.toggle_bookmark(request.user, tool):
        messages.success(request, _("%(tool)s is in your bookmarks.") % {"tool": tool})
    else:
        messages.success(request, _("%(tool)s was removed from your bookmarks.") % {"tool": tool})
    return redirect(safe_path(request, request.POST.get("next")) or tool.get_absolute_url())


@require_POST
def bookmark_delete(request: MemberRequest, uuid: UUID) -> HttpResponse:
    own = get_object_or_404(Bookmark.objects.owned_by(request.user), uuid=uuid)
    own.delete()
    messages.success(request, _("%(tool)s was removed from your bookmarks.") % {"tool": own.tool})
    return redirect("catalog:bookmarks")


@require_http_methods(["GET", "HEAD", "POST"])
def review_create(request: MemberRequest, slug: str) -> HttpResponse:
    tool = get_object_or_404(Tool.objects.visible_to(request.user), slug=slug)
    existing = ToolReview.objects.filter(tool=tool, author=request.user).first()
    if existing:
        messages.info(
            request, _("You have already reviewed this tool; you can change your review.")
        )
        return redirect("catalog:review_edit", uuid=existing.uuid)
    form = ToolReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.tool = tool
        form.instance.author = request.user
        review = form.save()
        audit.record("review_submitted", request=request, target=review)
        messages.success(
            request, _("Thank you. Your review will appear once a curator has checked it.")
        )
        return redirect(tool)
    return render(request, "catalog/review_form.html", {"form": form, "tool": tool})


@require_http_methods(["GET", "HEAD", "POST"])
def review_edit(request: MemberRequest, uuid: UUID) -> HttpResponse:
    review = get_object_or_404(
        ToolReview.objects.select_related("tool"),
        uuid=uuid,
        author=request.user,
        tool__status=Tool.Status.PUBLISHED,
    )
    form = ToolReviewForm(request.POST or None, instance=review)
    if request.method == "POST" and form.is_valid():
        was_published = review.status == ToolReview.Status.PUBLISHED
        # A changed review is checked again before others see it.
        form.instance.status = ToolReview.Status.PENDING
        form.save()
        if was_published:
            review.tool.refresh_rating()
        messages.success(request, _("Your review was updated and will be checked again."))
        return redirect(review.tool)
    return render(
        request, "catalog/review_form.html", {"form": form, "tool": review.tool, "review": review}
    )


@require_POST
def review_delete(request: MemberRequest, uuid: UUID) -> HttpResponse:
    review = get_object_or_404(
        ToolReview.objects.select_related("tool"), uuid=uuid, author=request.user
    )
    tool = review.tool
    review.delete()
    tool.refresh_rating()
    messages.success(request, _("Your review was deleted."))
    if tool.status == Tool.Status.PUBLISHED:
        return redirect(tool)
    return redirect("catalog:index")


@require_http_methods(["GET", "HEAD", "POST"])
def saved_searches(request: MemberRequest) -> HttpResponse:
    form = SavedSearchForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("Your search “%(name)s” was saved.") % {"name": saved.name})
        return redirect("catalog:saved_searches")
    own = SavedSearch.objects.owned_by(request.user)
    status = 400 if form.is_bound else 200
    return render(
        request, "catalog/saved_searches.html", {"form": form, "saved_searches": own}, status=status
    )


@require_POST
def saved_search_update(request: MemberRequest, uuid: UUID) -> HttpResponse:
    saved = get_object_or_404(SavedSearch.objects.owned_by(request.user), uuid=uuid)
    form = DigestToggleForm(request.POST, instance=saved)
    if form.is_valid():
        form.save()
        if saved.weekly_digest:
            message = _("You will get a weekly email about new tools for “%(name)s”.")
        else:
            message = _("You will no longer get emails about “%(name)s”.")
        messages.success(request, message % {"name": saved.name})
    return redirect("catalog:saved_searches")


@require_POST
def saved_search_delete(request: MemberRequest, uuid: UUID) -> HttpResponse:
    saved = get_object_or_404(SavedSearch.objects.owned_by(request.user), uuid=uuid)
    saved.delete()
    messages.success(request, _("The saved search “%(name)s” was deleted.") % {"name": saved.name})
    return redirect("catalog:saved_searches")


@require_safe
def finder(request: MemberRequest) -> HttpResponse:
    form = FinderForm(request.GET or None)
    matches = services.find_tools(form.cleaned_data) if form.is_bound and form.is_valid() else None
    return render(request, "catalog/finder.html", {"form": form, "matches": matches})
