"""Backup and restore (issue 17), on PostgreSQL: dump, restore into a fresh database, compare.

Runs in the PostgreSQL pass only. pg_dump and pg_restore come from the machine; where they are
missing the commands raise and this test fails: a backup nobody can test is no backup.
"""

import uuid
from io import StringIO

import psycopg
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from hub import backup
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _admin_connection() -> psycopg.Connection:
    db = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        autocommit=True,
    )


def _row_counts(dbname: str) -> dict[str, int]:
    db = connection.settings_dict
    with psycopg.connect(
        dbname=dbname,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
    ) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: conn.execute(
                psycopg.sql.SQL("SELECT count(*) FROM {}").format(psycopg.sql.Identifier(table))
            ).fetchone()[0]
            for table in tables
        }


@pytest.fixture
def fresh_database():
    name = f"{connection.settings_dict['NAME']}_backup_{uuid.uuid4().hex[:8]}"
    with _admin_connection() as admin:
        admin.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))
    yield name
    with _admin_connection() as admin:
        admin.execute(
            psycopg.sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                psycopg.sql.Identifier(name)
            )
        )


def test_a_backup_restores_into_a_fresh_database_with_every_row(tmp_path, fresh_database):
    member = factories.MemberFactory()
    factories.ToolFactory.create_batch(3)
    factories.BookmarkFactory(user=member)
    factories.NotificationFactory(recipient=member)
    dump = tmp_path / "hub.dump"

    call_command("backup_database", str(dump), stdout=StringIO())
    assert dump.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    call_command("restore_database", str(dump), dbname=fresh_database, stdout=StringIO())

    original = _row_counts(connection.settings_dict["NAME"])
    restored = _row_counts(fresh_database)
    assert restored == original
    # Not two empty databases agreeing: the rows made above are there.
    assert original["accounts_user"] >= 1 and original["catalog_tool"] >= 3
    assert original["notifications_notification"] == 1
    assert len(original) > 20


def test_restoring_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore_database", str(tmp_path / "absent.dump"), stdout=StringIO())


def test_missing_client_tools_fail_loudly(monkeypatch):
    monkeypatch.setattr("hub.backup.shutil.which", lambda name: None)
    with pytest.raises(CommandError, match="pg_dump is not installed"):
        backup._tool("pg_dump")
