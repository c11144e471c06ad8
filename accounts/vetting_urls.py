from django.urls import path

from accounts import vetting_views as views

app_name = "vetting"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("<uuid:public_id>/", views.application, name="application"),
    path("members/", views.members, name="members"),
    path("members/<uuid:public_id>/", views.member, name="member"),
    path("members/<uuid:public_id>/suspend/", views.suspend, name="suspend"),
    path("members/<uuid:public_id>/reinstate/", views.reinstate, name="reinstate"),
]
