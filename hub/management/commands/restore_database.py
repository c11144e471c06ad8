"""`make restore`: replace the database's contents with a backup. Stop the app services first."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from django.core.management.base import BaseCommand

from hub import backup

if TYPE_CHECKING:
    from typing import Any

    from django.core.management.base import CommandParser


class Command(BaseCommand):
    help = (
        "Restore FILE (made by backup_database) into the hub's database, replacing what is there, "
        "in one transaction. Stop the web app, workers and beat first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dbname", help="restore into this database instead (e.g. to try a backup)"
        )

    def handle(self, *args: Any, file: Path, dbname: str | None, **options: Any) -> None:
        backup.restore(file, dbname)
        self.stdout.write(f"Restored {file}.")
