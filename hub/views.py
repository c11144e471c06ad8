import logging
import sys
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from hub.forms import LanguageForm
from hub.outages import DATABASE_RETRY_AFTER, is_database_outage
from hub.redirects import safe_path

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
def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "hub/help.html", {"membership_months": settings.MEMBERSHIP_MONTHS})


@require_safe
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "hub/contact.html")


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "hub/accessibility.html")


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Where signing in lands: members go to the catalogue, everyone else to their application."""
    if request.user.is_authenticated and request.user.is_active_member:
        return redirect("catalog:index")
    # Technology providers (issue 23): their portal, else their application.
    if request.user.is_authenticated and request.user.is_provider:
        from hub.access import may

        return redirect(
            "providers:portal" if may(request.user, "providers:portal") else "providers:application"
        )
    return redirect("accounts:application")


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The language picker: remembers the choice in the cookie, and on the account if signed in.

    Then back to `next` if it is a path on this site, else the landing page. An unknown language
    changes nothing.
    """
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return redirect(safe_path(request, request.POST.get("next", "")) or "landing")
    language = form.cleaned_data["language"]
    response = redirect(safe_path(request, form.cleaned_data["next"]) or "landing")
    user = request.user
    if user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    translation.activate(language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache() -> None:
    # The cache degrades rather than raising (hub.cache): a value that does not come back is down.
    cache.set("healthz", "ok", timeout=10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")


def _check_broker() -> None:
    from kombu import Connection

    with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def _run(checks: dict[str, Callable[[], None]]) -> dict[str, str]:
    report: dict[str, str] = {}
    for name, check in checks.items():
        try:
            check()
        except Exception as exc:  # noqa: BLE001 - a dependency down is "down", never a 500
            # A warning, not a traceback: a load balancer asks every few seconds.
            logger.warning("Health check %s failed: %s: %s", name, type(exc).__name__, exc)
            report[name] = "down"
        else:
            report[name] = "ok"
    return report


LOOPBACK = {"127.0.0.1", "::1"}


def _may_see_details(request: HttpRequest) -> bool:
    """The operator: a request with HEALTH_TOKEN, or from this host not through a proxy."""
    token = settings.HEALTH_TOKEN
    sent = request.headers.get("Authorization", "")
    if token and constant_time_compare(sent, f"Bearer {token}"):
        return True
    # A proxy on the same host connects from loopback too: what it forwards is not local.
    forwarded = "X-Forwarded-For" in request.headers or "Forwarded" in request.headers
    return request.META.get("REMOTE_ADDR") in LOOPBACK and not forwarded


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness, for load balancers: is this process up and does it reach the database?

    Only these two: without Redis the hub still serves every page (hub.cache) and queues every
    email (the outbox), so a Redis outage must not take every node out of the pool. Strangers
    read "ok" or "unavailable"; the operator (see `_may_see_details`) reads the checks.
    """
    report = _run({"database": _check_database})
    healthy = report["database"] == "ok"
    status = 200 if healthy else 503
    if _may_see_details(request):
        return JsonResponse(
            {"status": "ok" if healthy else "down", "checks": report}, status=status
        )
    return HttpResponse(
        "ok" if healthy else "unavailable", content_type="text/plain", status=status
    )


@never_cache
@require_safe
def healthz_ready(request: HttpRequest) -> HttpResponse:
    """Readiness and diagnostics, for the operator only (others get 404): every dependency.

    503 only when the database is down; a cache or broker that is down makes it "degraded" (the
    hub still answers: pages come from the database, emails wait in the outbox).
    """
    if not _may_see_details(request):
        raise Http404
    checks = {"database": _check_database, "cache": _check_cache}
    if settings.CELERY_BROKER_URL:
        checks["broker"] = _check_broker
    report = _run(checks)
    if report["database"] != "ok":
        state, status = "down", 503
    elif all(value == "ok" for value in report.values()):
        state, status = "ok", 200
    else:
        state, status = "degraded", 200
    return JsonResponse({"status": state, "checks": report}, status=status)


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
