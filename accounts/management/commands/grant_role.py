from __future__ import annotations

from typing import TYPE_CHECKING

from accounts import roles
from accounts.management.commands._roles import RoleCommand
from hub import audit

if TYPE_CHECKING:
    from accounts.models import User


class Command(RoleCommand):
    help = "Give a person a role (vetting_officer, curator, administrator). Audited."

    def change(self, user: User, role: str) -> None:
        if roles.grant_role(user, role, actor=audit.COMMAND_LINE):
            self.stdout.write(self.style.SUCCESS(f"{user.email} is now {role}."))
        else:
            self.stdout.write(f"{user.email} already is {role}; nothing changed.")
        if not user.is_active_member:
            # Every role page needs the holder's own membership to be active (hub.access).
            self.stdout.write(
                self.style.WARNING(
                    f"{user.email} is not an active member, so the role does nothing yet: "
                    f"python manage.py grant_membership {user.email} --reason TEXT"
                )
            )
