from __future__ import annotations

from typing import TYPE_CHECKING

from accounts import roles
from accounts.management.commands._roles import RoleCommand
from hub import audit

if TYPE_CHECKING:
    from accounts.models import User


class Command(RoleCommand):
    help = "Take a role from a person. Audited."

    def change(self, user: User, role: str) -> None:
        if roles.revoke_role(user, role, actor=audit.COMMAND_LINE):
            self.stdout.write(self.style.SUCCESS(f"{user.email} is no longer {role}."))
        else:
            self.stdout.write(f"{user.email} was not {role}; nothing changed.")
