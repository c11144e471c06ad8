from __future__ import annotations

import contextlib
import ipaddress
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from hub import audit

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.http import HttpRequest, HttpResponse


class ProxiedClientMiddleware:
    """Sets REMOTE_ADDR to the client's address from the last X-Forwarded-For entry.

    Only with `TRUST_X_FORWARDED_FOR`, behind exactly one proxy of the operator's: the last
    entry is the one that proxy wrote; any before it are what the client claimed, so ignored.
    A value that is not an address leaves REMOTE_ADDR (the proxy's) as it was.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.TRUST_X_FORWARDED_FOR:
            forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
            last = forwarded.rsplit(",", 1)[-1].strip()
            with contextlib.suppress(ValueError):
                request.META["REMOTE_ADDR"] = str(ipaddress.ip_address(last))
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Adds the headers Django's SecurityMiddleware does not: Permissions-Policy."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AuditContextMiddleware:
    """Remembers the request being served for `hub.audit.record`; audits refusals.

    Signal receivers (sign-in failures, admin changes) and services get no request argument;
    through this they still record the address and browser an action came from. Every 403 (the
    access policy, a role page, the admin, a failed CSRF check) is recorded as `access.denied`,
    and every 429 (django-allauth's rate limits) as `auth.rate_limited`.
    """

    REFUSALS = {403: "access.denied", 429: "auth.rate_limited"}

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = audit.current_request.set(request)
        try:
            response = self.get_response(request)
            if response.status_code in self.REFUSALS:
                audit.record(
                    self.REFUSALS[response.status_code],
                    request=request,
                    path=request.path[:200],
                    method=request.method,
                )
            return response
        finally:
            audit.current_request.reset(token)


class AuthQuotaMiddleware:
    """Limits how often one address may submit the sign-in and sign-up forms (hub.ratelimit).

    Only POST counts: GET, HEAD and OPTIONS show or describe a form and must not use up
    anyone's quota (allauth's own decorator counted every method but GET). Counted in the
    database, so the limit holds while the cache is away.
    """

    QUOTAS = {
        "account_login": "signin_address",
        "account_signup": "signup_address",
        "providers:apply": "signup_address",  # a provider's sign-up (issue 23)
    }

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, *_view: object) -> HttpResponse | None:
        if request.method != "POST" or request.resolver_match is None:
            return None
        name = self.QUOTAS.get(request.resolver_match.view_name or "")
        if name is None:
            return None
        from allauth.core.ratelimit import respond_429

        from hub import ratelimit

        limit = ratelimit.configured(name)
        if ratelimit.hit(limit, ratelimit.client_address(request)) > limit.amount:
            return respond_429(request)
        return None


class UserLanguageMiddleware:
    """Activates a signed-in person's saved language, after LocaleMiddleware chose one.

    Their choice (`User.language`) wins over the language cookie and the browser's
    Accept-Language; blank follows them. Placed after AuthenticationMiddleware, which it needs.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        language = getattr(user, "language", "") if user is not None else ""
        if user is not None and user.is_authenticated and language:
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
