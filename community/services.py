"""The community's workflows: each an atomic function across its models, notices in the outbox.

Notices never carry what members wrote to each other (a request's or a message's text): an
email may be read far from the hub. They say who, and link to the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import roles
from accounts.models import name_for_others
from community.models import (
    Block,
    ContactRequest,
    Conversation,
    ForumCategory,
    Message,
    Participant,
    Post,
    Profile,
    Report,
    Thread,
    ThreadFollow,
)
from hub import audit, clock, ratelimit
from notifications.models import Notification
from notifications.services import notify

if TYPE_CHECKING:
    from datetime import datetime

    from django.http import HttpRequest

    from accounts.models import User
    from catalog.models import Tool


class RefusedError(Exception):
    """What a member tried is not allowed; the message says why, fit to show them."""


def display_name(user: User) -> str:
    """How the community names a member: their profile's name, else a neutral phrase."""
    profile = getattr(user, "community_profile", None)
    if profile is not None and profile.display_name:
        return profile.display_name
    return _("A member")


def name_for_email(user: User) -> str:
    """`display_name`, reduced for an email: letters only, so no link rides the hub's sender."""
    return name_for_others(display_name(user)) or _("A member")


# --- Contact requests and conversations ---------------------------------------------------


def contact_limit() -> ratelimit.Limit:
    return ratelimit.configured("community_contact_requests")


@transaction.atomic
def send_contact_request(sender: User, profile: Profile, message: str) -> ContactRequest:
    recipient = profile.user
    if recipient.pk == sender.pk:
        raise RefusedError(_("You cannot send a contact request to yourself."))
    if Block.between(sender, recipient):
        raise RefusedError(_("You cannot contact this member."))
    if ContactRequest.objects.sent_by(sender).filter(recipient=recipient).exists():
        raise RefusedError(_("You have already sent this member a contact request."))
    reverse_request = ContactRequest.objects.received_by(sender).filter(sender=recipient).first()
    if reverse_request is not None and reverse_request.status == ContactRequest.Status.PENDING:
        raise RefusedError(_("This member has already asked to contact you: answer their request."))
    limit = contact_limit()
    if ratelimit.exceeded(limit, str(sender.pk)):
        audit.record("community.contact_rate_limited", actor=sender, target=profile.public_id)
        raise RefusedError(
            _("You have sent %(count)d contact requests today, the most a day. Try tomorrow.")
            % {"count": limit.amount}
        )
    ratelimit.hit(limit, str(sender.pk))
    try:
        with transaction.atomic():
            request = ContactRequest.objects.create(
                sender=sender, recipient=recipient, message=message
            )
    except IntegrityError:
        raise RefusedError(_("You have already sent this member a contact request.")) from None
    notify(
        kind="community_contact_request",
        key=f"community-request:{request.public_id}",
        to=recipient,
        context={"sender_name": name_for_email(sender)},
        url=reverse("community:requests"),
    )
    return request


@transaction.atomic
def answer_contact_request(request: ContactRequest, *, accept: bool) -> Conversation | None:
    """Accept (a conversation opens) or decline (silently: the sender is not told)."""
    request = ContactRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != ContactRequest.Status.PENDING:
        raise RefusedError(_("You have already answered this request."))
    if accept and (
        Block.between(request.sender, request.recipient) or not request.sender.is_active_member
    ):
        raise RefusedError(_("You cannot contact this member."))
    request.status = ContactRequest.Status.ACCEPTED if accept else ContactRequest.Status.DECLINED
    request.answered_at = clock.now()
    request.save(update_fields=["status", "answered_at"])
    if not accept:
        return None
    conversation, created = Conversation.objects.get_or_create(
        pair=Conversation.pair_of(request.sender, request.recipient),
        defaults={"last_message_at": clock.now()},
    )
    if created:
        Participant.objects.bulk_create(
            [
                Participant(conversation=conversation, user=request.sender),
                Participant(conversation=conversation, user=request.recipient),
            ]
        )
    notify(
        kind="community_request_accepted",
        key=f"community-accepted:{request.public_id}",
        to=request.sender,
        context={"name": name_for_email(request.recipient)},
        url=conversation.get_absolute_url(),
    )
    return conversation


def accepted_pair(one: User, other: User) -> bool:
    """Whether a contact request between the two was accepted (by either side)."""
    return ContactRequest.objects.filter(
        sender__in=[one.pk, other.pk],
        recipient__in=[one.pk, other.pk],
        status=ContactRequest.Status.ACCEPTED,
    ).exists()


