"""Enqueue again the emails nobody is delivering: `notifications.tasks.sweep_outbox` for cron."""

from django.core.management.base import BaseCommand

from notifications.tasks import sweep


class Command(BaseCommand):
    help = (
        "Re-enqueue undelivered notifications (broker down at the time, worker killed). "
        "Safe to run twice; beat runs it every minute."
    )

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Enqueued {sweep()} notifications.")
