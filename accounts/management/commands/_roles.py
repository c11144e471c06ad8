from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts import roles

if TYPE_CHECKING:
    from typing import Any

    from accounts.models import User


class RoleCommand(BaseCommand):
    verb = ""

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The person's account email address.")
        parser.add_argument("role", help=f"One of: {', '.join(roles.ROLES)}.")

    def handle(self, *args: Any, email: str, role: str, **options: Any) -> None:
        if role not in roles.ROLES:
            raise CommandError(f"Unknown role {role!r}. Roles are: {', '.join(roles.ROLES)}.")
        try:
            user = get_user_model().objects.get_by_natural_key(email)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No account has the email address {email!r}.") from None
        self.change(user, role)

    def change(self, user: User, role: str) -> None:
        raise NotImplementedError
