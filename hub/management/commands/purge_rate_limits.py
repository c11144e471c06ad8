"""Delete ended rate-limit counters: `hub.tasks.purge_rate_limits` for cron."""

from django.core.management.base import BaseCommand

from hub import ratelimit


class Command(BaseCommand):
    help = (
        "Delete rate-limit counters whose window has ended. Safe to run twice; beat runs it hourly."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Deleted {ratelimit.purge_expired()} rate-limit counters.")
