"""Second-factor workflows: verifying codes, enrolling, removing and resetting devices.

Views call these; each writes its audit event and, where the member must hear of it, the
security email in the same transaction.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.middleware.csrf import rotate_token
from django.urls import reverse
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.sessions import end_all_sessions
from hub import audit, clock, ratelimit
from notifications.services import notify
from twofactor.models import BackupCodeDevice

if TYPE_CHECKING:
    from typing import Any

    from django.http import HttpRequest
    from django_otp.models import Device

    from accounts.http import MemberRequest
    from accounts.models import User


# Session key holding the time (seconds since the epoch) of the last successful code.
VERIFIED_AT_SESSION_KEY = "twofactor_verified_at"


# --- Throttling ----------------------------------------------------------------------------
# django-otp throttles each device on its own; an attacker holding a password could spread
# guesses over a TOTP device and the backup codes. Wrong codes are therefore counted across
# devices, in the database (hub.ratelimit, so a Redis outage changes nothing), twice: per
# session, tightly, and per account, loosely. The account's limit refuses only sessions that
# have failed themselves, so someone else guessing codes with the member's password never
# locks the member's own session out; each of the attacker's sessions needs the password
# again, which the sign-in limits count.


def _session_key(request: HttpRequest) -> str:
    return request.session.session_key or ""


def failure_window_minutes() -> int:
    return ratelimit.configured("twofactor_failed_session").window // 60


def is_locked(request: HttpRequest) -> bool:
    """Whether this session may not try another code for the signed-in person."""
    session = ratelimit.configured("twofactor_failed_session")
    failed_here = ratelimit.count(session, _session_key(request))
    if failed_here >= session.amount:
        return True
    account = ratelimit.configured("twofactor_failed_account")
    return bool(failed_here) and ratelimit.exceeded(account, str(request.user.pk))


def _count_failure(request: HttpRequest) -> int:
    ratelimit.hit(ratelimit.configured("twofactor_failed_account"), str(request.user.pk))
    return ratelimit.hit(ratelimit.configured("twofactor_failed_session"), _session_key(request))


def _clear_failures(user: User, request: HttpRequest | None = None) -> None:
    ratelimit.clear(ratelimit.configured("twofactor_failed_account"), str(user.pk))
    if request is not None:
        ratelimit.clear(ratelimit.configured("twofactor_failed_session"), _session_key(request))


# --- Verification --------------------------------------------------------------------------


class Outcome:
    VERIFIED = "verified"
    FAILED = "failed"
    REPLAY = "replay"
    LOCKED = "locked"


@dataclass
class VerifyResult:
    outcome: str
    device: Device | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == Outcome.VERIFIED


def _is_replayed_totp(device: TOTPDevice, token: str) -> bool:
    """Whether `token` is a code of this device from a time step it has already accepted."""
    try:
        number = int(token)
    except ValueError:
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return totp.verify(number, device.tolerance)


def _verify_totp(user: User, token: str) -> VerifyResult:
    replayed = False
    for candidate in TOTPDevice.objects.filter(user=user, confirmed=True):
        # The row lock makes "check last_t, then advance it" atomic: two requests racing with
        # one code cannot both pass (PostgreSQL; SQLite serialises writers anyway).
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=candidate.pk)
            allowed, _ = device.verify_is_allowed()
            if device.verify_token(token):
                return VerifyResult(Outcome.VERIFIED, device)
            if allowed and _is_replayed_totp(device, token):
                replayed = True
    return VerifyResult(Outcome.REPLAY if replayed else Outcome.FAILED)


def _verify_backup_code(user: User, token: str) -> VerifyResult:
    device = BackupCodeDevice.objects.filter(user=user, confirmed=True).first()
    if device is not None and device.verify_token(token):
        return VerifyResult(Outcome.VERIFIED, device)
    return VerifyResult(Outcome.FAILED)


def check_code(request: MemberRequest, token: str) -> VerifyResult:
    """Check a TOTP or backup code for the signed-in person, throttled per account, audited."""
    user = request.user
    if is_locked(request):
        audit.record("2fa.failed", request=request, target=user, reason="locked")
        return VerifyResult(Outcome.LOCKED)
    token = "".join(token.split())
    if len(token) <= 8 and token.isdigit():
        result = _verify_totp(user, token)
    else:
        result = _verify_backup_code(user, token)
    if result.ok:
        return result
    if result.outcome == Outcome.REPLAY:
        audit.record("2fa.replay", request=request, target=user)
    record_failure(request, reason=result.outcome)
    if is_locked(request):
        return VerifyResult(Outcome.LOCKED)
    return result


def record_failure(request: MemberRequest, *, reason: str) -> int:
    """Count and audit a failed second factor of the signed-in person; return the count."""
    failures = _count_failure(request)
    audit.record(
        "2fa.failed", request=request, target=request.user, reason=reason, failures=failures
    )
    return failures


def complete_verification(request: MemberRequest, device: Device) -> None:
    """Mark this session verified with `device`; new session key and CSRF token."""
    from allauth.usersessions.models import UserSession

    # Before the session key changes: this session's count goes with it.
    _clear_failures(request.user, request)
    otp_login(request, device)
    old_key = request.session.session_key
    # A session key or CSRF token seen before the second factor (on a shared computer, in a
    # proxy log) must not be worth anything after it.
    request.session.cycle_key()
    rotate_token(request)
    request.session[VERIFIED_AT_SESSION_KEY] = clock.now().timestamp()
    if old_key:
        UserSession.objects.filter(session_key=old_key).update(
            session_key=request.session.session_key
        )
    kind = "backup_code" if isinstance(device, BackupCodeDevice) else device_kind(device)
    audit.record("2fa.verified", request=request, target=request.user, device=kind)
    if isinstance(device, BackupCodeDevice):
        remaining = device.remaining()
        audit.record(
            "2fa.backup_code_used", request=request, target=request.user, remaining=remaining
        )
        _security_email(
            request.user,
            event="backup_code_used",
            key=f"backup-code-used:{device.pk}:{remaining}",
            remaining=remaining,
        )


def recently_verified(request: HttpRequest) -> bool:
    """Whether a code was entered in this session within the re-authentication window."""
    at = request.session.get(VERIFIED_AT_SESSION_KEY)
    if not isinstance(at, int | float):
        return False
    return clock.now().timestamp() - at < settings.ACCOUNT_REAUTHENTICATION_TIMEOUT


# --- Devices ---------------------------------------------------------------------------


def device_kind(device: Device) -> str:
    if isinstance(device, TOTPDevice):
        return "totp"
    if isinstance(device, BackupCodeDevice):
        return "backup_codes"
    return "passkey"


def factor_devices(user: User) -> list[Device]:
    """The confirmed devices that are factors in their own right (not the backup codes)."""
    return [
        d for d in devices_for_user(user, confirmed=True) if not isinstance(d, BackupCodeDevice)
    ]


def _security_email(user: User, *, event: str, key: str, **context: Any) -> None:
    notify(
        kind="second_factor_changed",
        key=f"second-factor:{user.pk}:{key}",
        to=user,
        context={"event": event, "at": clock.now(), **context},
        url=reverse("twofactor:security"),
    )


@transaction.atomic
def passkey_added(request: MemberRequest, device: Device) -> None:
    audit.record("2fa.enrolled", request=request, target=request.user, device="passkey")
    _security_email(
        request.user, event="added", key=f"added:passkey:{device.pk}", device_name=device.name
    )


@transaction.atomic
def confirm_totp(request: MemberRequest, device: TOTPDevice) -> list[str] | None:
    """Confirm a new TOTP device whose first code was right.

    Returns fresh backup codes when this is the person's first factor, else None.
    """
    user = request.user
    first = not factor_devices(user)
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = None
    if first:
        codes = _new_backup_codes(user)
    audit.record("2fa.enrolled", request=request, target=user, device="totp", name=device.name)
    _security_email(user, event="added", key=f"added:totp:{device.pk}", device_name=device.name)
    if codes is not None:
        audit.record("2fa.backup_codes_generated", request=request, target=user)
    return codes


def _new_backup_codes(user: User) -> list[str]:
    device, _ = BackupCodeDevice.objects.get_or_create(
        user=user, defaults={"name": "Backup codes", "confirmed": True}
    )
    return device.regenerate()


@transaction.atomic
def regenerate_backup_codes(request: MemberRequest) -> list[str]:
    user = request.user
    codes = _new_backup_codes(user)
    audit.record("2fa.backup_codes_generated", request=request, target=user)
    _security_email(
        user, event="backup_codes_generated", key=f"backup-codes:{clock.now().timestamp()}"
    )
    return codes


class LastDeviceError(Exception):
    """Removing this device would leave the person without a second factor."""


@transaction.atomic
def remove_device(request: MemberRequest, device: Device) -> None:
    user = request.user
    others = [d for d in factor_devices(user) if d.persistent_id != device.persistent_id]
    if not others:
        raise LastDeviceError
    kind, name = device_kind(device), device.name
    device.delete()
    audit.record("2fa.removed", request=request, target=user, device=kind, name=name)
    _security_email(
        user, event="removed", key=f"removed:{kind}:{clock.now().timestamp()}", device_name=name
    )


@transaction.atomic
def reset_second_factor(request: HttpRequest, member: User, *, reason: str) -> int:
    """A vetting officer's reset: every device goes, every session ends; returns sessions ended."""
    removed = 0
    for device in devices_for_user(member, confirmed=None):
        device.delete()
        removed += 1
    ended = end_all_sessions(member)
    _clear_failures(member)
    audit.record(
        "2fa.reset",
        request=request,
        target=member,
        member=str(member.public_id),
        reason=reason,
        devices_removed=removed,
        sessions_ended=ended,
    )
    _security_email(member, event="reset", key=f"reset:{clock.now().timestamp()}")
    return ended
