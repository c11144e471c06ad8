"""Enqueue again the emails nobody is delivering: `notifications.tasks.sweep_outbox` for cron."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand

from notifications.tasks import sweep

if TYPE_CHECKING:
    from typing import Any


class Command(BaseCommand):
    help = (
        "Re-enqueue undelivered notifications (broker down at the time, worker killed). "
        "Safe to run twice; beat runs it every minute."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Enqueued {sweep()} notifications.")
