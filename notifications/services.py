"""Writing notifications into the outbox.

Call `notify` inside the transaction of the event that causes the message. The row commits
with the event or not at all; delivery is enqueued only once it has committed.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from notifications.models import Notification


def notify(
    *,
    kind: str,
    key: str,
    to,
    context: dict | None = None,
    url: str = "",
    channel: str = Notification.Channel.EMAIL,
) -> Notification | None:
    """Queue the message `kind` for `to` (a user, or an email address), once per `key`.

    Templates: `notifications/email/<kind>_subject.txt`, `<kind>.txt` and optionally
    `<kind>.html`. Returns None when a notification with this key already exists.
    """
    recipient = None if isinstance(to, str) else to
    to_email = to if isinstance(to, str) else to.email
    context = {
        "recipient": recipient,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "url": f"{settings.SITE_URL}{url}" if url.startswith("/") else url,
        **(context or {}),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(
            render_to_string(f"notifications/email/{kind}_subject.txt", context).split()
        )
        body_text = render_to_string(f"notifications/email/{kind}.txt", context)
        try:
            body_html = render_to_string(f"notifications/email/{kind}.html", context)
        except TemplateDoesNotExist:  # the HTML part is optional
            body_html = ""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                idempotency_key=key[:200],
                kind=kind,
                channel=channel,
                recipient=recipient,
                to_email=to_email,
                subject=subject[:200],
                body_text=body_text,
                body_html=body_html,
                url=url,
            )
    except IntegrityError:
        return None
    if channel == Notification.Channel.EMAIL:
        from notifications.tasks import deliver

        deliver.delay_on_commit(notification.pk)
    return notification
