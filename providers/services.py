"""Provider workflows: applying, the curator's decision, proposals, verification and replies.

Each changes several models, notifies through the outbox and audits, in one transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.urls import reverse
from django.utils.text import slugify

from accounts import roles
from catalog.models import Provider, Tool, ToolReview
from hub import audit, clock
from notifications.services import notify
from providers import changes as change_sets
from providers.models import Proposal, ProviderAccount, ProviderReply

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterable

    from django.http import HttpRequest

    from accounts.models import User


class NotAllowedError(Exception):
    """A workflow refused for who is asking (a member's account, another provider's tool)."""


class AlreadyDecidedError(Exception):
    """The proposal, application or reply was decided already (by another curator, say)."""


def _tell_curators(*, kind: str, key: str, context: dict, url: str) -> None:
    for curator in roles.holders(roles.CURATOR):
        notify(kind=kind, key=f"{key}:{curator.public_id}", to=curator, context=context, url=url)


def _admin_url(obj: models.Model) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


# --- Applying ------------------------------------------------------------------------------


def refuse_members(user: User) -> None:
    """A person cannot be a provider and a member with one account (issue 23)."""
    if user.membership_valid_until is not None or user.suspended_at is not None:
        raise NotAllowedError("A member's account cannot become a technology provider's.")
    if user.applications.exists():
        raise NotAllowedError("Someone who applied to be a member cannot be a provider too.")


@transaction.atomic
def submit_application(
    user: User,
    *,
    organisation: str,
    website: str,
    contact_name: str,
    tools_description: str,
    request: HttpRequest | None = None,
) -> ProviderAccount:
    """Record an organisation's application on its new account (at /providers/apply/).

    It reaches the curators once the email address is confirmed (`confirm_email`).
    """
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    refuse_members(user)
    now = clock.now()
    user.is_provider = True
    user.full_name = contact_name
    user.save(update_fields=["is_provider", "full_name"])
    account = ProviderAccount.objects.create(
        user=user,
        organisation=organisation,
        website=website,
        contact_name=contact_name,
        email=user.email,
        tools_description=tools_description,
        terms_version=settings.PROVIDER_TERMS_VERSION,
        terms_accepted_at=now,
        submitted_at=now,
    )
    audit.record(
        "provider.applied",
        request=request,
        actor=user,
        target=account.public_id,
        organisation=organisation,
    )
    return account


@transaction.atomic
def confirm_email(user: User, *, request: HttpRequest | None = None) -> ProviderAccount | None:
    """The provider proved their address: the application reaches the curators."""
    account = (
        ProviderAccount.objects.select_for_update()
        .filter(user=user, email_confirmed_at__isnull=True)
        .first()
    )
    if account is None:
        return None
    account.email_confirmed_at = clock.now()
    account.save(update_fields=["email_confirmed_at"])
    _tell_curators(
        kind="provider_application_submitted",
        key=f"provider-application:{account.public_id}",
        context={"account": account},
        url=_admin_url(account),
    )
    return account


@transaction.atomic
def accept_terms(request: HttpRequest) -> None:
    """The signed-in provider accepts the current provider terms of engagement; audited."""
    account = ProviderAccount.objects.select_for_update().get(user=request.user)
    previous = account.terms_version
    account.terms_version = settings.PROVIDER_TERMS_VERSION
    account.terms_accepted_at = clock.now()
    account.save(update_fields=["terms_version", "terms_accepted_at"])
    request.user.__dict__.pop("_provider_account", None)
    audit.record(
        "provider.terms_accepted",
        request=request,
        target=account.public_id,
        version=account.terms_version,
        previous=previous,
    )


def _tell_provider(
    account: ProviderAccount, *, kind: str, key: str, context: dict, url: str
) -> None:
    notify(kind=kind, key=key, to=account.user, context={"account": account, **context}, url=url)


def _decide(
    account: ProviderAccount,
    decision: str,
    *,
    curator: User,
    reason: str,
    provider: Provider | None = None,
) -> ProviderAccount:
    """Lock the account and record `decision` (ProviderAccount.DECISIONS) on it, from a state
    that allows it; the caller's transaction holds the lock."""
    account = ProviderAccount.objects.select_for_update().get(pk=account.pk)
    allowed_from, state = ProviderAccount.DECISIONS[decision]
    if account.state not in allowed_from:
        raise AlreadyDecidedError
    account.state = state
    if provider is not None:
        account.provider = provider
    account.decided_at, account.decided_by, account.decision_reason = (
        clock.now(),
        curator,
        reason,
    )
    account.save()
    return account


