"""Session limits: 30 minutes idle, 12 hours absolute (OWASP ASVS V7, NIST SP 800-63B AAL2)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _

from hub import audit, clock

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from django.http import HttpRequest, HttpResponse

    from accounts.models import User


STARTED_AT_SESSION_KEY = "twofactor_session_started_at"
SEEN_AT_SESSION_KEY = "twofactor_session_seen_at"
# Writing the session on every request would cost a database write each time; a minute's
# precision on a 30-minute limit is plenty.
_SEEN_AT_PRECISION = 60


@receiver(user_logged_in, dispatch_uid="twofactor.session_started")
def _session_started(sender: object, request: HttpRequest, user: User, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        now = clock.now().timestamp()
        request.session[STARTED_AT_SESSION_KEY] = now
        request.session[SEEN_AT_SESSION_KEY] = now


class SessionLimitsMiddleware:
    """Signs a person out after `SESSION_IDLE_TIMEOUT` idle or `SESSION_COOKIE_AGE` in all.

    The cookie and the session row already expire after SESSION_COOKIE_AGE, but a session
    that is saved again (as this middleware does) slides its expiry; so the absolute limit is
    enforced here too, from the moment of sign-in. Must come after AuthenticationMiddleware.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._enforce(request)
        return self.get_response(request)

    def _enforce(self, request: HttpRequest) -> None:
        session = request.session
        now = clock.now().timestamp()
        started = session.get(STARTED_AT_SESSION_KEY)
        seen = session.get(SEEN_AT_SESSION_KEY)
        if not isinstance(started, int | float) or not isinstance(seen, int | float):
            # A session from before this middleware existed: start counting now.
            session[STARTED_AT_SESSION_KEY] = session[SEEN_AT_SESSION_KEY] = now
            return
        if now - started >= settings.SESSION_COOKIE_AGE:
            self._end(request, "absolute", _("You were signed out: sessions last 12 hours."))
        elif now - seen >= settings.SESSION_IDLE_TIMEOUT:
            self._end(request, "idle", _("You were signed out after 30 minutes without activity."))
        elif now - seen >= _SEEN_AT_PRECISION:
            session[SEEN_AT_SESSION_KEY] = now
            # The sessions page shows where and when each session was last seen.
            UserSession.objects.create_from_request(request)

    def _end(self, request: HttpRequest, limit: str, message: str) -> None:
        audit.record("session.expired", request=request, target=request.user, limit=limit)
        logout(request)
        messages.info(request, message)
