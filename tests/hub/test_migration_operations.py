"""Indexes on big tables are built concurrently on PostgreSQL, plainly on SQLite (README)."""

import pytest
from django.apps import apps
from django.db import connection, models
from django.db.migrations.state import ProjectState
from django.test.utils import CaptureQueriesContext

from hub.migration_operations import AddIndexConcurrently, RemoveIndexConcurrently

pytestmark = pytest.mark.django_db(transaction=True)

INDEX = models.Index(fields=["kind", "created_at"], name="test_concurrent_idx")


def _indexes() -> set[str]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "notifications_notification")
    return {name for name, info in constraints.items() if info["index"]}


def test_an_index_is_added_and_removed_outside_a_transaction():
    before = ProjectState.from_apps(apps)
    after = before.clone()
    add = AddIndexConcurrently("notification", INDEX)
    add.state_forwards("notifications", after)
    with (
        CaptureQueriesContext(connection) as queries,
        connection.schema_editor(atomic=False) as editor,
    ):
        add.database_forwards("notifications", editor, before, after)
    assert "test_concurrent_idx" in _indexes()
    created = " ".join(q["sql"] for q in queries.captured_queries).upper()
    assert ("CONCURRENTLY" in created) is (connection.vendor == "postgresql")

    removed = after.clone()
    remove = RemoveIndexConcurrently("notification", "test_concurrent_idx")
    remove.state_forwards("notifications", removed)
    with connection.schema_editor(atomic=False) as editor:
        remove.database_forwards("notifications", editor, after, removed)
    assert "test_concurrent_idx" not in _indexes()


@pytest.mark.postgres
def test_the_operations_refuse_to_run_inside_a_transaction_on_postgresql():
    from django.db import NotSupportedError

    before = ProjectState.from_apps(apps)
    after = before.clone()
    add = AddIndexConcurrently("notification", INDEX)
    add.state_forwards("notifications", after)
    with pytest.raises(NotSupportedError), connection.schema_editor(atomic=True) as editor:
        add.database_forwards("notifications", editor, before, after)
