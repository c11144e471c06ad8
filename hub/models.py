from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from typing import Any, NoReturn


class AuditQuerySet(models.QuerySet):
    """The audit trail only grows: bulk changes are refused like single ones."""

    def update(self, **kwargs: Any) -> NoReturn:
        raise PermissionError("The audit log is append-only.")

    def delete(self) -> NoReturn:
        raise PermissionError("The audit log is append-only.")


class AuditEvent(models.Model):
    """One security-relevant event: who did what, to what, when (UTC) and from where.

    Rows are written once by `hub.audit.record` and never changed or deleted. No secret,
    password or code is ever stored here.
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("when (UTC)"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A snapshot, so the trail still reads right if the account is later renamed or removed.
    actor_email = models.CharField(_("who (email)"), max_length=254, blank=True)
    action = models.CharField(_("what"), max_length=64, db_index=True)
    target = models.CharField(_("to what"), max_length=254, blank=True)
    ip_address = models.GenericIPAddressField(_("from (address)"), null=True, blank=True)
    user_agent = models.CharField(_("from (browser)"), max_length=256, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["action", "-created_at"], name="hub_audit_action_time")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.action} {self.actor_email}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise PermissionError("The audit log is append-only.")


class RateLimitCounter(models.Model):
    """How many times one thing (a failed sign-in for an account, a sign-up from an address)
    happened in one fixed window; written only by `hub.ratelimit`.

    Counted in the database, not the cache, so that limits hold while Redis is away and every
    web node sees the same count. The key is an HMAC: no address or email is stored here.
    """

    key = models.CharField(max_length=64)
    window_start = models.BigIntegerField(help_text=_("Seconds since the epoch."))
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("rate-limit counter")
        verbose_name_plural = _("rate-limit counters")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "window_start"], name="hub_ratelimit_key_window_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key[:12]}… {self.count} since {self.window_start}"
