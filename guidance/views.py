"""Guidance pages. Every view is for members (the access policy's default); assessments and
progress are narrowed to their owner, so anyone else gets 404."""

from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.http import MemberRequest
from catalog.models import Tool
from guidance.filters import ArticleFilter
from guidance.forms import (
    ArticleDoneForm,
    AssessmentForm,
    AssessmentStartForm,
)
from guidance.models import (
    QUESTIONS,
    Article,
    Assessment,
    LearningPath,
    LearningProgress,
    Status,
)
from hub.redirects import safe_path
from wellbeing.content_warnings import wants_content_warning

PAGE_SIZE = 20


@require_safe
def index(request: MemberRequest) -> HttpResponse:
    articles = Article.objects.published().select_related("category").order_by("title")
    article_filter = ArticleFilter(request.GET or None, queryset=articles)
    # An invalid filter (say, a category that no longer exists) shows its error and no results
    # rather than everything, so that the page never pretends to have applied it.
    results = (
        article_filter.qs
        if not article_filter.is_bound or article_filter.is_valid()
        else articles.none()
    )
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "guidance/index.html",
        {
            "filter": article_filter,
            "page": page,
            "query": query.urlencode(),
        },
    )


@require_safe
def article(request: MemberRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Article.objects.published().select_related("category"), slug=slug)
    if wants_content_warning(request, item.content_warning):
        return render(
            request,
            "wellbeing/content_warning.html",
            {"item": item, "back_url": "guidance:index"},
        )
    return render(
        request,
        "guidance/article.html",
        {
            "article": item,
            "tools": item.related_tools.published().order_by("name"),
            "paths": item.paths.published().order_by("title"),
            "done": LearningProgress.objects.owned_by(request.user).filter(article=item).exists(),
        },
    )


@require_POST
def article_done(request: MemberRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Article.objects.published(), slug=slug)
    form = ArticleDoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("We could not record that. Please try again."))
        return redirect(item)
    if form.cleaned_data["done"]:
        LearningProgress.objects.get_or_create(owner=request.user, article=item)
        messages.success(request, _("Marked “%(title)s” as read.") % {"title": item.title})
    else:
        LearningProgress.objects.owned_by(request.user).filter(article=item).delete()
        messages.success(request, _("Marked “%(title)s” as not read.") % {"title": item.title})
    return redirect(safe_path(request, form.cleaned_data["next"]) or item)


def _published_steps() -> Q:
    return Q(steps__article__status=Status.PUBLISHED)


@require_safe
def paths(request: MemberRequest) -> HttpResponse:
    learning_paths = (
        LearningPath.objects.published()
        .annotate(
            step_count=Count("steps", filter=_published_steps(), distinct=True),
            done_count=Count(
                "steps",
                filter=_published_steps() & Q(steps__article__progress__owner=request.user),
                distinct=True,
            ),
        )
        .order_by("title")
    )
    return render(request, "guidance/paths.html", {"paths": learning_paths})


@require_safe
def path(request: MemberRequest, slug: str) -> HttpResponse:
    learning_path = get_object_or_404(LearningPath.objects.published(), slug=slug)
    steps = list(
        learning_path.steps.filter(article__status=Status.PUBLISHED)
        .select_related("article__category")
        .order_by("position", "id")
    )
    done = set(
        LearningProgress.objects.owned_by(request.user)
        .filter(article__in=[step.article_id for step in steps])
        .values_list("article_id", flat=True)
    )
    for step in steps:
        step.done = step.article_id in done
    next_step = next((step for step in steps if not step.done), None)
    return render(
        request,
        "guidance/path.html",
        {
            "path": learning_path,
            "steps": steps,
            "done_count": len(done),
            "next_step": next_step,
        },
    )


@require_safe
def assessments(request: MemberRequest) -> HttpResponse:
    own = Assessment.objects.owned_by(request.user).defer(*[q.field for q in QUESTIONS])
    return render(request, "guidance/assessments.html", {"assessments": own})


@require_http_methods(["GET", "HEAD", "POST"])
def assessment_start(request: MemberRequest) -> HttpResponse:
    if request.method == "POST":
        form = AssessmentStartForm(request.POST)
        if form.is_valid():
            started = Assessment.objects.create(
                owner=request.user,
                tool=form.cleaned_data["tool"],
                tool_name=form.cleaned_data["tool_name"],
            )
            messages.success(request, _("Your assessment has started. It is saved as a draft."))
            return redirect(started)
        unknown_tool = False
    else:
        slug = request.GET.get("tool", "")[:200]
        tool = Tool.objects.published().filter(slug=slug).first() if slug else None
        unknown_tool = bool(slug) and tool is None
        form = AssessmentStartForm(initial={"tool": tool.slug if tool else None})
    return render(
        request, "guidance/assessment_start.html", {"form": form, "unknown_tool": unknown_tool}
    )


def _own_assessment(request: MemberRequest, pk: UUID) -> Assessment:
    return get_object_or_404(Assessment.objects.owned_by(request.user), pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
def assessment(request: MemberRequest, pk: UUID) -> HttpResponse:
    item = _own_assessment(request, pk)
    if request.method == "POST":
        finishing = request.POST.get("action") == AssessmentForm.FINISH
        form = AssessmentForm(request.POST, instance=item, finishing=finishing)
        if form.is_valid():
            form.save()
            if finishing:
                messages.success(request, _("Your assessment is finished. You can print it."))
            else:
                messages.success(request, _("Your draft has been saved."))
            return redirect(item)
    else:
        form = AssessmentForm(instance=item)
    return render(
        request,
        "guidance/assessment.html",
        {"assessment": item, "form": form, "questions": QUESTIONS},
    )


@require_safe
def assessment_print(request: MemberRequest, pk: UUID) -> HttpResponse:
    item = _own_assessment(request, pk)
    return render(request, "guidance/assessment_print.html", {"assessment": item})


@require_http_methods(["GET", "HEAD", "POST"])
def assessment_delete(request: MemberRequest, pk: UUID) -> HttpResponse:
    item = _own_assessment(request, pk)
    if request.method == "POST":
        item.delete()
        messages.success(
            request, _("Your assessment of %(tool)s has been deleted.") % {"tool": item.tool_name}
        )
        return redirect("guidance:assessments")
    return render(request, "guidance/assessment_delete.html", {"assessment": item})