@transaction.atomic
def approve(
    account: ProviderAccount,
    *,
    curator: User,
    provider: Provider,
    reason: str,
    request: HttpRequest | None = None,
) -> ProviderAccount:
    """Approve an organisation's application, linking its account to one `Provider`."""
    if account.user_id == curator.pk:
        raise NotAllowedError("Nobody decides their own application.")
    account = _decide(account, "approve", curator=curator, reason=reason, provider=provider)
    audit.record(
        "provider.approved",
        request=request,
        actor=curator,
        target=account.public_id,
        provider=provider.name,
        reason=reason,
    )
    _tell_provider(
        account,
        kind="provider_application_decision",
        key=f"provider-decision:{account.public_id}:approved",
        context={},
        url=reverse("providers:portal"),
    )
    return account


@transaction.atomic
def reject(
    account: ProviderAccount, *, curator: User, reason: str, request: HttpRequest | None = None
) -> ProviderAccount:
    account = _decide(account, "reject", curator=curator, reason=reason)
    audit.record(
        "provider.rejected",
        request=request,
        actor=curator,
        target=account.public_id,
        reason=reason,
    )
    _tell_provider(
        account,
        kind="provider_application_decision",
        key=f"provider-decision:{account.public_id}:rejected",
        context={},
        url=reverse("providers:application"),
    )
    return account


@transaction.atomic
def revoke(
    account: ProviderAccount, *, curator: User, reason: str, request: HttpRequest | None = None
) -> ProviderAccount:
    """Take an approved provider's access away; their sessions end at once."""
    from accounts.sessions import end_all_sessions

    account = _decide(account, "revoke", curator=curator, reason=reason)
    ended = end_all_sessions(account.user)
    audit.record(
        "provider.revoked",
        request=request,
        actor=curator,
        target=account.public_id,
        reason=reason,
        sessions_ended=ended,
    )
    return account


# --- Proposals -----------------------------------------------------------------------------


def tools_of(account: ProviderAccount) -> models.QuerySet[Tool]:
    """The tools a provider may propose updates to: their organisation's published ones."""
    return Tool.objects.published().filter(provider_id=account.provider_id)


@transaction.atomic
def submit_proposal(
    account: ProviderAccount,
    *,
    tool: Tool | None,
    changes: dict,
    base: dict | None = None,
    note: str = "",
    request: HttpRequest | None = None,
) -> Proposal:
    """Save a change set as a draft revision for the curators. Nothing public changes."""
    if tool is not None and tool.provider_id != account.provider_id:
        raise NotAllowedError("A provider proposes changes to their own tools only.")
    proposal = Proposal.objects.create(
        provider_id=account.approved_provider_id,
        account=account,
        tool=tool,
        changes=changes,
        base=change_sets.current_values(tool) if base is None else base,
        note=note,
        submitted_at=clock.now(),
    )
    audit.record(
        "provider.proposal_submitted",
        request=request,
        actor=account.user,
        target=proposal.uuid,
        tool=tool.slug if tool else "",
        fields=sorted(changes),
    )
    _tell_curators(
        kind="provider_proposal_submitted",
        key=f"provider-proposal:{proposal.uuid}",
        context={"proposal": proposal},
        url=_admin_url(proposal),
    )
    return proposal


