from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and vetting")

    def ready(self) -> None:
        from accounts import receivers, roles  # noqa: F401 - connects the allauth receivers

        # Every app's post_migrate: permissions of apps migrated after this one exist only then.
        post_migrate.connect(roles.sync_roles, dispatch_uid="accounts.sync_roles")
