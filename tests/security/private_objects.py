"""THE registry of private objects: things that belong to one person.

For each, `test_object_access.py` proves that another member — signed in, verified, active —
gets 404 at every URL that addresses it (GET and POST), never sees it on their own list
pages, and cannot change it; the owner reaches it, and a made-up id is 404 for them too.

Adding a private object: add a `PrivateObject` to REGISTRY with
- `make(owner)`: a factory that creates one owned by `owner` (committed to the test database);
- `marker(obj)`: a text that appears wherever it is shown (a title, a note);
- `addressed_by`: `Address("app:url_name", lambda obj: {"public_id": obj.public_id})` for each
  URL that takes its id; `post=True` on those that change it (POST data in `data`);
- `listed_on`: URL names of pages that list "your" objects of this kind.
Give its model `PRIVATE = True` (the roles module keeps every role's permissions off it; a test
here fails until it is registered). A URL that takes an id of something that is NOT private
(a published tool) goes in SHARED_OBJECT_URLS instead, with the reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.forms.models import model_to_dict
from django.test import Client

from tests.conftest import sign_in


@dataclass(frozen=True)
class Address:
    url_name: str
    kwargs: Callable[[object], dict]
    # True for URLs that change the object: they are POSTed to with `data`.
    post: bool = False
    data: dict = field(default_factory=dict)

    def bad_kwargs(self, obj) -> dict:
        """The same parameters with every UUID replaced by a made-up one."""
        return {
            name: uuid.uuid4() if isinstance(value, uuid.UUID) else value
            for name, value in self.kwargs(obj).items()
        }


@dataclass(frozen=True)
class PrivateObject:
    label: str  # "app_label.ModelName"
    make: Callable[[object], object]
    marker: Callable[[object], str]
    addressed_by: tuple[Address, ...] = ()
    listed_on: tuple[str, ...] = ()

    def snapshot(self, obj) -> dict | None:
        """The object's stored state, or None if it is gone."""
        fresh = type(obj)._default_manager.filter(pk=obj.pk).first()
        return None if fresh is None else model_to_dict(fresh)


# --- Sessions (allauth.usersessions) -----------------------------------------------------


def _make_session(owner):
    """A session of `owner`'s, from a browser whose name is the marker."""
    from allauth.usersessions.models import UserSession

    browser = Client(HTTP_USER_AGENT=f"OwnersBrowser/{uuid.uuid4().hex}")
    sign_in(browser, owner)
    browser.get("/accounts/sessions/")
    return UserSession.objects.filter(user=owner).latest("created_at")


# --- Notifications -----------------------------------------------------------------------


def _make_notification(owner):
    from notifications.models import Notification

    return Notification.objects.create(
        idempotency_key=f"security-test:{uuid.uuid4()}",
        kind="security_test",
        channel=Notification.Channel.IN_APP,
        recipient=owner,
        to_email=owner.email,
        subject=f"Private notice {uuid.uuid4().hex[:12]}",
        body_text="For the owner's eyes only.",
    )


REGISTRY: tuple[PrivateObject, ...] = (
    PrivateObject(
        "usersessions.UserSession",
        make=_make_session,
        marker=lambda session: session.user_agent,
        # Sessions are never addressed by id: the list shows and ends one's own.
        listed_on=("usersessions_list",),
    ),
    PrivateObject(
        "notifications.Notification",
        make=_make_notification,
        marker=lambda notification: notification.subject,
        # The notification centre (issue 7) adds its URLs here, e.g.
        #   addressed_by=(Address("notifications:open", lambda n: {"public_id": n.public_id}),
        #                 Address("notifications:mark_read", lambda n: {"public_id": n.public_id},
        #                         post=True)),
        #   listed_on=("notifications:index",),
    ),
)

# URL names that take an id of something every member may see, with the reason.
SHARED_OBJECT_URLS: dict[str, str] = {}

# Parameters that are not object ids: email-confirmation and password-reset keys (public,
# single-use, unguessable), and the admin's, which checks staff and model permissions itself.
NOT_OBJECT_IDS: dict[str, str] = {
    "account_confirm_email": "a single-use key sent by email",
    "account_reset_password_from_key": "a single-use key sent by email",
}
