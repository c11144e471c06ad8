"""Every tool's terms in one array column (issue 18), filled from the link tables."""

from typing import Any

from django.db import migrations, models

import catalog.models

# The link tables and their term columns, in `Tool.FACETS` order (the facet's number), as they
# are at this migration.
LINKS = (
    ("catalog_tool_capabilities", "capability_id"),
    ("catalog_tool_stages", "investigationstage_id"),
    ("catalog_tool_data_types", "datatype_id"),
    ("catalog_tool_deployments", "deployment_id"),
    ("catalog_tool_licences", "licence_id"),
    ("catalog_tool_languages", "language_id"),
    ("catalog_tool_platforms", "platform_id"),
    ("catalog_tool_countries", "country_id"),
)


def fill(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    terms = " UNION ALL ".join(
        f"SELECT ({number}::bigint << 32) | {column} FROM {table} WHERE tool_id = catalog_tool.id"
        for number, (table, column) in enumerate(LINKS)
    )
    # Table and column names from LINKS above, numbers from enumerate: no input reaches the SQL.
    schema_editor.execute(f"UPDATE catalog_tool SET facet_terms = ARRAY({terms})")  # noqa: S608  # nosec B608


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0003_catalogue_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="tool",
            name="facet_terms",
            field=catalog.models.TermNumbers(
                base_field=models.BigIntegerField(), editable=False, null=True, size=None
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
