from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts import services

if TYPE_CHECKING:
    from typing import Any


class Command(BaseCommand):
    help = (
        "Give a person an active membership without vetting: for a new hub's first vetting "
        "officers, curators and administrators. Audited with the reason."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The person's account email address.")
        parser.add_argument(
            "--reason", required=True, help="Why, for the audit log (e.g. who appointed them)."
        )
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="How long the membership lasts (default: MEMBERSHIP_MONTHS, 12).",
        )

    def handle(
        self, *args: Any, email: str, reason: str, months: int | None, **options: Any
    ) -> None:
        reason = reason.strip()
        if not reason:
            raise CommandError("Give a reason: it is kept in the audit log.")
        if months is not None and not 1 <= months <= 60:
            raise CommandError("--months must be between 1 and 60.")
        try:
            user = get_user_model().objects.get_by_natural_key(email)
        except get_user_model().DoesNotExist:
            raise CommandError(
                f"No account has the email address {email!r}: they sign up at /accounts/signup/ "
                "first."
            ) from None
        try:
            valid_until = services.grant_membership(user, reason=reason, months=months)
        except services.NotAllowedError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(f"{user.email} is a member until {valid_until:%Y-%m-%d %H:%M} UTC.")
        )
