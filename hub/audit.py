"""Writing the audit trail: to the database, and as one JSON line to the `hub.audit` logger."""

import json
import logging

from django.http import HttpRequest

from hub.models import AuditEvent

logger = logging.getLogger("hub.audit")


def client_ip(request: HttpRequest | None) -> str | None:
    # REMOTE_ADDR only: behind a proxy, the proxy (or a WSGI middleware the operator trusts)
    # must set it. Trusting X-Forwarded-For here would let anyone forge where they came from.
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    action: str,
    *,
    request: HttpRequest | None = None,
    actor=None,
    target: object = "",
    **details,
) -> AuditEvent:
    """Append an event. `actor` defaults to the signed-in user of `request`.

    Callers pass facts, never secrets: no passwords, codes, tokens or keys.
    """
    if actor is None and request is not None and request.user.is_authenticated:
        actor = request.user
    event = AuditEvent.objects.create(
        actor=actor,
        actor_email=getattr(actor, "email", "") or "",
        action=action,
        target=str(target)[:254],
        ip_address=client_ip(request),
        user_agent=(request.headers.get("User-Agent", "")[:256] if request is not None else ""),
        details=details,
    )
    # json.dumps escapes control characters, so a crafted value cannot forge a log line.
    logger.info(
        json.dumps(
            {
                "event": action,
                "at": event.created_at.isoformat(),
                "actor": event.actor_email,
                "target": event.target,
                "ip": event.ip_address,
                "details": details,
            },
            default=str,
        )
    )
    return event
