"""Wellbeing pages. Every view is for members (the access policy's default); self-checks and
preferences are narrowed to their owner, so anyone else gets 404.

Nothing here writes to the audit log on purpose: that a person uses the self-check is
itself sensitive, and the audit log is read by administrators.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from wellbeing import trends
from wellbeing.content_warnings import wants_content_warning
from wellbeing.filters import SupportServiceFilter
from wellbeing.forms import PreferencesForm, SelfCheckForm
from wellbeing.models import SCALES, Preferences, Resource, SelfCheck, SupportService

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest, HttpResponse
    from django_stubs_ext import StrOrPromise

    from accounts.http import MemberRequest
    from accounts.models import User


@require_safe
def index(request: MemberRequest) -> HttpResponse:
    resources = list(Resource.objects.published().order_by("kind", "title"))
    return render(
        request,
        "wellbeing/index.html",
        {
            "articles": [item for item in resources if item.kind == Resource.Kind.ARTICLE],
            "exercises": [item for item in resources if item.kind == Resource.Kind.EXERCISE],
        },
    )


@require_safe
def resource(request: MemberRequest, slug: str) -> HttpResponse:
    item = get_object_or_404(Resource.objects.published(), slug=slug)
    if wants_content_warning(request, item.content_warning):
        return render(
            request, "wellbeing/content_warning.html", {"item": item, "back_url": "wellbeing:index"}
        )
    return render(request, "wellbeing/resource.html", {"resource": item})


def _own_country(user: User | AnonymousUser) -> dict[str, str] | None:
    """The filter for the country the person gave in their application, if the directory has it."""
    application = user.latest_application if user.is_authenticated else None
    if application and application.country in SupportService.objects.listed().countries():
        return {"country": application.country}
    return None


@require_safe
def services(request: HttpRequest) -> HttpResponse:
    """The support directory, open to everyone; it starts on the person's own country."""
    listed = SupportService.objects.listed().order_by("country", "name")
    service_filter = SupportServiceFilter(
        request.GET or _own_country(request.user), queryset=listed
    )
    results = (
        service_filter.qs
        if not service_filter.is_bound or service_filter.is_valid()
        else listed.none()
    )
    return render(
        request, "wellbeing/services.html", {"filter": service_filter, "services": results}
    )


@require_http_methods(["GET", "HEAD", "POST"])
def checkin(request: MemberRequest) -> HttpResponse:
    form = SelfCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.owner = request.user
        check = form.save()
        if not check.is_very_low:  # then the page opens on the crisis lines, not a green banner
            messages.success(request, _("Thank you. Your check-in is saved; only you can see it."))
        return redirect("wellbeing:checkins")
    return render(request, "wellbeing/checkin.html", {"form": form, "scales": SCALES})


@require_safe
def checkins(request: MemberRequest) -> HttpResponse:
    own = list(SelfCheck.objects.owned_by(request.user).order_by("created_at"))
    areas = trends.worsening_areas(own)
    worsening = bool(areas) or trends.total_dropped(own)
    pointers = []
    if worsening:
        pointers = list(
            Resource.objects.published().filter(area__in=areas or [""]).order_by("kind", "title")
        )
        if not pointers:
            pointers = list(Resource.objects.published().order_by("kind", "title")[:3])
    labels: dict[str, StrOrPromise] = {scale.area: scale.area.label for scale in SCALES}
    very_low = bool(own) and own[-1].is_very_low
    country = (_own_country(request.user) or {}).get("country", "")
    return render(
        request,
        "wellbeing/checkins.html",
        {
            "checks": own,
            "rows": list(reversed(own)),
            "chart": trends.chart(own) if own else None,
            "scales": SCALES,
            "worsening": worsening,
            "worse_areas": [labels[area] for area in areas],
            "pointers": pointers,
            "crisis_lines": SupportService.objects.crisis_lines(country) if very_low else None,
        },
    )


@require_safe
def checkin_detail(request: MemberRequest, pk: UUID) -> HttpResponse:
    check = get_object_or_404(SelfCheck.objects.owned_by(request.user), pk=pk)
    return render(
        request,
        "wellbeing/checkin_detail.html",
        {"check": check, "answers": [(scale, getattr(check, scale.area)) for scale in SCALES]},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def checkins_delete_all(request: MemberRequest) -> HttpResponse:
    own = SelfCheck.objects.owned_by(request.user)
    if request.method == "POST":
        with transaction.atomic():
            deleted, _by_model = own.delete()
        messages.success(
            request,
            ngettext(
                "Your %(count)d check-in has been deleted. It cannot be recovered.",
                "All your %(count)d check-ins have been deleted. They cannot be recovered.",
                deleted,
            )
            % {"count": deleted},
        )
        return redirect("wellbeing:checkins")
    return render(request, "wellbeing/checkins_delete_all.html", {"count": own.count()})


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request: MemberRequest) -> HttpResponse:
    current = Preferences.for_user(request.user)
    form = PreferencesForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your preferences are saved."))
        return redirect("wellbeing:preferences")
    return render(request, "wellbeing/preferences.html", {"form": form})
