from accounts import roles
from accounts.management.commands._roles import RoleCommand


class Command(RoleCommand):
    help = "Give a person a role (vetting_officer, curator, administrator). Audited."

    def change(self, user, role: str) -> None:
        if roles.grant_role(user, role):
            self.stdout.write(self.style.SUCCESS(f"{user.email} is now {role}."))
        else:
            self.stdout.write(f"{user.email} already is {role}; nothing changed.")
