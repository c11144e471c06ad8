"""`make backup`: the database to a file, in pg_dump's custom format."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand

from hub import backup

if TYPE_CHECKING:
    from typing import Any

    from django.core.management.base import CommandParser


class Command(BaseCommand):
    help = "Dump the hub's PostgreSQL database to FILE (pg_dump --format=custom)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        backup.dump(file)
        self.stdout.write(f"Backed up to {file}.")
