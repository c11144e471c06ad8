from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class HubConfig(AppConfig):
    default = True
    name = "hub"
    verbose_name = _("Hub")

    def ready(self) -> None:
        from hub import signals  # noqa: F401  (connects the audit receivers)


class HubAdminConfig(admin_apps.AdminConfig):
    """The Django admin, on a site that demands a verified second factor."""

    default = False
    default_site = "hub.admin_site.HubAdminSite"
