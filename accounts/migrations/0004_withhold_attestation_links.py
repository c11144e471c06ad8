"""Issue 16, item 7: the supervisor's link is no longer kept in the outbox.

Rows written before this change hold the working link; it is replaced by the stand-in that
delivery fills in at send time, so unsent rows still send a working link and sent ones show none.
"""

import re

from django.db import migrations

LINK = re.compile(r"/accounts/attest/[^/\s\"'<>]+/")
WITHHELD = "/accounts/attest/link-withheld/"


def withhold_links(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    rows = Notification.objects.filter(kind="supervisor_attestation")
    for row in rows.iterator():
        row.url = LINK.sub(WITHHELD, row.url)
        row.body_text = LINK.sub(WITHHELD, row.body_text)
        row.body_html = LINK.sub(WITHHELD, row.body_html)
        row.save(update_fields=["url", "body_text", "body_html"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_vetting_applications_agencies_attestations"),
        ("notifications", "0002_preferences_and_due_time"),
    ]

    operations = [migrations.RunPython(withhold_links, migrations.RunPython.noop)]
