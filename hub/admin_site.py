from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite


class HubAdminSite(OTPAdminSite):
    """The admin for curators and administrators.

    It accepts only users whose session has a verified second factor, and it has no
    sign-in page of its own: people sign in through the hub's one authentication path,
    so the admin cannot become a way around the second factor or the rate limits.
    """

    site_header = _("Safer Children Hub administration")
    site_title = _("Safer Children Hub")
    index_title = _("Curation and administration")

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def admin_view(self, view: Callable, cacheable: bool = False) -> Callable:
        inner = super().admin_view(view, cacheable)

        @wraps(inner)
        def staff_only(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            # Django's admin sends whoever lacks its permission to its sign-in page; a person
            # already signed in (with a verified second factor: the access policy saw to that)
            # would come straight back, in a loop. They get a plain 403 instead.
            if request.user.is_authenticated and not self.has_permission(request):
                return self.forbidden(request)
            return inner(request, *args, **kwargs)

        return staff_only

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.GET.get("next") or self.index_url())
        if self.has_permission(request):
            return redirect(self.index_url())
        return self.forbidden(request)

    def forbidden(self, request: HttpRequest) -> HttpResponse:
        return TemplateResponse(request, "hub/admin_forbidden.html", status=403)

    def index_url(self) -> str:
        from django.urls import reverse

        return reverse("admin:index", current_app=self.name)
