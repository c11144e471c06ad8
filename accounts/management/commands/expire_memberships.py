from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand

from accounts.services import run_membership_expiry

if TYPE_CHECKING:
    from typing import Any


class Command(BaseCommand):
    help = "Send membership reminders (30 and 7 days) and expiry notices. Safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = run_membership_expiry()
        self.stdout.write(f"{sent['reminders']} reminder(s), {sent['expired']} expiry notice(s).")
