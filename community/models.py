"""Meet other officers: opt-in profiles, contact requests, conversations between accepted pairs,
blocks, reports to moderators, and moderated forums.

What one member may learn about another is the point of this app and its danger: a hostile
insider must not be able to list who works where on what. So nobody is listed until they
publish a profile, a profile vanishes the moment its owner stops being an active member
(`ProfileQuerySet.listed`, through `User.objects.active_members()`), and conversations and
their messages are private to their two members: no role, not even administrators, reads them.
"""

from __future__ import annotations

import re
import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hub import clock

if TYPE_CHECKING:
    from accounts.models import User

BIO_MAX = 1000
REQUEST_MESSAGE_MAX = 500
MESSAGE_MAX = 2000
POST_MAX = 10000
REASON_MAX = 1000

# `[[tool-slug]]` in a forum post links the catalogue's tool page (see `Post.save`).
TOOL_LINK = re.compile(r"\[\[([a-z0-9][a-z0-9_-]{0,199})\]\]")


class ProfileQuerySet(models.QuerySet["Profile"]):
    def listed(self) -> ProfileQuerySet:
        """Published profiles of people who are active members now: what anyone may see."""
        return self.filter(
            published=True, user__in=get_user_model().objects.active_members().values("pk")
        )

    def owned_by(self, user: User) -> ProfileQuerySet:
        """`user`'s own profile (at most one), published or not."""
        return self.filter(user=user)

    def visible_to(self, user: User) -> ProfileQuerySet:
        """Listed profiles, without those of people `user` blocked or who blocked `user`."""
        return (
            self.listed()
            .exclude(user__in=Block.objects.owned_by(user).values("blocked"))
            .exclude(user__in=Block.objects.filter(blocked=user).values("blocker"))
        )


