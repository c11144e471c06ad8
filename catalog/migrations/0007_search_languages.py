"""Search per language (issue 21): pg_trgm, and the Chinese text with its trigram index.

The vectors of existing tools take their translations when next saved (or run
`catalog.search.refresh_search_vector()` once)."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

import catalog.models


class Migration(migrations.Migration):
    dependencies = [("catalog", "0006_content_languages")]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name="tool",
            name="search_text_zh",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddIndex(
            model_name="tool",
            index=catalog.models.TrigramIndex(
                fields=["search_text_zh"], name="catalog_tool_zh_trgm_idx"
            ),
        ),
    ]
