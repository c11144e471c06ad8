"""Writing notifications into the outbox.

Call `notify` inside the transaction of the event that causes the message. The row commits
with the event or not at all; delivery is enqueued only once it has committed.

One row per event and recipient serves both places a message can appear: a recipient with an
account sees every row in their notification centre, and a row on the EMAIL channel is also
emailed. A member who turned a kind's emails off (see `kinds`) gets the row on the IN_APP
channel instead; security notices and messages to people without an account are always emailed.
"""

import logging
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from celery.exceptions import Retry
from django.conf import settings
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string
from kombu.exceptions import KombuError
from redis.exceptions import RedisError

from notifications.kinds import BEARER_LINKS, email_is_optional
from notifications.models import Notification, NotificationPreference

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

# What publishing a task raises when the broker is unreachable (kombu wraps most of them in
# its OperationalError; the rest are the transport's own).
PUBLISH_ERRORS = (KombuError, RedisError, OSError)


def notify(
    *,
    kind: str,
    key: str,
    to: "User | str",
    context: dict | None = None,
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


def recipient_language(recipient: "User | None") -> str:
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


def _write(*, channel: str, not_before: datetime | None, **fields) -> Notification | None:
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
        transaction.on_commit(partial(enqueue_delivery, notification.pk))
    return notification


class LinkGoneError(Exception):
    """The credential a withheld link stood for no longer exists: the email cannot be sent."""


def bodies_to_send(notification: Notification) -> tuple[str, str]:
    """The text and HTML bodies as emailed: a withheld bearer link is made now, not stored."""
    builder = BEARER_LINKS.get(notification.kind)
    if builder is None:
        return notification.body_text, notification.body_html
    path = import_string(builder)(notification)
    if not path:
        raise LinkGoneError(notification.kind)
    withheld, real = (f"{settings.SITE_URL}{p}" for p in (notification.url, path))
    return (
        notification.body_text.replace(withheld, real),
        notification.body_html.replace(withheld, real),
    )


def wants_email(recipient, kind: str) -> bool:
    """Whether `recipient` receives `kind` by email: yes unless a member turned it off."""
    if recipient is None or not email_is_optional(kind) or not recipient.is_active_member:
        return True
    return not NotificationPreference.objects.filter(
        user=recipient, kind=kind, email=False
    ).exists()


def enqueue_delivery(notification_id: int) -> bool:
    """Send the delivery task to the broker; False (logged) if the broker cannot be reached.

    The row stays undelivered and the outbox sweep enqueues it again once the broker is back.
    """
    from notifications.tasks import deliver

    try:
        deliver.apply_async(args=[notification_id])
    except PUBLISH_ERRORS as exc:
        logger.warning(
            "Could not enqueue notification %s (the sweep will retry): %s", notification_id, exc
        )
        return False
    except Retry:
        # Only without a broker, where tasks run in-process at commit: a retry cannot wait
        # there, so the row keeps its due time and the next sweep tries again.
        logger.warning("Notification %s will be retried by the sweep", notification_id)
    return True
