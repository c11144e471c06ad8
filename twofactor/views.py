from __future__ import annotations

from base64 import b32encode
from functools import wraps
from typing import TYPE_CHECKING

import segno
from allauth.account import app_settings as allauth_settings
from allauth.account.internal.flows.login import get_authentication_records
from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from accounts.sessions import end_all_sessions
from hub import clock
from hub.access import has_second_factor
from hub.redirects import safe_path
from twofactor import services
from twofactor.forms import (
    ConfirmTOTPForm,
    EndSessionForm,
    RemoveDeviceForm,
    ResetSecondFactorForm,
    VerifyForm,
)
from twofactor.models import BackupCodeDevice

if TYPE_CHECKING:
    import uuid
    from collections.abc import Callable
    from typing import Any

    from accounts.http import MemberRequest


PENDING_TOTP_SESSION_KEY = "twofactor_pending_totp"


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    return safe_path(request, candidate) or resolve_url(settings.LOGIN_REDIRECT_URL)


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"


def _recent_password(request: HttpRequest) -> bool:
    records = get_authentication_records(request, request.user)
    times = [r.get("at", 0) for r in records if r.get("method") == "password"]
    if not times:
        return False
    return clock.now().timestamp() - max(times) < allauth_settings.REAUTHENTICATION_TIMEOUT


def recent_authentication_required(view: Callable) -> Callable:
    """Before changing factors: a password and a code, both within the last few minutes.

    A stolen, still-open session is not enough to add an attacker's authenticator or to read
    fresh backup codes.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        here = request.get_full_path() if request.method == "GET" else request.path
        if not _recent_password(request):
            messages.info(request, _("For your security, enter your password again."))
            return redirect(_with_next("account_reauthenticate", here))
        if not services.recently_verified(request):
            messages.info(request, _("For your security, enter a code from your device again."))
            return redirect(_with_next("twofactor:verify", here))
        return view(request, *args, **kwargs)

    return wrapper


# --- Verification ------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: MemberRequest) -> HttpResponse:
    """Second step of signing in: a TOTP code, a backup code, or a passkey."""
    user = request.user
    if not services.factor_devices(user):
        return redirect(_with_next("twofactor:setup", _next_url(request)))
    form = VerifyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.check_code(request, form.cleaned_data["code"])
        if result.ok:
            services.complete_verification(request, result.device)
            if isinstance(result.device, BackupCodeDevice):
                remaining = result.device.remaining()
                messages.warning(
                    request,
                    _(
                        "You signed in with a backup code. You have %(n)s left: "
                        "create new ones on your account security page if you are running low."
                    )
                    % {"n": remaining},
                )
            return HttpResponseRedirect(_next_url(request))
        if result.outcome == services.Outcome.LOCKED:
            minutes = services.failure_window_minutes()
            form.add_error(
                None,
                _("Too many wrong codes. Wait %(minutes)s minutes, then try again.")
                % {"minutes": minutes},
            )
        elif result.outcome == services.Outcome.REPLAY:
            form.add_error(
                "code", _("That code has already been used. Wait for the app to show a new one.")
            )
        else:
            form.add_error("code", _("That code is not right. Check it and try again."))
    return render(
        request,
        "twofactor/verify.html",
        {
            "form": form,
            "next": _next_url(request),
            "already_verified": has_second_factor(user),
            "has_backup_codes": BackupCodeDevice.objects.filter(user=user).exists(),
            "has_passkey": WebAuthnCredential.objects.filter(user=user, confirmed=True).exists(),
        },
        status=400 if form.errors else 200,
    )


# --- Enrolment ---------------------------------------------------------------------------


def _pending_totp(request: MemberRequest) -> TOTPDevice:
    """The unconfirmed authenticator being set up in this session, created on first visit."""
    pk = request.session.get(PENDING_TOTP_SESSION_KEY)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False, pk=pk).first()
    if device is None:
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        device = TOTPDevice.objects.create(
            user=request.user, name=_("Authenticator app"), confirmed=False
        )
        request.session[PENDING_TOTP_SESSION_KEY] = device.pk
    return device


def _grouped(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request: MemberRequest) -> HttpResponse:
    """Enrol an authenticator app: the first factor at first sign-in, or another one later."""
    if services.factor_devices(request.user):
        if not has_second_factor(request.user):
            # Adding a device must never be a way around verifying an existing one.
            return redirect(_with_next("twofactor:verify", request.get_full_path()))
        return _add_totp(request)
    return _enrol_totp(request)


@recent_authentication_required
def _add_totp(request: MemberRequest) -> HttpResponse:
    return _enrol_totp(request, adding=True)


def _enrol_totp(request: MemberRequest, *, adding: bool = False) -> HttpResponse:
    device = _pending_totp(request)
    form = ConfirmTOTPForm(request.POST or None, initial={"name": _("Authenticator app")})
    if not adding:
        del form.fields["end_other_sessions"]
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.name = form.cleaned_data["name"]
            device.save(update_fields=["name"])
            codes = services.confirm_totp(request, device)
            request.session.pop(PENDING_TOTP_SESSION_KEY, None)
            if not adding:
                services.complete_verification(request, device)
                return render(
                    request,
                    "twofactor/backup_codes_new.html",
                    {"codes": codes, "next": _next_url(request), "first_time": True},
                )
            if form.cleaned_data.get("end_other_sessions"):
                _end_other_sessions(request)
            messages.success(request, _("Your new authenticator app is ready to use."))
            return redirect("twofactor:security")
        form.add_error(
            "code",
            _("That code is not right. Check the time on your phone, then enter the new code."),
        )
    key = b32encode(device.bin_key).decode().rstrip("=")
    return render(
        request,
        "twofactor/setup.html",
        {
            "form": form,
            "adding": adding,
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                scale=5, svgclass="qr-code", title=_("QR code for your authenticator app")
            ),
            "key": _grouped(key),
            "next": _next_url(request),
        },
        status=400 if form.errors else 200,
    )


def _end_other_sessions(request: MemberRequest) -> None:
    ended = end_all_sessions(request.user, keep_session_key=request.session.session_key)
    messages.info(request, _("Signed out of %(n)s other session(s).") % {"n": ended})


@never_cache
@require_http_methods(["GET", "HEAD"])
@recent_authentication_required
def add_passkey(request: MemberRequest) -> HttpResponse:
    """Register a passkey (WebAuthn): django-otp-webauthn's script does the ceremony."""
    return render(request, "twofactor/add_passkey.html")


