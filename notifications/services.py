"""Writing notifications into the outbox.

Call `notify` inside the transaction of the event that causes the message. The row commits
with the event or not at all; delivery is enqueued only once it has committed.

One row per event and recipient serves both places a message can appear: a recipient with an
account sees every row in their notification centre, and a row on the EMAIL channel is also
emailed. A member who turned a kind's emails off (see `kinds`) gets the row on the IN_APP
channel instead; security notices and messages to people without an account are always emailed.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from notifications import tasks
from notifications.kinds import email_is_optional
from notifications.models import Notification, NotificationPreference

if TYPE_CHECKING:
    from datetime import datetime
    from typing import Any

    from accounts.models import User


def notify(
    *,
    kind: str,
    key: str,
    to: User | str,
    context: dict[str, Any] | None = None,
    url: str = "",
    channel: str = Notification.Channel.EMAIL,
    not_before: datetime | None = None,
    language: str | None = None,
) -> Notification | None:
    """Queue the message `kind` for `to` (a user, or an email address), once per `key`.

    Templates: `notifications/email/<kind>_subject.txt`, `<kind>.txt` and optionally
    `<kind>.html`. `channel=IN_APP` writes a row for the notification centre only.
    `not_before` holds the email back until then (the outbox sweep sends it once due).
    It is written in `language`, else the recipient's (`recipient_language`).
    Returns None when a notification with this key already exists.
    """
    recipient = None if isinstance(to, str) else to
    to_email = to if isinstance(to, str) else to.email
    if recipient is None and channel != Notification.Channel.EMAIL:
        raise ValueError("A message to an address without an account can only be an email.")
    if channel == Notification.Channel.EMAIL and not wants_email(recipient, kind):
        channel = Notification.Channel.IN_APP
    context = {
        "recipient": recipient,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "url": f"{settings.SITE_URL}{url}" if url.startswith("/") else url,
        **(context or {}),
    }
    language = language or recipient_language(recipient)
    with translation.override(language):
        subject = " ".join(
            render_to_string(f"notifications/email/{kind}_subject.txt", context).split()
        )
        body_text = render_to_string(f"notifications/email/{kind}.txt", context)
        body_html: str
        try:
            body_html = render_to_string(f"notifications/email/{kind}.html", context)
        except TemplateDoesNotExist:  # the HTML part is optional
            body_html = ""
    return _write(
        kind=kind,
        key=key,
        channel=channel,
        recipient=recipient,
        to_email=to_email,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        url=url,
        not_before=not_before,
        language=language,
    )


def recipient_language(recipient: User | None) -> str:
    """The language to write to `recipient` in: their saved one, else the active language.

    The active language is the page's for an address without an account (a supervisor asked by
    an applicant who applied in French is written to in French) and the hub's default in a task.
    A person with an account and no saved preference gets the hub's default: a page's language
    is the reader's, not necessarily the recipient's.
    """
    if recipient is not None:
        return recipient.language or settings.LANGUAGE_CODE
    return translation.get_language() or settings.LANGUAGE_CODE


def language_for_address(email: str) -> str:
    """The language for an email another library writes to `email` (django-allauth's)."""
    from django.contrib.auth import get_user_model

    saved = (
        get_user_model()
        .objects.filter(email__iexact=email)
        .exclude(language="")
        .values_list("language", flat=True)
        .first()
    )
    return saved or translation.get_language() or settings.LANGUAGE_CODE


def queue_email(
    *,
    kind: str,
    key: str,
    to_email: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    language: str = "",
) -> Notification | None:
    """Queue an email another library rendered (django-allauth's), once per `key`.

    The page that caused it answers at once, whatever the mail server is doing; the outbox
    delivers it, retries it and sweeps it up like every other email. No recipient is set, so it
    never shows in a notification centre (a confirmation or reset link belongs in the inbox only).
    """
    return _write(
        kind=kind,
        key=key,
        channel=Notification.Channel.EMAIL,
        recipient=None,
        to_email=to_email,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        url="",
        not_before=None,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
    )


def _write(*, channel: str, not_before: datetime | None, **fields: Any) -> Notification | None:
    fields["idempotency_key"] = fields.pop("key")[:200]
    fields["subject"] = fields["subject"][:200]
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                channel=channel, not_before=not_before, **fields
            )
    except IntegrityError:
        return None
    if channel == Notification.Channel.EMAIL and not_before is None:
        # Not Celery's delay_on_commit: its callback raises after the commit when the broker is
        # down, turning a committed event into an error page. This one logs and lets the sweep
        # send the row later.
        transaction.on_commit(partial(tasks.enqueue_delivery, notification.pk))
    return notification


def wants_email(recipient: User | None, kind: str) -> bool:
    """Whether `recipient` receives `kind` by email: yes unless a member turned it off."""
    if recipient is None or not email_is_optional(kind) or not recipient.is_active_member:
        return True
    return (
        not NotificationPreference.objects.owned_by(recipient)
        .filter(kind=kind, email=False)
        .exists()
    )
