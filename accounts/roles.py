"""Roles are Django groups; this module says which permissions each one holds.

The groups are brought in line with this table after every `migrate` (post_migrate), so a
new model's permissions reach curators and administrators without a data migration. Models
that hold one member's private data declare `PRIVATE = True`: no role is granted anything
on them, not even administrators (a member's self-checks are theirs alone).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q, QuerySet

from hub import audit

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from django.db.models import QuerySet
    from django.http import HttpRequest

    from accounts.models import User, UserQuerySet


VETTING_OFFICER = "vetting_officer"
CURATOR = "curator"
ADMINISTRATOR = "administrator"
# Community (issue 22): trusted members who moderate the forums and act on reports.
MODERATOR = "moderator"

# Apps whose content curators look after in the admin.
CURATED_APPS = ("catalog", "guidance", "wellbeing", "providers")


def _private_content_types() -> list[int]:
    private = [model for model in apps.get_models() if getattr(model, "PRIVATE", False)]
    return [ct.pk for ct in ContentType.objects.get_for_models(*private).values()]


def _vetting_officer() -> QuerySet[Permission]:
    return Permission.objects.filter(
        content_type__app_label="accounts",
        codename__in=["vet_application", "suspend_member", "reset_second_factor"],
    )


def _curator() -> QuerySet[Permission]:
    return Permission.objects.filter(
        Q(content_type__app_label__in=CURATED_APPS) | _community_curated()
    ).exclude(content_type__in=_private_content_types())


# Community (issue 22): curators make the forum categories; moderation is the moderators'.
# Reading a report shows the reported private message, so administrators do not moderate
# unless they hold the moderator role too.
MODERATOR_PERMISSIONS = ("moderate_community",)


def _community_curated() -> Q:
    return Q(content_type__app_label="community", content_type__model="forumcategory")


def _moderator() -> QuerySet[Permission]:
    return Permission.objects.filter(
        content_type__app_label="community", codename__in=MODERATOR_PERMISSIONS
    )


def _administrator() -> QuerySet[Permission]:
    return Permission.objects.exclude(content_type__in=_private_content_types()).exclude(
        content_type__app_label="community", codename__in=MODERATOR_PERMISSIONS
    )


ROLES: dict[str, Callable[[], QuerySet[Permission]]] = {
    VETTING_OFFICER: _vetting_officer,
    CURATOR: _curator,
    ADMINISTRATOR: _administrator,
    MODERATOR: _moderator,
}
# Roles whose work is in the admin site, which needs is_staff.
STAFF_ROLES = frozenset({CURATOR, ADMINISTRATOR})


class UnknownRoleError(ValueError):
    pass


def sync_roles(**kwargs: Any) -> None:
    """Create the groups and set their permissions from `ROLES` (a post_migrate receiver)."""
    for name, permissions in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions())


def _group(role: str) -> Group:
    if role not in ROLES:
        raise UnknownRoleError(role)
    group, _ = Group.objects.get_or_create(name=role)
    if not group.permissions.exists():
        group.permissions.set(ROLES[role]())
    return group


def holders(role: str) -> UserQuerySet:
    """The people a role counts for: its holders whose own membership is active."""
    if role not in ROLES:
        raise UnknownRoleError(role)
    return get_user_model().objects.active_members().filter(groups__name=role).order_by("pk")


@transaction.atomic
def grant_role(
    user: User, role: str, *, actor: User | str | None = None, request: HttpRequest | None = None
) -> bool:
    """Give `user` the role; True if they did not have it. Audited either way it changes."""
    group = _group(role)
    if user.groups.filter(pk=group.pk).exists():
        return False
    user.groups.add(group)
    if role in STAFF_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    audit.record("role.granted", request=request, actor=actor, target=user.email, role=role)
    return True


@transaction.atomic
def revoke_role(
    user: User, role: str, *, actor: User | str | None = None, request: HttpRequest | None = None
) -> bool:
    """Take the role from `user`; True if they had it."""
    group = _group(role)
    if not user.groups.filter(pk=group.pk).exists():
        return False
    user.groups.remove(group)
    still_staff = user.groups.filter(name__in=STAFF_ROLES).exists()
    # A superuser's staff status is theirs, not a role's.
    if user.is_staff and not still_staff and not user.is_superuser:
        user.is_staff = False
        user.save(update_fields=["is_staff"])
    audit.record("role.revoked", request=request, actor=actor, target=user.email, role=role)
    return True
