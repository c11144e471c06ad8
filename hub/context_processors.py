from django.conf import settings
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def hub(request: HttpRequest) -> dict:
    """The site's name, and whether the header offers the vetting queue to this person."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"SITE_NAME": settings.SITE_NAME, "can_vet": False}
    return {"SITE_NAME": settings.SITE_NAME, "can_vet": SimpleLazyObject(lambda: _can_vet(user))}


def _can_vet(user) -> bool:
    # One query on every page, where `perms.accounts.vet_application` would load every
    # permission of the person and their groups in two.
    if user.is_superuser:
        return user.is_active
    return Permission.objects.filter(
        Q(user=user) | Q(group__user=user),
        content_type__app_label="accounts",
        codename="vet_application",
    ).exists()
