import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def undelivered(self) -> "NotificationQuerySet":
        return self.filter(sent_at__isnull=True, failed_at__isnull=True)

    def for_user(self, user) -> "NotificationQuerySet":
        return self.filter(recipient=user)

    def unread(self) -> "NotificationQuerySet":
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
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    failed_at = models.DateTimeField(_("gave up"), null=True, blank=True)
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
    def status(self) -> str:
        if self.sent_at:
            return "sent"
        if self.failed_at:
            return "failed"
        return "pending"