@transaction.atomic
def send_message(sender: User, conversation: Conversation, body: str) -> Message:
    participants = list(conversation.participants.select_related("user"))
    mine = next((p for p in participants if p.user_id == sender.pk), None)
    theirs = next((p for p in participants if p.user_id != sender.pk), None)
    if mine is None or theirs is None:
        raise RefusedError(_("You are not in this conversation."))
    other = theirs.user
    if not other.is_active_member:
        raise RefusedError(_("This member cannot receive messages now."))
    if not accepted_pair(sender, other):
        raise RefusedError(_("You can only write to members who accepted your contact request."))
    if Block.between(sender, other):
        raise RefusedError(_("You cannot write to this member."))
    limit = ratelimit.configured("community_messages")
    if ratelimit.hit(limit, str(sender.pk)) > limit.amount:
        raise RefusedError(_("You have sent many messages in the last hour. Please wait a while."))
    now = clock.now()
    message = Message.objects.create(
        conversation=conversation, sender=sender, body=body, created_at=now
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
    Participant.objects.filter(pk=theirs.pk).update(unread=F("unread") + 1)
    Participant.objects.filter(pk=mine.pk).update(last_read_at=now, unread=0)
    # One email per burst: only when this is the first message they have not read.
    if theirs.unread == 0:
        notify(
            kind="community_message",
            key=f"community-message:{message.public_id}",
            to=other,
            context={"sender_name": name_for_email(sender)},
            url=conversation.get_absolute_url(),
        )
    return message


def mark_read(conversation: Conversation, user: User) -> None:
    Participant.objects.owned_by(user).filter(conversation=conversation).update(
        unread=0, last_read_at=clock.now()
    )


def delete_for(conversation: Conversation, user: User) -> None:
    """Delete the conversation for `user` only: the other member keeps theirs."""
    Participant.objects.owned_by(user).filter(conversation=conversation).update(
        cleared_at=clock.now(), unread=0
    )


@transaction.atomic
def block(blocker: User, blocked: User) -> bool:
    """Block `blocked`; True if newly blocked. Their pending requests to `blocker` go too."""
    if blocker.pk == blocked.pk:
        raise RefusedError(_("You cannot block yourself."))
    _block, created = Block.objects.get_or_create(blocker=blocker, blocked=blocked)
    ContactRequest.objects.received_by(blocker).filter(
        sender=blocked, status=ContactRequest.Status.PENDING
    ).update(status=ContactRequest.Status.DECLINED, answered_at=clock.now())
    return created


def unblock(blocker: User, blocked: User) -> bool:
    deleted, _rows = Block.objects.owned_by(blocker).filter(blocked=blocked).delete()
    return bool(deleted)


# --- Reports and moderation -------------------------------------------------------------------


# What a report is about, as a notice names it.
REPORTED = {
    "message": gettext_lazy("a message"),
    "profile": gettext_lazy("a profile"),
    "post": gettext_lazy("a forum post"),
}


@transaction.atomic
def report(
    reporter: User,
    *,
    reason: str,
    message: Message | None = None,
    profile: Profile | None = None,
    post: Post | None = None,
) -> Report:
    made = Report.objects.create(
        reporter=reporter, reason=reason, message=message, profile=profile, post=post
    )
    audit.record("community.reported", actor=reporter, target=made.public_id, kind=made.kind)
    url = reverse("community:report", kwargs={"public_id": made.public_id})
    for moderator in roles.holders(roles.MODERATOR):
        if moderator.pk == reporter.pk:
            continue
        notify(
            kind="community_report",
            key=f"community-report:{made.public_id}:{moderator.pk}",
            to=moderator,
            context={"what": REPORTED[made.kind]},
            url=url,
        )
    return made


def _tell_author(author: User, *, what: str, note: str, url: str, key: str) -> None:
    notify(
        kind="community_moderation",
        key=key,
        to=author,
        context={"what": what, "note": note},
        url=url,
    )


def _resolve_reports(moderator: User, status: str, **target: Message | Profile | Post) -> None:
    Report.objects.filter(status=Report.Status.OPEN, **target).update(
        status=status, handled_by=moderator, handled_at=clock.now()
    )


@transaction.atomic
def hide_message(
    moderator: User, message: Message, *, note: str, request: HttpRequest | None = None
) -> None:
    now = clock.now()
    Message.objects.filter(pk=message.pk).update(hidden_at=now)
    message.hidden_at = now
    _resolve_reports(moderator, Report.Status.ACTED, message=message)
    audit.record(
        "community.message_hidden",
        request=request,
        actor=moderator,
        target=message.public_id,
        author=message.sender.email,
    )
    _tell_author(
        message.sender,
        what=_("a message you sent"),
        note=note,
        url=message.conversation.get_absolute_url(),
        key=f"community-moderation:message:{message.public_id}",
    )


@transaction.atomic
def unpublish_profile(
    moderator: User, profile: Profile, *, note: str, request: HttpRequest | None = None
) -> None:
    Profile.objects.filter(pk=profile.pk).update(published=False)
    profile.published = False
    _resolve_reports(moderator, Report.Status.ACTED, profile=profile)
    audit.record(
        "community.profile_unpublished",
        request=request,
        actor=moderator,
        target=profile.public_id,
        author=profile.user.email,
    )
    _tell_author(
        profile.user,
        what=_("your community profile (no longer listed)"),
        note=note,
        url=reverse("community:profile"),
        key=f"community-moderation:profile:{profile.public_id}:{clock.now().isoformat()}",
    )


@transaction.atomic
def set_post_hidden(
    moderator: User,
    post: Post,
    *,
    hidden: bool,
    note: str,
    request: HttpRequest | None = None,
) -> None:
    now = clock.now() if hidden else None
    Post.objects.filter(pk=post.pk).update(hidden_at=now)
    post.hidden_at = now
    thread = post.thread
    if thread.posts.order_by("created_at", "pk").values_list("pk", flat=True).first() == post.pk:
        Thread.objects.filter(pk=thread.pk).update(hidden_at=now)
    if hidden:
        _resolve_reports(moderator, Report.Status.ACTED, post=post)
    audit.record(
        "community.post_hidden" if hidden else "community.post_shown",
        request=request,
        actor=moderator,
        target=post.public_id,
        author=post.author.email,
        thread=str(thread.public_id),
    )
    _tell_author(
        post.author,
        what=_("your post in “%(title)s” (hidden)") % {"title": thread.title}
        if hidden
        else _("your post in “%(title)s” (shown again)") % {"title": thread.title},
        note=note,
        url=thread.get_absolute_url(),
        key=f"community-moderation:post:{post.public_id}:{clock.now().isoformat()}",
    )


@transaction.atomic
def moderate_thread(
    moderator: User,
    thread: Thread,
    *,
    action: str,
    note: str,
    category: ForumCategory | None = None,
    request: HttpRequest | None = None,
) -> None:
    """Lock, unlock or move a thread to another category; audited, and the author told."""
    details: dict[str, str] = {}
    if action == "lock":
        thread.locked = True
        what = _("your thread “%(title)s” (locked: no more replies)")
    elif action == "unlock":
        thread.locked = False
        what = _("your thread “%(title)s” (open for replies again)")
    elif action == "move" and category is not None:
        details = {"from": thread.category.slug, "to": category.slug}
        thread.category = category
        what = _("your thread “%(title)s” (moved to %(category)s)")
    else:
        raise RefusedError(_("Choose what to do with the thread."))
    thread.save(update_fields=["locked", "category"])
    audit.record(
        f"community.thread_{action}ed" if action != "move" else "community.thread_moved",
        request=request,
        actor=moderator,
        target=thread.public_id,
        author=thread.author.email,
        **details,
    )
    _tell_author(
        thread.author,
        what=what % {"title": thread.title, "category": thread.category.name},
        note=note,
        url=thread.get_absolute_url(),
        key=f"community-moderation:thread:{thread.public_id}:{action}:{clock.now().isoformat()}",
    )


@transaction.atomic
def dismiss_report(moderator: User, made: Report, *, request: HttpRequest | None = None) -> None:
    Report.objects.filter(pk=made.pk).update(
        status=Report.Status.DISMISSED, handled_by=moderator, handled_at=clock.now()
    )
    audit.record(
        "community.report_dismissed", request=request, actor=moderator, target=made.public_id
    )


# --- Forums -----------------------------------------------------------------------------------


@transaction.atomic
def start_thread(author: User, category: ForumCategory, *, title: str, body: str) -> Thread:
    now = clock.now()
    thread = Thread.objects.create(
        category=category, author=author, title=title, created_at=now, last_post_at=now
    )
    Post.objects.create(thread=thread, author=author, body=body, created_at=now)
    ThreadFollow.objects.get_or_create(user=author, thread=thread)
    return thread


@transaction.atomic
def reply(author: User, thread: Thread, body: str) -> Post:
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    if thread.locked:
        raise RefusedError(_("This thread is locked: it takes no more replies."))
    if thread.hidden_at is not None:
        raise RefusedError(_("This thread was hidden by a moderator."))
    now = clock.now()
    post = Post.objects.create(thread=thread, author=author, body=body, created_at=now)
    Thread.objects.filter(pk=thread.pk).update(last_post_at=now, reply_count=F("reply_count") + 1)
    followers = (
        ThreadFollow.objects.filter(thread=thread)
        .exclude(user=author)
        .select_related("user")
        .order_by("pk")
    )
    name = name_for_email(author)
    for follow in followers:
        if not follow.user.is_active_member:
            continue
        notify(
            kind="community_thread_reply",
            key=f"community-reply:{post.public_id}:{follow.user_id}",
            to=follow.user,
            context={"thread": thread, "author_name": name},
            url=thread.get_absolute_url(),
            channel=Notification.Channel.IN_APP,
        )
    return post


@transaction.atomic
def toggle_used_tool(user: User, tool: Tool) -> bool:
    """Add `tool` to the member's profile (made, unlisted, if they have none), or take it off;
    True if it is on now."""
    profile, _created = Profile.objects.get_or_create(
        user=user, defaults={"display_name": user.full_name[:80], "published": False}
    )
    if profile.tools.filter(pk=tool.pk).exists():
        profile.tools.remove(tool)
        return False
    profile.tools.add(tool)
    return True


def toggle_follow(user: User, thread: Thread) -> bool:
    """Follow or stop following; True if now following."""
    deleted, _rows = ThreadFollow.objects.owned_by(user).filter(thread=thread).delete()
    if deleted:
        return False
    ThreadFollow.objects.get_or_create(user=user, thread=thread)
    return True


def week_of(moment: datetime) -> str:
    year, week, _day = moment.isocalendar()
    return f"{year}-W{week:02d}"
