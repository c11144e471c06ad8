from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwofactorConfig(AppConfig):
    name = "twofactor"
    verbose_name = _("Second factor")

    def ready(self) -> None:
        # Connects the sign-in receiver that starts the session clock.
        from twofactor import middleware  # noqa: F401
