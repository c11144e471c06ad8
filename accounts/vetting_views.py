"""The vetting officers' pages: the queue, decisions, and members (suspend, reinstate)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import services
from accounts.forms import DecisionForm, MemberFilterForm, QueueFilterForm, SuspendForm
from accounts.free_mail import is_free_mail
from accounts.models import (
    InvalidTransitionError,
    MembershipState,
    VettingApplication,
    agencies_by_domain,
    email_domain,
)
from hub.models import AuditEvent

if TYPE_CHECKING:
    import uuid
    from collections.abc import Sequence

    from django.http import HttpResponse

    from accounts.http import MemberRequest
    from accounts.models import User


PAGE_SIZE = 25


def _with_domains(applications: Sequence[VettingApplication]) -> None:
    """Attach to each application the signals its and its supervisor's email domains give.

    The agencies each domain matches; whether the supervisor is on free mail; and whether the
    supervisor is on the applicant's own domain when no agency uses it (one person may then
    hold both addresses).
    """
    found = agencies_by_domain(
        *[a.email for a in applications], *[a.supervisor_email for a in applications]
    )
    for application in applications:
        domain = email_domain(application.email)
        supervisor_domain = email_domain(application.supervisor_email)
        supervisor_agencies = found.get(supervisor_domain, [])
        supervisor_free_mail = is_free_mail(supervisor_domain)
        # For the templates: attributes of this page's objects, not fields of the model.
        vars(application).update(
            email_agencies=found.get(domain, []),
            supervisor_domain=supervisor_domain,
            supervisor_agencies=supervisor_agencies,
            supervisor_free_mail=supervisor_free_mail,
            supervisor_on_own_domain=(
                supervisor_domain == domain and not supervisor_agencies and not supervisor_free_mail
            ),
        )


@require_http_methods(["GET", "HEAD"])
def queue(request: MemberRequest) -> HttpResponse:
    """Applications waiting for a decision, oldest first, with the signals officers weigh."""
    countries = (
        VettingApplication.objects.ready()
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    )
    form = QueueFilterForm(request.GET or None, countries=list(countries))
    applications = (
        VettingApplication.objects.ready()
        .with_signals()
        .select_related("agency", "applicant")
        .prefetch_related("attestations")
        .oldest_first()
    )
    state = country = ""
    if form.is_valid():
        state, country = form.cleaned_data["state"], form.cleaned_data["country"]
    applications = applications.filter(state=state) if state else applications.open()
    if country:
        applications = applications.filter(country=country)
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    _with_domains(list(page.object_list))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "vetting/queue.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def application(request: MemberRequest, public_id: uuid.UUID) -> HttpResponse:
    """One application: what the applicant said, the signals, and the decision form."""
    application = get_object_or_404(
        VettingApplication.objects.ready()
        .with_signals()
        .select_related("agency", "applicant", "decided_by")
        .prefetch_related("attestations", "messages__author"),
        public_id=public_id,
    )
    own = application.applicant_id == request.user.pk
    form = DecisionForm(request.POST or None, application=application)
    status = 200
    if request.method == "POST":
        if own:
            status = 403
        elif not application.is_open:
            messages.error(request, _("This application has already been decided."))
            return redirect("vetting:application", public_id=application.public_id)
        elif form.is_valid():
            decide = services.DECISIONS[form.cleaned_data["decision"]]
            try:
                decide(
                    application,
                    officer=request.user,
                    reason=form.cleaned_data["reason"],
                    request=request,
                )
            except (InvalidTransitionError, services.NotAllowedError):
                messages.error(request, _("That decision is not possible any more."))
            else:
                messages.success(request, _("Decision recorded. The applicant has been told."))
            return redirect("vetting:application", public_id=application.public_id)
        else:
            status = 400
    _with_domains([application])
    earlier = (
        VettingApplication.objects.filter(
            Q(email__iexact=application.email) | Q(full_name__iexact=application.full_name),
            submitted_at__lt=application.submitted_at,
        )
        .exclude(pk=application.pk)
        .select_related("applicant")
        .order_by("-submitted_at")[:20]
    )
    return render(
        request,
        "vetting/application.html",
        {"application": application, "form": form, "own": own, "earlier": earlier},
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
def members(request: MemberRequest) -> HttpResponse:
    """Members, past and present, to find the one to suspend or reinstate."""
    form = MemberFilterForm(request.GET or None)
    people = get_user_model().objects.ever_members().order_by("full_name", "pk")
    if form.is_valid():
        if q := form.cleaned_data["q"].strip():
            people = people.filter(Q(full_name__icontains=q) | Q(email__icontains=q))
        if state := form.cleaned_data["state"]:
            people = people.in_state(MembershipState(state))
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "vetting/members.html", {"form": form, "page": page, "query": query.urlencode()}
    )


def _member_page(
    request: MemberRequest, member: User, *, form: SuspendForm | None = None, status: int = 200
) -> HttpResponse:
    history = AuditEvent.objects.filter(target=member.email).order_by("-created_at")[:20]
    applications = member.applications.order_by("-submitted_at")
    return render(
        request,
        "vetting/member.html",
        {
            "member": member,
            "form": form or SuspendForm(),
            "history": history,
            "applications": applications,
            "is_self": member.pk == request.user.pk,
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
def member(request: MemberRequest, public_id: uuid.UUID) -> HttpResponse:
    return _member_page(
        request, get_object_or_404(get_user_model().objects.ever_members(), public_id=public_id)
    )


@require_POST
def suspend(request: MemberRequest, public_id: uuid.UUID) -> HttpResponse:
    member = get_object_or_404(get_user_model().objects.ever_members(), public_id=public_id)
    form = SuspendForm(request.POST)
    if not form.is_valid():
        return _member_page(request, member, form=form, status=400)
    try:
        ended = services.suspend(
            member, actor=request.user, reason=form.cleaned_data["reason"], request=request
        )
    except services.NotAllowedError:
        messages.error(request, _("You cannot suspend yourself."))
    except InvalidTransitionError:
        messages.error(request, _("This member is already suspended."))
    else:
        messages.success(
            request,
            _("%(name)s is suspended. %(count)d session(s) ended.")
            % {"name": member.full_name, "count": ended},
        )
    return redirect("vetting:member", public_id=member.public_id)


@require_POST
def reinstate(request: MemberRequest, public_id: uuid.UUID) -> HttpResponse:
    member = get_object_or_404(get_user_model().objects.ever_members(), public_id=public_id)
    form = SuspendForm(request.POST)
    if not form.is_valid():
        return _member_page(request, member, form=form, status=400)
    try:
        services.reinstate(
            member, actor=request.user, reason=form.cleaned_data["reason"], request=request
        )
    except InvalidTransitionError:
        messages.error(request, _("This member is not suspended."))
    else:
        messages.success(request, _("%(name)s is reinstated.") % {"name": member.full_name})
    return redirect("vetting:member", public_id=member.public_id)
