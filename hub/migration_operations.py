"""Migration operations for big tables (README, "Data safety").

Django's `AddIndexConcurrently` is PostgreSQL's `CREATE INDEX CONCURRENTLY`: building the index
does not lock the table's writes. It knows no other database, and the hub also runs on SQLite
in development, so these versions build a plain index there (a laptop's tables are small).
Use them in a migration with `atomic = False`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.postgres import operations as postgres
from django.db.migrations.operations import AddIndex, RemoveIndex
from django.db.migrations.operations.base import Operation

if TYPE_CHECKING:
    from django.db.backends.base.schema import BaseDatabaseSchemaEditor
    from django.db.migrations.state import ProjectState


class _ConcurrentlyOnPostgreSQL(Operation):
    """PostgreSQL's concurrent operation there; elsewhere the `plain` one it extends."""

    plain: type[Operation]

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        else:
            self.plain.database_forwards(self, app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        else:
            self.plain.database_backwards(self, app_label, schema_editor, from_state, to_state)


class AddIndexConcurrently(_ConcurrentlyOnPostgreSQL, postgres.AddIndexConcurrently):
    plain = AddIndex


class RemoveIndexConcurrently(_ConcurrentlyOnPostgreSQL, postgres.RemoveIndexConcurrently):
    plain = RemoveIndex
