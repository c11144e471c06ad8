"""The request type of views that only signed-in people reach."""

from django.http import HttpRequest

from accounts.models import User


class MemberRequest(HttpRequest):
    """A request the access policy (`hub/access.py`) let through: its user is signed in.

    For type checking only: Django passes an `HttpRequest`, whose `user` may be anonymous.
    """

    user: User
