"""Remove old delivered emails: `notifications.tasks.purge_delivered_outbox` for cron."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand

from notifications.tasks import purge_delivered

if TYPE_CHECKING:
    from typing import Any


class Command(BaseCommand):
    help = (
        "Remove emails delivered more than OUTBOX_RETENTION_DAYS ago (pending and failed rows "
        "stay). Safe to run twice; beat runs it daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Removed {purge_delivered()} delivered notifications.")
