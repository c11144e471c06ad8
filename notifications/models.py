from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hub import clock

if TYPE_CHECKING:
    from accounts.models import User


# How long a fresh row may wait for its on-commit task before the sweep sends another, and how
# long after a sweep (or a retry's due time) the next sweep leaves the row alone.
SWEEP_GRACE = timedelta(minutes=1)
# The longest one delivery may run: Celery kills the task at this many seconds (a stuck SMTP
# conversation included; EMAIL_TIMEOUT is shorter still).
DELIVERY_TIME_LIMIT = 60
# A claim older than this belongs to a worker that died mid-delivery: no live delivery can hold
# a row that long, so the row may be taken again. Tied to the time limit, not a guess: a killed
# worker's email goes out again within this plus one sweep (about two and a half minutes).
CLAIM_TIMEOUT = timedelta(seconds=DELIVERY_TIME_LIMIT + 30)
# django-allauth's emails (accounts.adapter): their kinds start with this. Their bodies hold
# single-use links (confirm an address, reset a password), so nobody reads them in the admin and
# the outbox forgets them once sent.
ACCOUNT_KIND_PREFIX = "account."


class NotificationQuerySet(models.QuerySet):
    def undelivered(self) -> NotificationQuerySet:
        return self.filter(sent_at__isnull=True, failed_at__isnull=True)

    def emailed(self) -> NotificationQuerySet:
        return self.filter(channel=Notification.Channel.EMAIL)

    def stalled(self, now: datetime) -> NotificationQuerySet:
        """Emails nobody is delivering: the broker lost them, or their worker died.

        Unclaimed and older than SWEEP_GRACE (and not waiting for a retry or a due time), or
        claimed longer than CLAIM_TIMEOUT ago without being sent or given up.
        """
        cutoff = now - SWEEP_GRACE
        waiting = Q(claimed_at__isnull=True, created_at__lt=cutoff) & (
            Q(not_before__isnull=True) | Q(not_before__lte=cutoff)
        )
        abandoned = Q(claimed_at__lt=now - CLAIM_TIMEOUT)
        return self.emailed().undelivered().filter(waiting | abandoned)

    def delivered_before(self, cutoff: datetime) -> NotificationQuerySet:
        """Emails sent before `cutoff`: the housekeeping job removes them (OUTBOX_RETENTION_DAYS).

        Rows still pending or given up stay, whatever their age: they are work or evidence.
        """
        return self.emailed().filter(sent_at__lt=cutoff)

    def failed(self) -> NotificationQuerySet:
        return self.filter(failed_at__isnull=False)

    def owned_by(self, user: User) -> NotificationQuerySet:
        """The notifications addressed to this account (its notification centre)."""
        return self.filter(recipient=user)

    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """The outbox: one message to one person, written in the transaction of its cause.

    The row is the source of truth. A Celery task delivers it by email after commit and
    claims it first with a conditional update, so a task delivered twice sends once; a
    periodic sweep re-enqueues rows that were never delivered. A notification for a person
    with an account also shows in their notification centre.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email and notification centre")
        IN_APP = "in_app", _("Notification centre only")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Unique per event (e.g. "application-submitted:<uuid>:<officer uuid>"), so writing the same
    # event twice cannot queue two messages.
    idempotency_key = models.CharField(_("idempotency key"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=64, db_index=True)
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    # For people without an account (a supervisor asked to attest), and as the address used.
    to_email = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200)
    body_text = models.TextField(_("text body"))
    body_html = models.TextField(_("HTML body"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    # The language the message was written in (issue 21): delivery sends it in the same one.
    language = models.CharField(_("language"), max_length=10, blank=True, default="")
    created_at = models.DateTimeField(_("created"), default=clock.now, db_index=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(_("gave up"), null=True, blank=True)
    # Not to be sent before this time: a retry's backoff, or a notice due later. The sweep
    # picks such rows up once due, so no task waits in the broker longer than it can hold one.
    not_before = models.DateTimeField(_("not before"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True, failed_at__isnull=True),
                name="notif_undelivered_idx",
            ),
            models.Index(fields=["recipient", "read_at"], name="notif_recipient_read_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.to_email}"

    @property
    def holds_secret_link(self) -> bool:
        """Whether the body carries a link that acts for its recipient (allauth's emails)."""
        return self.kind.startswith(ACCOUNT_KIND_PREFIX)

    @property
    def status(self) -> str:
        if self.sent_at:
            return "sent"
        if self.failed_at:
            return "failed"
        return "pending"


class NotificationPreferenceQuerySet(models.QuerySet):
    def owned_by(self, user: User) -> NotificationPreferenceQuerySet:
        """This member's choices of which kinds they get by email."""
        return self.filter(user=user)


class NotificationPreference(models.Model):
    """A member's choice to receive one kind of notification in the centre only, not by email.

    No row means the email is sent. Security notices (`kinds.SECURITY_KINDS`) ignore this:
    `notify` always emails them.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("kind"), max_length=64)
    email = models.BooleanField(_("send by email"), default=True)

    objects = NotificationPreferenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notif_pref_user_kind_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}: {'email' if self.email else 'centre only'}"
