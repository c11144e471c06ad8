"""Delete ended rate-limit counters: `hub.tasks.purge_rate_limits` for cron."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand

from hub import ratelimit

if TYPE_CHECKING:
    from typing import Any


class Command(BaseCommand):
    help = (
        "Delete rate-limit counters whose window has ended. Safe to run twice; beat runs it hourly."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Deleted {ratelimit.purge_expired()} rate-limit counters.")
