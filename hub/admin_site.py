from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite

if TYPE_CHECKING:
    from typing import Any

    from django.db.models import Model, QuerySet


class HubAdminSite(OTPAdminSite):
    """The admin for curators and administrators.

    It accepts only users whose session has a verified second factor, and it has no
    sign-in page of its own: people sign in through the hub's one authentication path,
    so the admin cannot become a way around the second factor or the rate limits. Who may
    enter is the access policy's decision (`hub.access`, "admin:*": active members who are
    staff); members who are not staff get its 403 page, never a redirect that would loop.
    """

    site_header = _("Safer Children Hub administration")
    site_title = _("Safer Children Hub")
    index_title = _("Curation and administration")
    # The app list beside every page takes a quarter of a 1280 px screen and clipped the
    # changelists' last columns (issue 20); the breadcrumbs and the index reach the same places.
    enable_nav_sidebar = False

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if request.user.is_authenticated:
            return redirect(self.index_url())
        return redirect_to_login(request.GET.get("next") or self.index_url())

    def index_url(self) -> str:
        from django.urls import reverse

        return reverse("admin:index", current_app=self.name)


class SignInIdentityAdmin(admin.ModelAdmin):
    """A person's sign-in identity (email addresses, second factors, sessions): view only.

    Nobody adds or changes another person's identity in the admin, superusers included: with
    a key of their choosing on a member's account, or their own mailbox as the member's
    address, an administrator would be the member. The rule is in the permission methods, not
    in a role's permissions, because a superuser holds every permission.
    """

    actions = None
    # The models' own admin forms (the third-party apps') would show every field, secrets
    # included: subclasses name the few worth seeing.
    fields = []

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        return [str(field) for field in self.fields or ()]

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class SecondFactorAdmin(SignInIdentityAdmin):
    """A second-factor device: deleting one is the vetting officers' audited reset.

    The admin's delete button leads to the reset page (a reason is required there; every
    device goes, every session ends, the member is emailed and must enrol again), so there
    is no second, quieter way to take a member's factors away.
    """

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.has_perm("accounts.reset_second_factor")

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        obj = self.get_object(request, object_id)
        if obj is None:
            raise Http404
        if not self.has_delete_permission(request, obj):
            raise PermissionDenied
        return redirect("twofactor:reset", public_id=obj.user.public_id)

    def delete_model(
        self, request: HttpRequest, obj: Model
    ) -> None:  # pragma: no cover - delete_view redirects
        raise PermissionDenied("Second factors are removed by the audited reset only.")

    def delete_queryset(
        self, request: HttpRequest, queryset: QuerySet[Any]
    ) -> None:  # pragma: no cover - no actions
        raise PermissionDenied("Second factors are removed by the audited reset only.")
