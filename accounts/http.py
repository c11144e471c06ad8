"""The request type of views that only signed-in people reach."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from accounts.models import User


class MemberRequest(HttpRequest):
    """A request the access policy (`hub/access.py`) let through: its user is signed in.

    For type checking only: Django passes an `HttpRequest`, whose `user` may be anonymous.
    """

    user: User


def signed_in_user(request: HttpRequest) -> User:
    """The user of a request that only signed-in people reach, where the signature must stay
    `HttpRequest` (a `ModelAdmin` method overriding Django's: the admin site lets only staff in).
    Anyone else is refused, never let through as anonymous."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user
