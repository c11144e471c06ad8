"""Compile the hub's catalogues (`locale/<lang>/LC_MESSAGES/*.po`) to `.mo`, in pure Python.

Django's `compilemessages` runs GNU `msgfmt`, which a fresh machine or the slim image does not
have; polib writes the same binary format (fuzzy and untranslated entries left out, as msgfmt
does). `make install`, `make run`, `make test` and the Dockerfile run this; the `.mo` files are
build output and stay out of git.
"""

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def catalogues() -> list[Path]:
    """Every `.po` file under the project's LOCALE_PATHS."""
    return sorted(
        po for locale in settings.LOCALE_PATHS for po in Path(locale).glob("*/LC_MESSAGES/*.po")
    )


def compile_catalogue(po_path: Path) -> Path:
    """Write `po_path`'s `.mo` beside it and return its path; a malformed file is an error."""
    mo_path = po_path.with_suffix(".mo")
    try:
        catalogue = polib.pofile(str(po_path), wrapwidth=0)
    except (OSError, ValueError) as exc:  # polib raises OSError (IOError) on a syntax error
        raise CommandError(f"{po_path}: {exc}") from exc
    catalogue.save_as_mofile(str(mo_path))
    return mo_path


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo without GNU gettext (polib)."

    def handle(self, *args: Any, **options: Any) -> None:
        paths = catalogues()
        for po_path in paths:
            compile_catalogue(po_path)
        self.stdout.write(f"Compiled {len(paths)} catalogues.")
