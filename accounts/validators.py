from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MaximumLengthValidator:
    """Caps password length (NIST SP 800-63B allows a cap of at least 64) to bound hashing cost."""

    def __init__(self, max_length: int = 128) -> None:
        self.max_length = max_length

    def validate(self, password: str, user: object = None) -> None:
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "This password is too long. It must contain at most %(max)d character.",
                    "This password is too long. It must contain at most %(max)d characters.",
                    self.max_length,
                ),
                code="password_too_long",
                params={"max": self.max_length},
            )

    def get_help_text(self) -> str:
        return _("Your password can be up to %(max)d characters long.") % {"max": self.max_length}
