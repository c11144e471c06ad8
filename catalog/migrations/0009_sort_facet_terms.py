"""Every tool's `facet_terms` in ascending order (issue 18).

The search's facet counts take one facet's numbers as a slice of the sorted array (see
`catalog.querysets._facet_slice`). Rebuilds have written the array sorted since the terms were
aggregated in one pass; a tool not saved since then may still hold it in link order.
"""

from typing import Any

from django.db import migrations

SORTED = "ARRAY(SELECT number FROM unnest(facet_terms) number ORDER BY number)"


def sort_facet_terms(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return  # filled and read on PostgreSQL only
    schema_editor.execute(
        f"UPDATE catalog_tool SET facet_terms = {SORTED}"  # noqa: S608  # nosec B608 (constant)
        f" WHERE facet_terms IS NOT NULL AND facet_terms <> {SORTED}"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0008_tool_name_upper_index"),
    ]

    operations = [
        migrations.RunPython(sort_facet_terms, migrations.RunPython.noop, elidable=True),
    ]