def _claim(proposal: Proposal, state: str, *, curator: User, comment: str) -> Proposal:
    """Decide a waiting proposal with a conditional update: two curators never both do."""
    claimed = Proposal.objects.filter(pk=proposal.pk, state=Proposal.State.SUBMITTED).update(
        state=state, decided_at=clock.now(), decided_by=curator, curator_comment=comment
    )
    if not claimed:
        raise AlreadyDecidedError
    return Proposal.objects.select_related("tool", "provider", "account__user").get(pk=proposal.pk)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "tool"
    slug, n = base, 1
    while Tool.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def accept_proposal(
    proposal: Proposal,
    *,
    curator: User,
    edits: dict | None = None,
    comment: str = "",
    request: HttpRequest | None = None,
) -> Tool:
    """Apply the proposal (or the curator's edit of it) to the tool in one transaction: the
    tool's history names the provider, "last verified" is today, the decision is audited and
    the provider is told. A new tool is made as a draft, for curators to publish."""
    proposal = _claim(proposal, Proposal.State.ACCEPTED, curator=curator, comment=comment)
    applied = proposal.changes if edits is None else edits
    if edits is not None and edits != proposal.changes:
        Proposal.objects.filter(pk=proposal.pk).update(changes=edits)
    if proposal.tool_id is None:
        tool = Tool(
            name=applied.get("name", ""),
            slug=_unique_slug(applied.get("name", "")),
            provider=proposal.provider,
            status=Tool.Status.DRAFT,
        )
        event = "provider.new_tool_accepted"
    else:
        tool = Tool.objects.select_for_update().get(pk=proposal.tool_id)
        event = "provider.proposal_accepted"
    tool.last_verified = clock.today()
    tool._history_user = curator
    tool._change_reason = (
        f"Proposal from {proposal.provider.name} ({proposal.account.contact_name}) accepted"
        + (", edited by the curator" if edits is not None and edits != proposal.changes else "")
    )[:100]
    fields = change_sets.apply(tool, applied)
    if proposal.tool_id is None:
        Proposal.objects.filter(pk=proposal.pk).update(tool=tool)
    audit.record(
        event,
        request=request,
        actor=curator,
        target=proposal.uuid,
        tool=tool.slug,
        provider=proposal.provider.name,
        fields=fields,
        edited=edits is not None and edits != proposal.changes,
    )
    _tell_provider(
        proposal.account,
        kind="provider_proposal_decision",
        key=f"provider-proposal-decision:{proposal.uuid}",
        context={"proposal": proposal, "tool": tool, "accepted": True},
        url=proposal.get_absolute_url(),
    )
    return tool


@transaction.atomic
def return_proposal(
    proposal: Proposal, *, curator: User, comment: str, request: HttpRequest | None = None
) -> Proposal:
    """Send the proposal back with the curator's comment. The tool is left as it is."""
    proposal = _claim(proposal, Proposal.State.RETURNED, curator=curator, comment=comment)
    audit.record(
        "provider.proposal_returned",
        request=request,
        actor=curator,
        target=proposal.uuid,
        provider=proposal.provider.name,
        comment=comment,
    )
    _tell_provider(
        proposal.account,
        kind="provider_proposal_decision",
        key=f"provider-proposal-decision:{proposal.uuid}",
        context={"proposal": proposal, "tool": proposal.tool, "accepted": False},
        url=proposal.get_absolute_url(),
    )
    return proposal


# --- Review due: the provider confirms or updates -------------------------------------------


@transaction.atomic
def confirm_still_accurate(
    account: ProviderAccount, tool: Tool, *, request: HttpRequest | None = None
) -> Tool:
    """The provider says the entry is still accurate: a verification, in history and audited."""
    if tool.provider_id != account.provider_id:
        raise NotAllowedError("A provider verifies their own tools only.")
    tool = Tool.objects.select_for_update().get(pk=tool.pk)
    tool.last_verified = clock.today()
    tool._history_user = account.user
    tool._change_reason = f"Confirmed still accurate by {account.approved_provider.name}"[:100]
    tool.save()
    audit.record(
        "tool_verified",
        request=request,
        actor=account.user,
        target=tool,
        by_provider=account.approved_provider.name,
    )
    return tool


