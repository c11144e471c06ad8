"""Backup and restore of the database with PostgreSQL's own tools (`make backup`, `make restore`).

PostgreSQL holds everything that matters. Redis holds only the cache, rate-limit counters and
the broker's queue, all rebuilt by themselves (the outbox sweep enqueues again whatever the
queue lost): nothing there needs a backup. The connection comes from the hub's own settings,
so `DATABASE_URL` and `DATABASE_PASSWORD_FILE` work as they do for the hub; the password goes
to the tools in their environment, never on a command line that `ps` shows.
"""

from __future__ import annotations

import os
import shutil

# Fixed programs (found with shutil.which), arguments passed as a list, never a shell.
import subprocess  # nosec B404
from pathlib import Path

from django.core.management.base import CommandError
from django.db import connections


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise CommandError(
            f"{name} is not installed: install PostgreSQL's client tools "
            "(Debian: postgresql-client)."
        )
    return path


def _connection(dbname: str | None = None) -> tuple[list[str], dict[str, str]]:
    """Arguments naming the server and database, and an environment carrying the password."""
    db = connections["default"].settings_dict
    if not db["ENGINE"].endswith("postgresql"):
        raise CommandError("Backups need PostgreSQL: DATABASE_URL names another database.")
    args = [f"--dbname={dbname or db['NAME']}"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args.append(f"{option}={db[key]}")
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    if sslmode := db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603  # nosec B603
    if result.returncode != 0:
        raise CommandError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def dump(path: Path) -> None:
    """The whole database to `path`, in pg_dump's custom format (compressed, restorable in part)."""
    args, env = _connection()
    path.parent.mkdir(parents=True, exist_ok=True)
    _run([_tool("pg_dump"), "--format=custom", "--no-owner", f"--file={path}", *args], env)


def restore(path: Path, dbname: str | None = None) -> None:
    """Replace the database's (or `dbname`'s) contents with the dump at `path`, all or nothing."""
    if not path.is_file():
        raise CommandError(f"No backup at {path}.")
    args, env = _connection(dbname)
    _run(
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            *args,
            str(path),
        ],
        env,
    )