class Profile(models.Model):
    """A member's community profile. Nobody is listed until they publish one (opt in).

    Not PRIVATE: once published every member may read it (by its UUID). Unpublished, it is
    its owner's alone, reached only at `/community/profile/`.
    """

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="community_profile",
    )
    published = models.BooleanField(
        _("list me in the community directory"),
        default=False,
        help_text=_("Until you tick this, no other member can find or see your profile."),
    )
    display_name = models.CharField(_("display name"), max_length=80)
    country = models.ForeignKey(
        "catalog.Country",
        verbose_name=_("country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="community_profiles",
    )
    languages = models.ManyToManyField(
        "catalog.Language",
        verbose_name=_("languages spoken"),
        blank=True,
        related_name="community_profiles",
    )
    capabilities = models.ManyToManyField(
        "catalog.Capability",
        verbose_name=_("expertise"),
        blank=True,
        related_name="community_profiles",
    )
    stages = models.ManyToManyField(
        "catalog.InvestigationStage",
        verbose_name=_("investigation stages"),
        blank=True,
        related_name="community_profiles",
    )
    tools = models.ManyToManyField(
        "catalog.Tool",
        verbose_name=_("tools you have used"),
        blank=True,
        related_name="community_profiles",
    )
    bio = models.TextField(_("about you"), max_length=BIO_MAX, blank=True)
    show_agency = models.BooleanField(_("show my agency and unit"), default=False)
    agency = models.CharField(_("agency"), max_length=200, blank=True)
    unit = models.CharField(_("unit"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("community profile")
        verbose_name_plural = _("community profiles")
        indexes = [models.Index(fields=["published", "display_name"], name="community_listed_idx")]

    def __str__(self) -> str:
        return self.display_name

    def get_absolute_url(self) -> str:
        return reverse("community:member", kwargs={"public_id": self.public_id})

    @property
    def is_listed(self) -> bool:
        """The rule of `ProfileQuerySet.listed`, for a profile already loaded with its user."""
        return self.published and self.user.is_active_member


class BlockQuerySet(models.QuerySet["Block"]):
    def owned_by(self, user: User) -> BlockQuerySet:
        """The blocks `user` made (whom they blocked is theirs to know; who blocked them is not)."""
        return self.filter(blocker=user)


class Block(models.Model):
    """`blocker` wants nothing more from `blocked`: no requests, no messages, either way."""

    PRIVATE = True

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_blocks"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_blocked_by"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = BlockQuerySet.as_manager()

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="community_block_once")
        ]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"

    @classmethod
    def between(cls, one: User, other: User) -> bool:
        """Whether either of the two has blocked the other."""
        return cls.objects.filter(
            Q(blocker=one, blocked=other) | Q(blocker=other, blocked=one)
        ).exists()


class ContactRequestQuerySet(models.QuerySet["ContactRequest"]):
    def owned_by(self, user: User) -> ContactRequestQuerySet:
        """The requests `user` sent or received."""
        return self.filter(Q(sender=user) | Q(recipient=user))

    def sent_by(self, user: User) -> ContactRequestQuerySet:
        return self.owned_by(user).filter(sender=user)

    def received_by(self, user: User) -> ContactRequestQuerySet:
        return self.owned_by(user).filter(recipient=user)

    def awaiting(self, user: User) -> ContactRequestQuerySet:
        """The requests `user` has to answer: pending, from people who are active members and
        whom they have not blocked (nobody answers the others)."""
        return (
            self.received_by(user)
            .filter(status=ContactRequest.Status.PENDING)
            .filter(sender__in=get_user_model().objects.active_members().values("pk"))
            .exclude(sender__in=Block.objects.owned_by(user).values("blocked"))
        )


class ContactRequest(models.Model):
    """A member asks another to talk. Declining is silent: the sender sees it as pending."""

    PRIVATE = True

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_sent_requests"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_received_requests",
    )
    message = models.TextField(_("message"), max_length=REQUEST_MESSAGE_MAX)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    objects = ContactRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact request")
        verbose_name_plural = _("contact requests")
        constraints = [
            models.UniqueConstraint(
                fields=["sender", "recipient"], name="community_request_once_per_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sender_id} → {self.recipient_id} ({self.status})"

    @property
    def status_for_sender(self) -> str:
        """What the sender is shown: a decline looks like no answer yet."""
        if self.status == self.Status.DECLINED:
            return str(self.Status.PENDING.label)
        return self.get_status_display()


class ConversationQuerySet(models.QuerySet["Conversation"]):
    def owned_by(self, user: User) -> ConversationQuerySet:
        """The conversations `user` is one of the two members of."""
        return self.filter(participants__user=user)


class Conversation(models.Model):
    """Messages between two members whose contact request was accepted. Theirs alone."""

    PRIVATE = True

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # "<smaller pk>:<larger pk>": one conversation per pair.
    pair = models.CharField(max_length=50, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-last_message_at"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self) -> str:
        return str(self.public_id)

    def get_absolute_url(self) -> str:
        return reverse("community:conversation", kwargs={"public_id": self.public_id})

    @staticmethod
    def pair_of(one: User, other: User) -> str:
        low, high = sorted((one.pk, other.pk))
        return f"{low}:{high}"


class ParticipantQuerySet(models.QuerySet["Participant"]):
    def owned_by(self, user: User) -> ParticipantQuerySet:
        """`user`'s side of each of their conversations."""
        return self.filter(user=user)


class Participant(models.Model):
    """One member's side of a conversation: what they have read, and what they deleted."""

    PRIVATE = True

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_participants"
    )
    # Denormalised, so that the header's count is one small query (kept by the services).
    unread = models.PositiveIntegerField(default=0)
    last_read_at = models.DateTimeField(null=True, blank=True)
    # "Delete for me": messages up to this moment are gone for this member only.
    cleared_at = models.DateTimeField(null=True, blank=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="community_participant_once"
            )
        ]
        indexes = [models.Index(fields=["user", "unread"], name="community_unread_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"


class MessageQuerySet(models.QuerySet["Message"]):
    def owned_by(self, user: User) -> MessageQuerySet:
        return self.filter(conversation__participants__user=user)


class Message(models.Model):
    """A plain-text message in a conversation (shown escaped; links go through a warning)."""

    PRIVATE = True

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_messages"
    )
    body = models.TextField(_("message"), max_length=MESSAGE_MAX)
    created_at = models.DateTimeField(default=clock.now)
    # Set by a moderator acting on a report: the text is no longer shown to either member.
    hidden_at = models.DateTimeField(null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [models.Index(fields=["conversation", "created_at"], name="community_msg_idx")]

    def __str__(self) -> str:
        return str(self.public_id)


class ForumCategory(models.Model):
    """A forum topic area, made by curators in the admin (an investigation stage, say)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("forum category")
        verbose_name_plural = _("forum categories")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("community:category", kwargs={"slug": self.slug})


class ThreadQuerySet(models.QuerySet["Thread"]):
    def visible(self) -> ThreadQuerySet:
        return self.filter(hidden_at__isnull=True)


class Thread(models.Model):
    """A forum discussion: its opening post and the replies, in one category."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    category = models.ForeignKey(
        ForumCategory, verbose_name=_("category"), on_delete=models.PROTECT, related_name="threads"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_threads"
    )
    title = models.CharField(_("title"), max_length=200)
    locked = models.BooleanField(_("locked"), default=False)
    # Set when a moderator hides the opening post: the thread leaves every listing.
    hidden_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=clock.now)
    last_post_at = models.DateTimeField(default=clock.now)
    reply_count = models.PositiveIntegerField(default=0)

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-last_post_at"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [models.Index(fields=["category", "-last_post_at"], name="community_thread_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:thread", kwargs={"public_id": self.public_id})


def expand_tool_links(text: str) -> str:
    """`text` with each `[[slug]]` of a published tool made a Markdown link to its page."""
    from catalog.models import Tool

    slugs = set(TOOL_LINK.findall(text))
    if not slugs:
        return text
    names = dict(Tool.objects.published().filter(slug__in=slugs).values_list("slug", "name"))

    def link(match: re.Match) -> str:
        slug = match.group(1)
        if slug not in names:
            return match.group(0)
        label = re.sub(r"([\\\[\]])", r"\\\1", names[slug])
        return f"[{label}]({reverse('catalog:tool', kwargs={'slug': slug})})"

    return TOOL_LINK.sub(link, text)


class Post(models.Model):
    """A post in a thread, in Markdown (rendered through the hub's sanitiser)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_posts"
    )
    body = models.TextField(_("post"), max_length=POST_MAX)
    # `body` with tool links made Markdown links at save time, so that showing a page of posts
    # looks up no tool.
    body_markdown = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(default=clock.now)
    hidden_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["thread", "created_at"], name="community_post_idx")]

    def __str__(self) -> str:
        return str(self.public_id)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.body_markdown = expand_tool_links(self.body)
        super().save(*args, **kwargs)


class ThreadFollowQuerySet(models.QuerySet["ThreadFollow"]):
    def owned_by(self, user: User) -> ThreadFollowQuerySet:
        """The threads `user` follows."""
        return self.filter(user=user)


class ThreadFollow(models.Model):
    """A member follows a thread: a notice at each reply and a weekly digest by email."""

    PRIVATE = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_follows"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=clock.now)
    last_digest_at = models.DateTimeField(null=True, blank=True)

    objects = ThreadFollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("followed thread")
        verbose_name_plural = _("followed threads")
        constraints = [
            models.UniqueConstraint(fields=["user", "thread"], name="community_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.thread_id}"


class Report(models.Model):
    """A member tells the moderators about a message, a profile or a post.

    Not PRIVATE (moderators act on it) but not in the admin either: the reported message is
    shown to moderators only, on their own pages.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ACTED = "acted", _("Content hidden")
        DISMISSED = "dismissed", _("Dismissed")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_reports"
    )
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    profile = models.ForeignKey(
        Profile, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reason = models.TextField(_("what is wrong"), max_length=REASON_MAX)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("reported at"), default=clock.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_reports_handled",
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    moderator_note = models.TextField(_("note to the author"), max_length=REASON_MAX, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        # The moderator role's powers (accounts/roles.py); the access policy checks them.
        permissions = [("moderate_community", _("Can moderate the community"))]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(message__isnull=False, profile__isnull=True, post__isnull=True)
                    | Q(message__isnull=True, profile__isnull=False, post__isnull=True)
                    | Q(message__isnull=True, profile__isnull=True, post__isnull=False)
                ),
                name="community_report_one_target",
            )
        ]

    def __str__(self) -> str:
        return str(self.public_id)

    @property
    def kind(self) -> str:
        if self.message_id:
            return "message"
        return "profile" if self.profile_id else "post"

    @property
    def author(self) -> User:
        """Whose content was reported (the check constraint makes exactly one target set)."""
        if self.message is not None:
            return self.message.sender
        if self.profile is not None:
            return self.profile.user
        if self.post is None:  # the check constraint community_report_one_target forbids it
            raise LookupError(f"report {self.public_id} has no target")
        return self.post.author