def ask_providers_to_review(tools: Iterable[Tool], *, week: str) -> int:
    """Ask each approved provider of a tool due for review to confirm or update it, once a week.

    Called by `catalog.tasks.flag_tools_due_for_review`; each message is written in its own
    transaction, keyed by tool, person and week, so a second run sends nothing twice.
    """
    sent = 0
    by_provider: dict[int, list[Tool]] = {}
    for tool in tools:
        if tool.provider_id:
            by_provider.setdefault(tool.provider_id, []).append(tool)
    accounts = ProviderAccount.objects.approved().filter(provider_id__in=by_provider)
    for account in accounts.select_related("user", "provider"):
        for tool in by_provider[account.provider_id]:
            with transaction.atomic():
                sent += bool(
                    notify(
                        kind="provider_tool_due_for_review",
                        key=f"provider-review-due:{week}:{tool.pk}:{account.user.public_id}",
                        to=account.user,
                        context={"account": account, "tool": tool},
                        url=reverse("providers:propose_update", args=[tool.slug]),
                    )
                )
    return sent


# --- Replies to reviews --------------------------------------------------------------------


def reviews_of(account: ProviderAccount) -> models.QuerySet[ToolReview]:
    """Published reviews of the provider's published tools (never their authors)."""
    return (
        ToolReview.objects.published()
        .filter(tool__provider_id=account.approved_provider_id, tool__status=Tool.Status.PUBLISHED)
        .select_related("tool")
        .order_by("-created_at")
    )


@transaction.atomic
def post_reply(
    account: ProviderAccount, review: ToolReview, *, body: str, request: HttpRequest | None = None
) -> ProviderReply:
    """The provider's one reply to a review of their tool, pending moderation."""
    if review.tool.provider_id != account.provider_id:
        raise NotAllowedError("A provider replies to reviews of their own tools only.")
    if ProviderReply.objects.filter(review=review).exists():
        raise AlreadyDecidedError
    reply = ProviderReply.objects.create(
        review=review,
        provider_id=account.approved_provider_id,
        account=account,
        body=body,
        created_at=clock.now(),
    )
    audit.record("provider.reply_posted", request=request, actor=account.user, target=reply.uuid)
    _tell_curators(
        kind="provider_reply_submitted",
        key=f"provider-reply:{reply.uuid}",
        context={"reply": reply},
        url=_admin_url(reply),
    )
    return reply


@transaction.atomic
def moderate_reply(
    reply: ProviderReply,
    *,
    publish: bool,
    by: User,
    note: str = "",
    request: HttpRequest | None = None,
) -> bool:
    """Publish or decline a pending reply and tell the provider. False if it was not pending."""
    status = ProviderReply.Status.PUBLISHED if publish else ProviderReply.Status.DECLINED
    claimed = ProviderReply.objects.filter(pk=reply.pk, status=ProviderReply.Status.PENDING).update(
        status=status, moderated_at=clock.now(), moderation_note=note
    )
    if not claimed:
        return False
    reply.refresh_from_db()
    audit.record(f"provider.reply_{status}", request=request, actor=by, target=reply.uuid)
    _tell_provider(
        reply.account,
        kind="provider_reply_moderated",
        key=f"provider-reply-moderated:{reply.uuid}",
        context={"reply": reply, "published": publish},
        url=reverse("providers:reviews"),
    )
    return True


def is_due_for_review(tool: Tool, today: datetime.date | None = None) -> bool:
    return Tool.objects.due_for_review(today or clock.today()).filter(pk=tool.pk).exists()
