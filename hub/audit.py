"""Writing the audit trail: to the database, and as one JSON line to the `hub.audit` logger.

`record` takes the request from the argument or, failing that, from the request being served
(`hub.middleware.AuditContextMiddleware` remembers it), so services and signal receivers that
have no request at hand still record where an action came from.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar
from typing import TYPE_CHECKING

from hub.models import AuditEvent

if TYPE_CHECKING:
    from typing import Any

    from django.http import HttpRequest

    from accounts.models import User


logger = logging.getLogger("hub.audit")

USER_AGENT_MAX = 256

# Who acted, for what an operator does from a shell (management commands): no person signed in.
COMMAND_LINE = "command line"

# The request being served on this thread or task, if any.
current_request: ContextVar[HttpRequest | None] = ContextVar("audit_request", default=None)

# Details that must never reach the trail, whatever a caller passes. A caller that tries is a bug:
# it fails loudly in tests rather than leaking a secret in production.
_SECRET_WORDS = ("password", "secret", "token", "otp", "totp", "backup_code", "recovery_code")
_SECRET_NAMES = {"code", "key", "pin", "passcode", "credentials"}


def _check_no_secrets(details: dict) -> None:
    for name in details:
        lowered = name.lower()
        if lowered in _SECRET_NAMES or any(word in lowered for word in _SECRET_WORDS):
            raise ValueError(f"Audit details must not carry secrets: {name!r}.")


def _storable(value: Any) -> Any:
    """`value` with NUL characters replaced: PostgreSQL refuses them in text and JSON, and a
    crafted header or form value must not turn an audit write into an error."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {_storable(k): _storable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_storable(v) for v in value]
    return value


def client_ip(request: HttpRequest | None) -> str | None:
    # REMOTE_ADDR only: behind a proxy, the proxy (or a WSGI middleware the operator trusts)
    # must set it. Trusting X-Forwarded-For here would let anyone forge where they came from.
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def user_agent(request: HttpRequest | None) -> str:
    if request is None:
        return ""
    return _storable(request.headers.get("User-Agent", "")[:USER_AGENT_MAX])


def record(
    action: str,
    *,
    request: HttpRequest | None = None,
    actor: User | str | None = None,
    target: object = "",
    **details: Any,
) -> AuditEvent:
    """Append an event. `actor` defaults to the signed-in user of `request`; a string such as
    `COMMAND_LINE` names an actor who is not an account.

    Callers pass facts, never secrets: no passwords, codes, tokens or keys.
    """
    _check_no_secrets(details)
    details = _storable(details)
    if request is None:
        request = current_request.get()
    user = getattr(request, "user", None)
    if actor is None and user is not None and user.is_authenticated:
        actor = user
    label = actor if isinstance(actor, str) else getattr(actor, "email", "") or ""
    event = AuditEvent.objects.create(
        actor=None if isinstance(actor, str) else actor,
        actor_email=label,
        action=action,
        target=_storable(str(target)[:254]),
        ip_address=client_ip(request),
        user_agent=user_agent(request),
        details=details,
    )
    # json.dumps escapes control characters (and, with ensure_ascii, every non-ASCII one such
    # as U+2028), so a crafted value cannot forge or split a log line.
    logger.info(
        json.dumps(
            {
                "event": action,
                "at": event.created_at.isoformat(),
                "actor": event.actor_email,
                "target": event.target,
                "ip": event.ip_address,
                "user_agent": event.user_agent,
                "details": details,
            },
            default=str,
            ensure_ascii=True,
        )
    )
    return event
