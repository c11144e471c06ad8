from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand

from catalog.tasks import flag_tools_due_for_review

if TYPE_CHECKING:
    from typing import Any


class Command(BaseCommand):
    help = "Tell curators which published tools have not been verified for 12 months."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = flag_tools_due_for_review()
        self.stdout.write(f"Review-due notices written: {sent}")
