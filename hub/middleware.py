from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from hub import audit


class SecurityHeadersMiddleware:
    """Adds the headers Django's SecurityMiddleware does not: Permissions-Policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AuditContextMiddleware:
    """Remembers the request being served for `hub.audit.record`, and audits rate limiting.

    Signal receivers (sign-in failures, admin changes) and services get no request argument;
    through this they still record the address and browser an action came from. A 429 from
    any view (django-allauth's rate limits answer with one) is recorded as `auth.rate_limited`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = audit.current_request.set(request)
        try:
            response = self.get_response(request)
            if response.status_code == 429:
                audit.record(
                    "auth.rate_limited", request=request, path=request.path, method=request.method
                )
            return response
        finally:
            audit.current_request.reset(token)
