"""The kinds of visitor the security tests try every URL as.

Each persona is a function that makes a fresh person and signs them in on a test client.
Roles are Django groups with permissions. Until `accounts.roles` exists on this branch the
groups are made here with the permissions DESIGN.md gives them; once it does, `grant_role`
below uses it.
"""

from collections.abc import Callable

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from tests import factories
from tests.conftest import sign_in

# Persona users get an unusable password hash: hashing a real one costs ~0.1 s a user.
NO_PASSWORD = "!security-persona"

VETTING_OFFICER = "vetting_officer"
CURATOR = "curator"
ADMINISTRATOR = "administrator"
STAFF_ROLES = {CURATOR, ADMINISTRATOR}


def _role_permissions(role: str):
    if role == VETTING_OFFICER:
        return Permission.objects.filter(
            content_type__app_label="accounts",
            codename__in=["vet_application", "suspend_member", "reset_second_factor"],
        )
    if role == CURATOR:
        return Permission.objects.filter(
            content_type__app_label__in=["catalog", "guidance", "wellbeing"]
        )
    # Administrators: everything except models holding one member's private data.
    private = [m for m in apps.get_models() if getattr(m, "PRIVATE", False)]
    return Permission.objects.exclude(
        content_type__in=ContentType.objects.get_for_models(*private).values()
    )


def _grant_role_locally(user, role: str) -> None:
    group, _ = Group.objects.get_or_create(name=role)
    group.permissions.set(_role_permissions(role))
    user.groups.add(group)
    if role in STAFF_ROLES:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def grant_role(user, role: str) -> None:
    # The real roles (issue 2) when they are there; the local stand-in until then.
    try:
        from accounts.roles import grant_role as grant
    except ModuleNotFoundError as missing:
        if missing.name != "accounts.roles":
            raise
        grant = _grant_role_locally
    grant(user, role)
    # Permissions are cached on the user object.
    for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(cache, None)


def _member(**kwargs):
    return factories.MemberFactory(password=NO_PASSWORD, **kwargs)


def anonymous(client):
    return None


def unverified(client):
    user = _member()
    sign_in(client, user, verified=False)
    return user


def applicant(client):
    user = factories.UserFactory(password=NO_PASSWORD)
    sign_in(client, user)
    return user


def rejected(client):
    # TODO(vetting): once applications exist, give this person a rejected application.
    user = factories.UserFactory(password=NO_PASSWORD)
    sign_in(client, user)
    return user


def suspended(client):
    user = factories.SuspendedMemberFactory(password=NO_PASSWORD)
    sign_in(client, user)
    return user


def expired(client):
    user = factories.ExpiredMemberFactory(password=NO_PASSWORD)
    sign_in(client, user)
    return user


def member(client):
    user = _member()
    sign_in(client, user)
    return user


def _with_role(role: str) -> Callable:
    def make(client):
        user = _member()
        grant_role(user, role)
        sign_in(client, user)
        return user

    make.__name__ = role
    return make


PERSONAS: dict[str, Callable] = {
    "anonymous": anonymous,
    "unverified": unverified,
    "applicant": applicant,
    "rejected": rejected,
    "suspended": suspended,
    "expired": expired,
    "member": member,
    VETTING_OFFICER: _with_role(VETTING_OFFICER),
    CURATOR: _with_role(CURATOR),
    ADMINISTRATOR: _with_role(ADMINISTRATOR),
}
