"""Demo notifications: a few messages in the centre of each demo member (never emailed)."""

from datetime import timedelta

from django.contrib.auth import get_user_model

from hub import clock
from notifications.models import Notification

# (key, subject, link, days ago, read)
DEMO_MESSAGES = [
    ("welcome", "Welcome to the Safer Children Hub (demo)", "/catalog/", 30, True),
    ("digest", "3 new tools match your saved search (demo)", "/catalog/", 2, False),
    ("guidance", "New guidance: using AI classifiers lawfully (demo)", "/guidance/", 1, False),
]


def seed(*, tools: int | None = None) -> str:
    members = get_user_model().objects.active_members().order_by("pk")[:20]
    count = 0
    now = clock.now()
    for member in members:
        for key, subject, url, days_ago, read in DEMO_MESSAGES:
            created_at = now - timedelta(days=days_ago)
            Notification.objects.update_or_create(
                idempotency_key=f"demo:{key}:{member.public_id}",
                defaults={
                    "kind": "demo",
                    "channel": Notification.Channel.IN_APP,
                    "recipient": member,
                    "to_email": member.email,
                    "subject": subject,
                    "body_text": subject,
                    "url": url,
                    "created_at": created_at,
                    "read_at": created_at if read else None,
                },
            )
            count += 1
    return f"{count} demo notifications"
