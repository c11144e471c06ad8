from django.urls import path

from twofactor import views

app_name = "twofactor"

urlpatterns = [
    path("setup/", views.setup, name="setup"),
    path("verify/", views.verify, name="verify"),
    path("", views.security, name="security"),
    path("passkeys/add/", views.add_passkey, name="add_passkey"),
    path("devices/remove/", views.remove_device, name="remove_device"),
    path("backup-codes/", views.backup_codes, name="backup_codes"),
    path("sessions/end/", views.end_session, name="end_session"),
    path("reset/<uuid:public_id>/", views.reset, name="reset"),
]
