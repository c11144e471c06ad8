from django.db import migrations, models
from django.db.models.functions import Now


def members_before_the_welcome(apps, schema_editor) -> None:
    # Whoever was already a member has found their way around: the welcome is for new members.
    User = apps.get_model("accounts", "User")
    User.objects.filter(membership_valid_until__isnull=False).update(welcome_dismissed_at=Now())


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_user_terms_accepted"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="welcome_dismissed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="welcome dismissed at"),
        ),
        migrations.RunPython(members_before_the_welcome, migrations.RunPython.noop, elidable=True),
    ]
