"""The hub's URLs plus one page that causes an event with a notification, for the tests."""

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_POST

from hub.audit import record
from hub.urls import handler400, handler403, handler404, handler500  # noqa: F401
from hub.urls import urlpatterns as hub_urlpatterns
from notifications.services import notify


@require_POST
def event(request: HttpRequest) -> HttpResponse:
    with transaction.atomic():
        record("test.event", request=request)
        notify(kind="test_kind", key=f"test-event:{request.user.pk}", to=request.user)
    return HttpResponse("done")


urlpatterns = [path("test-event/", event, name="test_event"), *hub_urlpatterns]
