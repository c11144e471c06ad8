"""The providers' pages: applying, the application's status, the portal, proposals, replies.

The access policy (`hub.access`) lets only providers in (approved ones past the application
pages); these views narrow further to the provider's own organisation: another provider's
tool, proposal or review is 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.adapter import get_adapter
from allauth.account.internal import flows
from allauth.account.models import EmailAddress
from allauth.account.utils import setup_user_email
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from catalog.models import Tool
from hub.redirects import safe_path
from providers import changes, services
from providers.forms import (
    AcceptProviderTermsForm,
    ProposalForm,
    ProviderApplicationForm,
    ReplyForm,
)
from providers.models import Proposal, ProviderAccount, ProviderReply

if TYPE_CHECKING:
    from uuid import UUID


def _account(request: HttpRequest) -> ProviderAccount:
    account = ProviderAccount.of(request.user)
    if account is None:  # the policy lets only providers in; an account without a row is gone
        raise Http404
    return account


# --- Applying ------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    """An organisation applies: the same path as an officer's sign-up (allauth's email
    confirmation, then the second factor at first sign-in), with the providers' own form."""
    if request.user.is_authenticated:
        messages.info(request, _("You are signed in already. Sign out to apply as a provider."))
        return redirect("home")
    form = ProviderApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return _open_account(request, form.cleaned_data)
    return render(
        request,
        "providers/apply.html",
        {"form": form, "version": settings.PROVIDER_TERMS_VERSION},
        status=400 if form.is_bound else 200,
    )


def _open_account(request: HttpRequest, data: dict) -> HttpResponse:
    email = data["email"]
    taken = (
        get_user_model().objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    )
    if taken:
        # As allauth's sign-up answers: the address's owner is emailed, nothing is revealed here.
        return flows.signup.prevent_enumeration(request, email=email)
    try:
        with transaction.atomic():
            user = get_adapter().new_user(request)
            user.email = email
            user.full_name = data["contact_name"].strip()
            user.set_password(data["password1"])
            user.save()
            setup_user_email(request, user, [EmailAddress(email=email)])
            services.submit_application(
                user,
                organisation=data["organisation"].strip(),
                website=data["website"],
                contact_name=data["contact_name"].strip(),
                tools_description=data["tools_description"].strip(),
                request=request,
            )
    except IntegrityError:  # the same address, at the same moment
        return flows.signup.prevent_enumeration(request, email=email)
    return flows.signup.complete_signup(
        request, user=user, redirect_url=reverse("providers:application")
    )


@require_safe
def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "providers/terms.html", {"version": settings.PROVIDER_TERMS_VERSION})


@require_safe
def application(request: HttpRequest) -> HttpResponse:
    """The provider's own application: its state and, once decided, the curator's reason."""
    return render(request, "providers/application.html", {"account": _account(request)})


@require_http_methods(["GET", "HEAD", "POST"])
def accept_terms(request: HttpRequest) -> HttpResponse:
    """New provider terms: accepted before the portal opens again."""
    account = _account(request)
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    next_url = safe_path(request, candidate) or reverse("providers:portal")
    if account.has_accepted_current_terms and request.method != "POST":
        return redirect(next_url)
    form = AcceptProviderTermsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.accept_terms(request)
        messages.success(request, _("Thank you. You accepted the providers' terms."))
        return redirect(next_url)
    return render(
        request,
        "providers/accept_terms.html",
        {"form": form, "next": next_url, "version": settings.PROVIDER_TERMS_VERSION},
        status=400 if form.is_bound else 200,
    )


# --- The portal ----------------------------------------------------------------------------


