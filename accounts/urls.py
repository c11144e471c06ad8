from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("application/", views.application, name="application"),
    path("application/answer/", views.answer, name="answer"),
    path("application/renew/", views.renew, name="renew"),
    path("attest/<str:token>/", views.attest, name="attest"),
    path("contact/", views.contact_message, name="contact_message"),
    path("terms/accept/", views.accept_terms, name="accept_terms"),
    path("profile/", views.profile, name="profile"),
    path("welcome/dismiss/", views.dismiss_welcome, name="dismiss_welcome"),
]
