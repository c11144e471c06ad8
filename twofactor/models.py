"""Backup codes: a django-otp device of ours that keeps only keyed hashes of its codes."""

from __future__ import annotations

import secrets

from django.db import models, transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, TimestampMixin

from hub import clock

BACKUP_CODE_COUNT = 10
# 10 characters from a 32-letter alphabet: 50 bits of entropy per code.
BACKUP_CODE_LENGTH = 10
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read aloud, typed from paper
_HMAC_SALT = "twofactor.BackupCode"


def normalise_code(raw: str) -> str:
    """What a person typed, without spaces, dashes or capitals."""
    return "".join(ch for ch in raw.lower() if ch.isalnum())


def hash_code(code: str) -> str:
    # A keyed HMAC-SHA256 rather than a slow password hash: the codes are random with 50 bits
    # of entropy, so there is no dictionary to slow down, and a keyed hash lets a code be found
    # by one indexed lookup instead of a slow hash per stored code. Without SECRET_KEY a stolen
    # table is useless; rotating SECRET_KEY retires every code (members regenerate them).
    return salted_hmac(_HMAC_SALT, normalise_code(code), algorithm="sha256").hexdigest()


def format_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


class BackupCodeDevice(TimestampMixin, Device):
    """A member's set of single-use backup codes, for when their phone or passkey is lost.

    One device a person; regenerating replaces every code in it. The codes themselves are
    shown once and never stored: only their keyed hashes are.
    """

    class Meta(Device.Meta):
        verbose_name = _("backup code set")
        verbose_name_plural = _("backup code sets")
        constraints = [
            models.UniqueConstraint(fields=["user"], name="twofactor_one_backup_code_set_per_user"),
        ]

    def __str__(self) -> str:
        return str(_("Backup codes of %(user)s") % {"user": self.user})

    def remaining(self) -> int:
        return self.codes.filter(used_at__isnull=True).count()

    @transaction.atomic
    def regenerate(self) -> list[str]:
        """Replace every code with `BACKUP_CODE_COUNT` new ones; return them, formatted, once."""
        self.codes.all().delete()
        codes = [
            "".join(secrets.choice(_ALPHABET) for _ in range(BACKUP_CODE_LENGTH))
            for _ in range(BACKUP_CODE_COUNT)
        ]
        BackupCode.objects.bulk_create(
            BackupCode(device=self, code_hash=hash_code(code)) for code in codes
        )
        return [format_code(code) for code in codes]

    def verify_token(self, token: object) -> bool:
        code = normalise_code(str(token))
        if len(code) != BACKUP_CODE_LENGTH:
            return False
        # A conditional UPDATE spends the code: two requests racing with the same code
        # cannot both succeed.
        spent = self.codes.filter(code_hash=hash_code(code), used_at__isnull=True).update(
            used_at=clock.now()
        )
        if spent:
            self.set_last_used_timestamp(commit=True)
        return bool(spent)


class BackupCode(models.Model):
    """The keyed hash of one backup code, and when it was spent."""

    device = models.ForeignKey(BackupCodeDevice, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(_("code hash"), max_length=64)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("backup code")
        verbose_name_plural = _("backup codes")
        constraints = [
            models.UniqueConstraint(
                fields=["device", "code_hash"], name="twofactor_backup_code_unique_per_set"
            ),
        ]

    def __str__(self) -> str:
        return str(_("Backup code (used)") if self.used_at else _("Backup code"))
