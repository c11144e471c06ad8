from django.contrib import admin
from django.urls import include, path

from hub import metrics, views

urlpatterns = [
    path("", views.landing, name="landing"),
    path("about/", views.about, name="about"),
    path("terms/", views.terms, name="terms"),
    path("privacy/", views.privacy, name="privacy"),
    path("help/", views.help_page, name="help"),
    path("contact/", views.contact, name="contact"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("healthz", views.healthz, name="healthz"),
    path("healthz/ready", views.healthz_ready, name="healthz_ready"),
    path("metrics", metrics.metrics, name="metrics"),
    path("home/", views.home, name="home"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("accounts/", include("allauth.account.urls")),
    path("accounts/sessions/", include("allauth.usersessions.urls")),
    path("accounts/2fa/passkeys/", include("twofactor.passkey_urls")),
    path("accounts/2fa/", include("twofactor.urls")),
    path("accounts/", include("accounts.urls")),
    path("vetting/", include("accounts.vetting_urls")),
    path("catalog/", include("catalog.urls")),
    path("guidance/", include("guidance.urls")),
    path("wellbeing/", include("wellbeing.urls")),
    path("notifications/", include("notifications.urls")),
    path("providers/", include("providers.urls")),  # Technology providers (issue 23)
    path("community/", include("community.urls")),  # Meet other officers (issue 22)
    path("admin/", admin.site.urls),
]

handler400 = "hub.views.bad_request"
handler403 = "hub.views.permission_denied"
handler404 = "hub.views.page_not_found"
handler500 = "hub.views.server_error"
