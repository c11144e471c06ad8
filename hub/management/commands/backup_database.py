"""`make backup`: the database to a file, in pg_dump's custom format."""

from pathlib import Path

from django.core.management.base import BaseCommand

from hub import backup


class Command(BaseCommand):
    help = "Dump the hub's PostgreSQL database to FILE (pg_dump --format=custom)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options) -> None:
        backup.dump(file)
        self.stdout.write(f"Backed up to {file}.")
