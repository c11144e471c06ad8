"""The GIN index on `Tool.facet_terms`, built without locking the tools' writes."""

import catalog.models
from django.db import migrations

from hub.migration_operations import AddIndexConcurrently


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("catalog", "0004_tool_facet_terms"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="tool",
            index=catalog.models.SearchVectorIndex(
                fields=["facet_terms"], name="catalog_tool_facet_terms_idx"
            ),
        ),
    ]
