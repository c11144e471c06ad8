"""An index on the tool's name in capitals, for the search's exact-name match, built without
locking the tools' writes."""

import django.db.models.functions.text
from django.db import migrations, models

from hub.migration_operations import AddIndexConcurrently


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("catalog", "0007_search_languages"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="tool",
            index=models.Index(
                django.db.models.functions.text.Upper("name"), name="catalog_tool_name_upper_idx"
            ),
        ),
    ]
