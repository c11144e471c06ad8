"""Compile the hub's catalogues (`locale/<lang>/LC_MESSAGES/*.po`) to `.mo`, in pure Python.

Django's `compilemessages` runs GNU `msgfmt`, which a fresh machine or the slim image does not
have; polib writes the same binary format (fuzzy and untranslated entries left out, as msgfmt
does). `make install`, `make run`, `make test` and the Dockerfile run this; the `.mo` files are
build output and stay out of git.
"""

import os
import tempfile
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
    # Written beside it, then moved over the old file in one step: a process reading the
    # catalogue meanwhile (a running hub, another test worker) sees the old file or the new one,
    # never half of one.
    with tempfile.NamedTemporaryFile(dir=mo_path.parent, suffix=".mo.tmp", delete=False) as new:
        temporary = Path(new.name)
    try:
        catalogue.save_as_mofile(str(temporary))
        temporary.chmod(0o644)
        os.replace(temporary, mo_path)
    finally:
        temporary.unlink(missing_ok=True)
    return mo_path


class Command(BaseCommand):
    help = "Compile locale/*/LC_MESSAGES/*.po to .mo without GNU gettext (polib)."

    def handle(self, *args: Any, **options: Any) -> None:
        paths = catalogues()
        for po_path in paths:
            compile_catalogue(po_path)
        self.stdout.write(f"Compiled {len(paths)} catalogues.")
