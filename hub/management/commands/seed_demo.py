"""Load demo content. Each app listed in DEMO_APPS contributes through `<app>.demo.seed`.

Safe to run again: every seed updates or skips what already exists.
"""

from __future__ import annotations

from contextlib import nullcontext
from importlib import import_module
from importlib.util import find_spec
from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from hub import demo_translations

if TYPE_CHECKING:
    from typing import Any


# In order: later apps refer to what earlier ones made (reviews need members and tools).
DEMO_APPS = (
    "accounts", "catalog", "guidance", "wellbeing", "notifications", "providers", "community",
)  # fmt: skip


class Command(BaseCommand):
    help = "Load demo content (fictional and marked as such) for local use and benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tools", type=int, default=None, help="Build a catalogue of this many tools."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        for app in DEMO_APPS:
            if find_spec(f"{app}.demo") is None:
                continue
            demo = import_module(f"{app}.demo")
            # A seed is one transaction, unless it commits its own batches (`ATOMIC = False`).
            with transaction.atomic() if getattr(demo, "ATOMIC", True) else nullcontext():
                summary = demo.seed(tools=options["tools"])
            self.stdout.write(f"{app}: {summary}")
        # Issue 21: the terms the seeds made, named in the six languages.
        with transaction.atomic():
            self.stdout.write(f"languages: {demo_translations.apply()}")
