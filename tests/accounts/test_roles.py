import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command

from accounts import roles
from hub.models import AuditEvent
from tests import factories

pytestmark = pytest.mark.django_db


def perms(role: str) -> set[str]:
    group = Group.objects.get(name=role)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_groups_exist_after_migrate_with_their_permissions():
    roles.sync_roles()
    assert perms(roles.VETTING_OFFICER) == {
        "accounts.vet_application",
        "accounts.suspend_member",
        "accounts.reset_second_factor",
    }
    curator = perms(roles.CURATOR)
    assert "catalog.change_tool" in curator
    assert not any(p.startswith(("accounts.", "notifications.", "auth.")) for p in curator)
    admin = perms(roles.ADMINISTRATOR)
    assert {"accounts.vet_application", "catalog.change_tool", "auth.change_group"} <= admin


def test_private_models_are_granted_to_nobody(monkeypatch):
    from catalog.models import Tool

    monkeypatch.setattr(Tool, "PRIVATE", True, raising=False)
    roles.sync_roles()
    for role in (roles.ADMINISTRATOR, roles.CURATOR):
        assert not any(p.startswith("catalog.") and p.endswith("_tool") for p in perms(role))
        assert "catalog.view_toolreview" in perms(role)


def test_the_officer_factory_grants_the_role():
    officer = factories.VettingOfficerFactory()
    assert officer.has_perm("accounts.vet_application")
    assert not officer.is_staff


@pytest.mark.parametrize("role", [roles.CURATOR, roles.ADMINISTRATOR])
def test_staff_roles_give_and_take_staff_status(role):
    user = factories.MemberFactory()
    call_command("grant_role", user.email.upper(), role)
    user.refresh_from_db()
    assert user.is_staff and user.groups.filter(name=role).exists()
    call_command("revoke_role", user.email, role)
    user.refresh_from_db()
    assert not user.is_staff
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", "details"))
    assert actions == [("role.granted", {"role": role}), ("role.revoked", {"role": role})]


def test_staff_status_stays_while_another_staff_role_remains():
    user = factories.CuratorFactory()
    roles.grant_role(user, roles.ADMINISTRATOR)
    roles.revoke_role(user, roles.CURATOR)
    user.refresh_from_db()
    assert user.is_staff


def test_a_superuser_keeps_staff_status():
    from accounts.models import User

    root = User.objects.create_superuser("root@example.org", "a long password for root")
    call_command("grant_role", root.email, roles.VETTING_OFFICER)
    call_command("revoke_role", root.email, roles.VETTING_OFFICER)
    root.refresh_from_db()
    assert root.is_staff and root.is_superuser


def test_granting_twice_changes_nothing(capsys):
    officer = factories.VettingOfficerFactory()
    call_command("grant_role", officer.email, roles.VETTING_OFFICER)
    assert "already" in capsys.readouterr().out
    assert AuditEvent.objects.filter(action="role.granted").count() == 1


def test_unknown_email_or_role_is_a_clear_error():
    user = factories.UserFactory()
    with pytest.raises(CommandError, match="No account"):
        call_command("grant_role", "nobody@example.org", roles.CURATOR)
    with pytest.raises(CommandError, match="Unknown role"):
        call_command("grant_role", user.email, "wizard")
    with pytest.raises(CommandError, match="Unknown role"):
        call_command("revoke_role", user.email, "wizard")


def test_vetting_officers_have_no_admin_permissions():
    officer = factories.VettingOfficerFactory()
    assert not Permission.objects.filter(group__user=officer, codename="change_tool").exists()