# --- Account security ----------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD"])
def security(request: MemberRequest) -> HttpResponse:
    """The member's own devices, backup codes and sessions."""
    user = request.user
    devices = services.factor_devices(user)
    backup = BackupCodeDevice.objects.filter(user=user).first()
    return render(
        request,
        "twofactor/security.html",
        {
            "devices": [
                {"device": d, "kind": services.device_kind(d), "id": d.persistent_id}
                for d in devices
            ],
            "can_remove": len(devices) > 1,
            "backup_remaining": backup.remaining() if backup else 0,
            "session_count": len(UserSession.objects.purge_and_list(user)),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
@recent_authentication_required
def remove_device(request: MemberRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else request.GET
    form = RemoveDeviceForm(data, user=request.user)
    if not form.is_valid():
        raise Http404
    device = form.cleaned_data["device"]
    if request.method == "POST":
        try:
            services.remove_device(request, device)
        except services.LastDeviceError:
            messages.error(request, _("You cannot remove your only device: add another one first."))
            return redirect("twofactor:security")
        if form.cleaned_data.get("end_other_sessions"):
            _end_other_sessions(request)
        messages.success(request, _("“%(name)s” was removed.") % {"name": device.name})
        return redirect("twofactor:security")
    is_last = len(form.devices) <= 1
    return render(
        request,
        "twofactor/remove_device.html",
        {"form": form, "device": device, "is_last": is_last},
    )


@never_cache
@require_http_methods(["GET", "POST"])
@recent_authentication_required
def backup_codes(request: MemberRequest) -> HttpResponse:
    """Create a new set of backup codes; every earlier code stops working."""
    if request.method == "POST":
        codes = services.regenerate_backup_codes(request)
        return render(
            request,
            "twofactor/backup_codes_new.html",
            {"codes": codes, "next": reverse("twofactor:security"), "first_time": False},
        )
    backup = BackupCodeDevice.objects.filter(user=request.user).first()
    return render(
        request,
        "twofactor/backup_codes.html",
        {"remaining": backup.remaining() if backup else 0},
    )


# --- Sessions ----------------------------------------------------------------------------


@never_cache
@require_POST
def end_session(request: MemberRequest) -> HttpResponse:
    """End one of the person's other sessions (allauth's page ends all of them at once)."""
    sessions = UserSession.objects.purge_and_list(request.user)
    form = EndSessionForm(request.POST, sessions=sessions)
    if not form.is_valid():
        raise Http404
    session = form.cleaned_data["session"]
    if session.session_key == request.session.session_key:
        messages.error(request, _("To end this session, sign out."))
    else:
        session.end()
        messages.success(request, _("That session has ended."))
    return redirect("usersessions_list")


# --- Reset by a vetting officer ------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def reset(request: MemberRequest, public_id: uuid.UUID) -> HttpResponse:
    """A vetting officer resets a member's factors after checking who is asking."""
    member = get_object_or_404(get_user_model(), public_id=public_id)
    if member == request.user:
        return TemplateResponse(request, "403.html", status=403)
    form = ResetSecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.reset_second_factor(request, member, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _("The second factor of %(name)s was reset; they must enrol again.") % {"name": member},
        )
        return redirect("twofactor:reset", public_id=member.public_id)
    return render(
        request,
        "twofactor/reset.html",
        {
            "form": form,
            "member": member,
            "device_count": len(services.factor_devices(member)),
        },
        status=400 if form.errors else 200,
    )
