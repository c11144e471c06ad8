import logging
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from hub.outages import DATABASE_RETRY_AFTER, is_database_outage

logger = logging.getLogger(__name__)


@require_safe
def landing(request: HttpRequest) -> HttpResponse:
    return render(request, "hub/landing.html")


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "hub/about.html")


@require_safe
def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "hub/terms.html", {"terms_version": settings.TERMS_VERSION})


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "hub/privacy.html")


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Where signing in lands: members go to the catalogue, everyone else to their application."""
    if request.user.is_active_member:
        return redirect("catalog:index")
    return redirect("accounts:application")


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    cache.set("healthz", "ok", timeout=10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")


def _check_broker() -> None:
    from kombu import Connection

    with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness for load balancers: 200 when every dependency answers, else 503."""
    checks = {"database": _check_database, "cache": _check_cache}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = _check_broker
    report: dict[str, str] = {}
    for name, check in checks.items():
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            report[name] = "down"
        else:
            report[name] = "ok"
    healthy = all(state == "ok" for state in report.values())
    return JsonResponse(
        {"status": "ok" if healthy else "down", "checks": report}, status=200 if healthy else 503
    )


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors that might themselves fail: the simplest page that can render. With
    # the database away that is all a page can be (no session, no user, no cache).
    from django.template import loader

    if is_database_outage(sys.exc_info()[1]):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)
