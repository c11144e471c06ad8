"""The applicant's side of vetting, and the supervisor's attestation page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts import services
from accounts.forms import AcceptTermsForm, AnswerForm, AttestationForm, ContactForm, RenewalForm
from accounts.models import ApplicationState, InvalidTransitionError, VettingApplication
from hub import audit
from hub.redirects import safe_path

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpRequest, HttpResponse

    from accounts.http import MemberRequest
    from accounts.models import User


def _current_application(user: User) -> VettingApplication | None:
    return (
        user.applications.select_related("agency")
        .prefetch_related("messages", "attestations")
        .order_by("-submitted_at")
        .first()
    )


def _application_page(
    request: MemberRequest,
    *,
    answer_form: AnswerForm | None = None,
    renewal_form: RenewalForm | None = None,
    status: int = 200,
) -> HttpResponse:
    application = _current_application(request.user)
    can_renew = services.can_renew(request.user)
    context = {
        "application": application,
        "state": request.user.membership_state,
        "answer_form": answer_form or AnswerForm(),
        "can_renew": can_renew,
        "renewal_form": renewal_form
        or RenewalForm(
            user=request.user,
            initial={
                "supervisor_name": application.supervisor_name if application else "",
                "supervisor_email": application.supervisor_email if application else "",
            },
        ),
    }
    return render(request, "accounts/application.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def application(request: MemberRequest) -> HttpResponse:
    """The signed-in person's own application: its state, the officer's questions, renewal."""
    return _application_page(request)


@require_POST
def answer(request: MemberRequest) -> HttpResponse:
    form = AnswerForm(request.POST)
    current = _current_application(request.user)
    if current is None or not current.awaits_applicant:
        messages.error(request, _("Your application is not waiting for an answer."))
        return redirect("accounts:application")
    if not form.is_valid():
        return _application_page(request, answer_form=form, status=400)
    services.answer_question(current, answer=form.cleaned_data["answer"], request=request)
    messages.success(request, _("Thank you. Your answer has gone to the vetting officers."))
    return redirect("accounts:application")


@require_POST
def renew(request: MemberRequest) -> HttpResponse:
    form = RenewalForm(request.POST, user=request.user)
    if not services.can_renew(request.user):
        messages.error(request, _("Your membership cannot be renewed now."))
        return redirect("accounts:application")
    if not form.is_valid():
        return _application_page(request, renewal_form=form, status=400)
    try:
        renewal = services.request_renewal(request.user, **form.cleaned_data, request=request)
    except InvalidTransitionError:
        messages.error(request, _("Your membership cannot be renewed now."))
    else:
        if renewal.attestations.exists():
            text = _("Renewal requested. We have asked your supervisor to confirm your role again.")
        else:  # a rate limit held the supervisor's email back
            text = _("Renewal requested. The vetting officers will confirm your role.")
        messages.success(request, text)
    return redirect("accounts:application")


def _runs_the_hub(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and (
        user.is_staff or user.is_superuser or user.has_perm("accounts.vet_application")
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def attest(request: HttpRequest, token: str) -> HttpResponse:
    """The supervisor's page: no account, a signed link that expires and works once.

    The hub's own staff (administrators, curators, vetting officers) may not answer: the link
    has passed through places they can read, and an attestation is worth something only
    because it comes from outside the hub.
    """
    if _runs_the_hub(request.user):
        audit.record("attestation.refused", request=request, reason="staff session")
        return render(request, "accounts/attest_closed.html", {"reason": "staff"}, status=403)
    attestation = services.attestation_from_token(token)
    if attestation is None:
        return render(request, "accounts/attest_closed.html", {"reason": "invalid"}, status=404)
    if attestation.answered_at is not None:
        return render(request, "accounts/attest_closed.html", {"reason": "used"}, status=410)
    if attestation.is_expired:
        return render(request, "accounts/attest_closed.html", {"reason": "expired"}, status=410)
    form = AttestationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.answer_attestation(attestation, **form.cleaned_data, request=request)
        except services.AttestationClosedError:
            return render(request, "accounts/attest_closed.html", {"reason": "used"}, status=410)
        return render(request, "accounts/attest_done.html", {"attestation": attestation})
    return render(
        request,
        "accounts/attest.html",
        {"attestation": attestation, "application": attestation.application, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def contact_message(request: MemberRequest) -> HttpResponse:
    """Write to the vetting officers: open after the password, so a lost phone is no dead end."""
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        topic = form.cleaned_data["topic"]
        try:
            services.send_contact_message(
                request.user,
                topic=topic,
                topic_label=str(ContactForm.Topic(topic).label),
                message=form.cleaned_data["message"],
                request=request,
            )
        except services.TooManyMessagesError:
            form.add_error(
                None,
                _(
                    "You have sent %(limit)d messages today. An officer will answer them; "
                    "you can write again tomorrow."
                )
                % {"limit": services.CONTACT_LIMIT},
            )
        except services.NobodyToTellError:
            form.add_error(
                None,
                _("This hub has nobody to read messages yet. Please try again later."),
            )
        else:
            messages.success(
                request,
                _("Your message was sent. An officer will answer by email, to %(email)s.")
                % {"email": request.user.email},
            )
            return redirect("contact")
    return render(
        request, "accounts/contact_message.html", {"form": form}, status=400 if form.errors else 200
    )


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    return safe_path(request, candidate) or resolve_url(settings.LOGIN_REDIRECT_URL)


@require_http_methods(["GET", "HEAD", "POST"])
def accept_terms(request: MemberRequest) -> HttpResponse:
    """New terms of engagement: a member accepts them before any member's page opens again."""
    next_url = _next_url(request)
    if request.user.has_accepted_current_terms and request.method != "POST":
        return redirect(next_url)
    form = AcceptTermsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.accept_terms(request)
        messages.success(request, _("Thank you. You accepted the terms of engagement."))
        return redirect(next_url)
    return render(
        request,
        "accounts/accept_terms.html",
        {"form": form, "next": next_url, "version": settings.TERMS_VERSION},
        status=400 if form.is_bound else 200,
    )


@require_safe
def profile(request: MemberRequest) -> HttpResponse:
    """The member's own profile: who the hub knows them as, and their membership dates."""
    approved = request.user.applications.filter(state=ApplicationState.APPROVED)
    first = approved.order_by("decided_at").first()
    latest = approved.order_by("-decided_at").first()
    return render(
        request,
        "accounts/profile.html",
        {
            "application": latest,
            "member_since": first.decided_at if first else None,
            "renewed_on": latest.decided_at if latest and latest != first else None,
        },
    )


@require_POST
def dismiss_welcome(request: MemberRequest) -> HttpResponse:
    """Hide the first-visit welcome for good, then go back to the page it was on."""
    request.user.dismiss_welcome()
    messages.success(
        request, _("The welcome is closed. You can find it again on your profile page.")
    )
    return redirect(safe_path(request, request.POST.get("next")) or "catalog:index")