@require_safe
def portal(request: HttpRequest) -> HttpResponse:
    """The organisation's published tools, each with "propose an update"; its proposals."""
    account = _account(request)
    tools = list(services.tools_of(account).order_by("name"))
    due = set(
        Tool.objects.due_for_review(services.clock.today())
        .filter(pk__in=[tool.pk for tool in tools])
        .values_list("pk", flat=True)
    )
    proposals = (
        Proposal.objects.of_provider(account.approved_provider)
        .select_related("tool")
        .order_by("-submitted_at")[:50]
    )
    return render(
        request,
        "providers/portal.html",
        {"account": account, "tools": tools, "due": due, "proposals": proposals},
    )


def _own_tool(account: ProviderAccount, slug: str) -> Tool:
    """One of the organisation's published tools; anyone else's is 404."""
    return get_object_or_404(services.tools_of(account), slug=slug)


def _propose(request: HttpRequest, account: ProviderAccount, tool: Tool | None) -> HttpResponse:
    before = changes.current_values(tool)
    # A copy: the form writes what it validates onto its instance, which is never saved.
    instance = Tool.objects.get(pk=tool.pk) if tool else Tool(provider=account.provider)
    form = ProposalForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        change_set = changes.from_cleaned_data(form.cleaned_data, before)
        if not change_set:
            form.add_error(None, _("Nothing was changed: change a field, or go back."))
        else:
            proposal = services.submit_proposal(
                account,
                tool=tool,
                base=before,
                changes=change_set,
                note=form.cleaned_data["note"].strip(),
                request=request,
            )
            messages.success(
                request,
                _(
                    "Thank you. Your proposal went to the curators; "
                    "nothing changes until they accept it."
                ),
            )
            return redirect(proposal.get_absolute_url())
    return render(
        request,
        "providers/propose.html",
        {"account": account, "tool": tool, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def propose_update(request: HttpRequest, slug: str) -> HttpResponse:
    account = _account(request)
    return _propose(request, account, _own_tool(account, slug))


@require_http_methods(["GET", "HEAD", "POST"])
def propose_tool(request: HttpRequest) -> HttpResponse:
    return _propose(request, _account(request), None)


@require_safe
def proposal(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """One of the organisation's proposals, field by field; anyone else's is 404."""
    account = _account(request)
    found = get_object_or_404(
        Proposal.objects.of_provider(account.approved_provider).select_related("tool"), uuid=uuid
    )
    rows = changes.diff(found.base, found.changes)
    return render(
        request, "providers/proposal.html", {"account": account, "proposal": found, "rows": rows}
    )


@require_POST
def confirm_accurate(request: HttpRequest, slug: str) -> HttpResponse:
    """ "Still accurate": the provider verifies one of their tools' entries as it stands."""
    account = _account(request)
    tool = services.confirm_still_accurate(account, _own_tool(account, slug), request=request)
    messages.success(
        request,
        _("Thank you. %(tool)s is marked verified today.") % {"tool": tool.name},
    )
    return redirect("providers:portal")


# --- Replies to reviews --------------------------------------------------------------------


@require_safe
def reviews(request: HttpRequest) -> HttpResponse:
    """Published reviews of the organisation's tools, each with its reply or a reply form."""
    account = _account(request)
    listed = list(services.reviews_of(account)[:100])
    replies = {
        reply.review_id: reply
        for reply in ProviderReply.objects.filter(review__in=[r.pk for r in listed])
    }
    items = [(review, replies.get(review.pk)) for review in listed]
    return render(
        request,
        "providers/reviews.html",
        {"account": account, "items": items, "form": ReplyForm()},
    )


@require_POST
def reply(request: HttpRequest, uuid: UUID) -> HttpResponse:
    account = _account(request)
    review = get_object_or_404(services.reviews_of(account), uuid=uuid)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Write your reply (at most 2,000 characters)."))
        return redirect(f"{reverse('providers:reviews')}#review-{review.uuid}")
    try:
        services.post_reply(account, review, body=form.cleaned_data["body"], request=request)
    except services.AlreadyDecidedError:
        messages.error(request, _("You have replied to this review already."))
    else:
        messages.success(request, _("Thank you. Your reply is shown once a curator publishes it."))
    return redirect("providers:reviews")
