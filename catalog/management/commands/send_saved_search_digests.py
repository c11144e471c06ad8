from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand

from catalog.tasks import send_saved_search_digests

if TYPE_CHECKING:
    from typing import Any


class Command(BaseCommand):
    help = "Email members the tools published since their last saved-search digest."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_saved_search_digests()
        self.stdout.write(f"Saved-search digests written: {sent}")
