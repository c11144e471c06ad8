"""Audit receivers: sign-ins, sign-outs, failed sign-ins, and content changes in the admin.

Lockouts (too many failed sign-ins) are recorded by `accounts.adapter`, which sees them;
answers of 429 by `hub.middleware.AuditContextMiddleware`. The second factor, vetting and roles
record their own events where they happen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.signals import post_save
from django.dispatch import receiver

from hub import audit

if TYPE_CHECKING:
    from typing import Any

    from django.contrib.contenttypes.models import ContentType
    from django.http import HttpRequest

    from accounts.models import User


NOT_AN_EMAIL = "(not an email address)"


def attempted_email(credentials: dict) -> str:
    """The address someone tried to sign in as, normalised, or a placeholder.

    Only something shaped like an email address is kept: people type their password into
    the wrong box, and that must not end up in the trail.
    """
    raw = credentials.get("email") or credentials.get("username") or credentials.get("login")
    value = str(raw or "").strip().lower()[:254]
    try:
        validate_email(value)
    except ValidationError:
        return NOT_AN_EMAIL
    return value


@receiver(user_logged_in, dispatch_uid="hub.audit.signed_in")
def signed_in(sender: object, request: HttpRequest, user: User, **kwargs: Any) -> None:
    audit.record("auth.signed_in", request=request, actor=user, target=user.email)


@receiver(user_logged_out, dispatch_uid="hub.audit.signed_out")
def signed_out(sender: object, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is None:  # signing out without a session: nothing happened
        return
    audit.record("auth.signed_out", request=request, actor=user, target=user.email)


@receiver(user_login_failed, dispatch_uid="hub.audit.sign_in_failed")
def sign_in_failed(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    # Django has already masked the password in `credentials`; we keep only the address.
    audit.record("auth.sign_in_failed", request=request, target=attempted_email(credentials))


ADMIN_ACTIONS = {ADDITION: "added", CHANGE: "changed", DELETION: "deleted"}


@receiver(post_save, sender=LogEntry, dispatch_uid="hub.audit.admin_change")
def admin_change(sender: object, instance: LogEntry, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    # django-stubs types LogEntry's two foreign keys without their models.
    content_type = cast("ContentType", instance.content_type)
    audit.record(
        "admin.change",
        actor=cast("User", instance.user),
        target=f"{content_type.app_label}.{content_type.model} {instance.object_id}",
        change=ADMIN_ACTIONS.get(instance.action_flag, str(instance.action_flag)),
        object=instance.object_repr,
        message=instance.get_change_message(),
    )
