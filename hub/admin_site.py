from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminSite


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

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if request.user.is_authenticated:
            return redirect(self.index_url())
        return redirect_to_login(request.GET.get("next") or self.index_url())

    def index_url(self) -> str:
        from django.urls import reverse

        return reverse("admin:index", current_app=self.name)
