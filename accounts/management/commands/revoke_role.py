from accounts import roles
from accounts.management.commands._roles import RoleCommand
from hub import audit


class Command(RoleCommand):
    help = "Take a role from a person. Audited."

    def change(self, user, role: str) -> None:
        if roles.revoke_role(user, role, actor=audit.COMMAND_LINE):
            self.stdout.write(self.style.SUCCESS(f"{user.email} is no longer {role}."))
        else:
            self.stdout.write(f"{user.email} was not {role}; nothing changed.")
