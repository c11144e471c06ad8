from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvidersConfig(AppConfig):
    name = "providers"
    verbose_name = _("Technology providers")

    def ready(self) -> None:
        from providers import receivers  # noqa: F401 - connects the allauth receiver
