from django.urls import path

from wellbeing import views

app_name = "wellbeing"

urlpatterns = [
    path("", views.index, name="index"),
    path("services/", views.services, name="services"),
    path("checkin/", views.checkin, name="checkin"),
    path("checkins/", views.checkins, name="checkins"),
    path("checkins/delete/", views.checkins_delete_all, name="checkins_delete_all"),
    path("checkins/<uuid:pk>/", views.checkin_detail, name="checkin_detail"),
    path("preferences/", views.preferences, name="preferences"),
    # Last: a resource's slug may be any word but the ones above (see RESERVED_SLUGS).
    path("<slug:slug>/", views.resource, name="resource"),
]
