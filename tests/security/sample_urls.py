"""A private-object view done right and one done wrong, to prove the object checks catch leaks."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import include, path

from notifications.models import Notification


def owned(request, public_id):
    notification = get_object_or_404(Notification, public_id=public_id, recipient=request.user)
    if request.method == "POST":
        notification.subject = "changed by its owner"
        notification.save()
    return HttpResponse(notification.subject)


def leaky(request, public_id):
    notification = get_object_or_404(Notification, public_id=public_id)  # no owner check
    if request.method == "POST":
        notification.subject = "changed by anybody"
        notification.save()
    return HttpResponse(notification.subject)


urlpatterns = [
    path("owned/<uuid:public_id>/", owned, name="owned"),
    path("leaky/<uuid:public_id>/", leaky, name="leaky"),
    path("", include("hub.urls")),
]
