"""THE registry of private objects: things that belong to one person.

For each, `test_object_access.py` proves that another member — signed in, verified, active —
gets 404 at every URL that addresses it (GET and POST), never sees it on their own list
pages, and cannot change it; the owner reaches it, and a made-up id is 404 for them too.

Adding a private object: add a `PrivateObject` to REGISTRY with
- `make(owner)`: a factory that creates one owned by `owner` (committed to the test database);
- `marker(obj)`: a text that appears wherever it is shown (a title, a note);
- `addressed_by`: `Address("app:url_name", lambda obj: {"public_id": obj.public_id})` for each
  URL that takes its id (in the path, or in the query or form: `data=lambda obj: {...}`);
  `post=True` on those that change it; `fresh=True` where the view first asks for a password
  and a code from the last few minutes;
- `listed_on`: URL names of pages that list "your" objects of this kind.
Give its model `PRIVATE = True` (the roles module keeps every role's permissions off it; a test
here fails until it is registered). A URL that takes an id of something that is NOT private
(a published tool) goes in SHARED_OBJECT_URLS instead, with the reason; one that only a role
reaches (the vetting pages) in ROLE_OBJECT_URLS, which the access matrix proves.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.forms.models import model_to_dict
from django.test import Client

from tests.conftest import sign_in

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass(frozen=True)
class Address:
    url_name: str
    kwargs: Callable[[object], dict] = lambda obj: {}
    # True for URLs that change the object: they are POSTed to with `data`.
    post: bool = False
    # The request's data (query string for GET, form for POST), for ids sent that way.
    data: Callable[[object], dict] = lambda obj: {}
    # The same data naming an object that does not exist, where the id is in the data.
    bad_data: Callable[[object], dict] | None = None
    # The view asks for a password and a code from the last few minutes first.
    fresh: bool = False

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
    # What shows it on a list page, where that is not `marker` (a link to it, say).
    list_marker: Callable[[object], str] | None = None

    def on_list(self, obj) -> str:
        return (self.list_marker or self.marker)(obj)

    def snapshot(self, obj) -> dict | None:
        """The object's stored state, or None if it is gone."""
        fresh = type(obj)._default_manager.filter(pk=obj.pk).first()
        return None if fresh is None else model_to_dict(fresh)


def authenticated_just_now(client, user) -> None:
    """As if `user` had just entered their password and a code again on `client`."""
    from allauth.account.internal.flows import login as allauth_login

    from twofactor.services import VERIFIED_AT_SESSION_KEY

    session = client.session
    now = time.time()
    session[allauth_login.AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "password", "at": now, "email": user.email}
    ]
    session[allauth_login._AUTHENTICATION_METHODS_USER_SESSION_KEY] = allauth_login.user_id_to_str(
        user
    )
    session[VERIFIED_AT_SESSION_KEY] = now
    session.save()


def _marker() -> str:
    return f"Private {uuid.uuid4().hex[:12]}"


# --- Sessions (allauth.usersessions) and second-factor devices ---------------------------


def _make_session(owner):
    """A session of `owner`'s, from a browser whose name is the marker."""
    from allauth.usersessions.models import UserSession

    browser = sign_in(Client(), owner)  # records the session, as allauth's sign-in does
    session = UserSession.objects.get(session_key=browser.session.session_key)
    session.ip = "198.51.100.23"
    session.user_agent = f"OwnersBrowser/{uuid.uuid4().hex}"
    session.save(update_fields=["ip", "user_agent"])
    return session


def _make_device(owner):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    # Two devices, so that the owner's page offers to remove this one.
    TOTPDevice.objects.get_or_create(user=owner, name="Test phone", confirmed=True)
    return TOTPDevice.objects.create(user=owner, name=_marker(), confirmed=True)


# --- Catalogue ---------------------------------------------------------------------------


def _make_bookmark(owner):
    from tests.factories import BookmarkFactory, ToolFactory

    return BookmarkFactory(user=owner, tool=ToolFactory(name=_marker()))


def _make_saved_search(owner):
    from tests.factories import SavedSearchFactory

    return SavedSearchFactory(user=owner, name=_marker(), weekly_digest=True)


def _make_pending_review(owner):
    from tests.factories import ToolReviewFactory

    return ToolReviewFactory(author=owner, context=_marker(), status="pending")


REVIEW_CHANGE = {
    "rating": "1",
    "context": "Changed by someone else",
    "what_worked": "",
    "limits": "",
}


# --- Guidance and wellbeing ---------------------------------------------------------------


def _make_assessment(owner):
    from tests.factories import AssessmentFactory

    return AssessmentFactory(owner=owner, tool_name=_marker(), purpose="The owner's own words.")


def _make_progress(owner):
    from guidance.models import LearningProgress
    from tests.factories import ArticleFactory

    return LearningProgress.objects.create(owner=owner, article=ArticleFactory(title=_marker()))


def _make_self_check(owner):
    from tests.factories import SelfCheckFactory

    return SelfCheckFactory(owner=owner, note=_marker())


def _make_preferences(owner):
    from wellbeing.models import Preferences

    return Preferences.objects.create(owner=owner, break_reminder_minutes=137)


# --- Notifications and vetting -------------------------------------------------------------


def _make_notification(owner):
    from tests.factories import NotificationFactory

    return NotificationFactory(recipient=owner, subject=_marker(), body_text="For the owner.")


def _make_application(owner):
    """A decided application: the applicant's page shows the officer's reason."""
    from accounts.models import ApplicationState
    from hub import clock
    from tests.factories import VettingApplicationFactory

    return VettingApplicationFactory(
        applicant=owner,
        state=ApplicationState.REJECTED,
        decided_at=clock.now(),
        decision_reason=_marker(),
    )


# --- Community (issue 22) -------------------------------------------------------------------


def _make_contact_request(owner):
    """A request someone sent `owner`: theirs to answer."""
    from tests.factories import ContactRequestFactory

    return ContactRequestFactory(recipient=owner, message=_marker())


def _make_conversation(owner):
    from tests.factories import MemberFactory, MessageFactory, conversation_between

    other = MemberFactory(password="!")
    conversation = conversation_between(other, owner)
    MessageFactory(conversation=conversation, sender=other, body=_marker())
    return conversation


def _conversation_marker(conversation) -> str:
    # Both its pages link it by id (the delete page shows no message).
    return str(conversation.public_id)


def _make_message(owner):
    """A message to `owner` from the other member of their conversation."""
    from tests.factories import MemberFactory, MessageFactory, conversation_between

    other = MemberFactory(password="!")
    return MessageFactory(
        conversation=conversation_between(other, owner), sender=other, body=_marker()
    )


def _make_participant(owner):
    from tests.factories import MemberFactory, conversation_between

    return conversation_between(MemberFactory(password="!"), owner).participants.get(user=owner)


def _make_block(owner):
    from community.models import Block
    from tests.factories import ProfileFactory

    return Block.objects.create(blocker=owner, blocked=ProfileFactory(display_name=_marker()).user)


def _make_follow(owner):
    from community.models import ThreadFollow
    from tests.factories import ThreadFactory

    return ThreadFollow.objects.create(user=owner, thread=ThreadFactory(title=_marker()))


def _uuid_kwarg(name: str, attribute: str = "uuid") -> Callable[[object], dict]:
    return lambda obj: {name: getattr(obj, attribute)}


REGISTRY: tuple[PrivateObject, ...] = (
    PrivateObject(
        "usersessions.UserSession",
        make=_make_session,
        marker=lambda session: session.user_agent,
        addressed_by=(
            # Ending one session names it in the form, by its position in one's own list.
            Address(
                "twofactor:end_session",
                post=True,
                data=lambda session: {"session": str(session.pk)},
                bad_data=lambda session: {"session": "999999999"},
            ),
        ),
        listed_on=("usersessions_list",),
    ),
    PrivateObject(
        "otp_totp.TOTPDevice",
        make=_make_device,
        marker=lambda device: device.name,
        addressed_by=(
            Address(
                "twofactor:remove_device",
                data=lambda device: {"device": device.persistent_id},
                bad_data=lambda device: {"device": "otp_totp.totpdevice/999999999"},
                fresh=True,
            ),
            Address(
                "twofactor:remove_device",
                post=True,
                data=lambda device: {"device": device.persistent_id},
                bad_data=lambda device: {"device": "otp_totp.totpdevice/999999999"},
                fresh=True,
            ),
        ),
        listed_on=("twofactor:security",),
    ),
    PrivateObject(
        "catalog.Bookmark",
        make=_make_bookmark,
        marker=lambda bookmark: bookmark.tool.name,
        addressed_by=(Address("catalog:bookmark_delete", _uuid_kwarg("uuid"), post=True),),
        listed_on=("catalog:bookmarks",),
    ),
    PrivateObject(
        "catalog.SavedSearch",
        make=_make_saved_search,
        marker=lambda saved: saved.name,
        addressed_by=(
            # An empty form turns the weekly digest off: a change, if it got through.
            Address("catalog:saved_search_update", _uuid_kwarg("uuid"), post=True),
            Address("catalog:saved_search_delete", _uuid_kwarg("uuid"), post=True),
        ),
        listed_on=("catalog:saved_searches",),
    ),
    # Not PRIVATE (curators moderate reviews), but until published only its author sees it,
    # and only its author ever changes it.
    PrivateObject(
        "catalog.ToolReview",
        make=_make_pending_review,
        marker=lambda review: review.context,
        addressed_by=(
            Address("catalog:review_edit", _uuid_kwarg("uuid")),
            Address(
                "catalog:review_edit",
                _uuid_kwarg("uuid"),
                post=True,
                data=lambda review: REVIEW_CHANGE,
            ),
            Address("catalog:review_delete", _uuid_kwarg("uuid"), post=True),
        ),
    ),
    PrivateObject(
        "guidance.Assessment",
        make=_make_assessment,
        marker=lambda assessment: assessment.tool_name,
        addressed_by=(
            Address("guidance:assessment", _uuid_kwarg("pk", "pk")),
            Address(
                "guidance:assessment",
                _uuid_kwarg("pk", "pk"),
                post=True,
                data=lambda assessment: {"purpose": "Changed by someone else", "action": "save"},
            ),
            Address("guidance:assessment_print", _uuid_kwarg("pk", "pk")),
            Address("guidance:assessment_delete", _uuid_kwarg("pk", "pk")),
            Address("guidance:assessment_delete", _uuid_kwarg("pk", "pk"), post=True),
        ),
        listed_on=("guidance:assessments",),
    ),
    # Never addressed by id: `guidance:article_done` names the (shared) article, and changes
    # only the visitor's own progress (test_object_access proves it).
    PrivateObject(
        "guidance.LearningProgress",
        make=_make_progress,
        marker=lambda progress: progress.article.title,
    ),
    PrivateObject(
        "wellbeing.SelfCheck",
        make=_make_self_check,
        marker=lambda check: check.note,
        addressed_by=(Address("wellbeing:checkin_detail", _uuid_kwarg("pk", "pk")),),
        listed_on=("wellbeing:checkins",),
        list_marker=lambda check: check.get_absolute_url(),
    ),
    PrivateObject(
        "wellbeing.Preferences",
        make=_make_preferences,
        marker=lambda preferences: 'value="137"',
        listed_on=("wellbeing:preferences",),
    ),
    PrivateObject(
        "notifications.Notification",
        make=_make_notification,
        marker=lambda notification: notification.subject,
        addressed_by=(
            Address("notifications:read", _uuid_kwarg("public_id", "public_id"), post=True),
        ),
        listed_on=("notifications:index",),
    ),
    # The applicant's own page shows their own application only; the officers' pages that
    # address applications by id are role-gated (ROLE_OBJECT_URLS).
    # Community (issue 22): a pair's conversation and its messages are theirs alone; a contact
    # request is its recipient's to answer; blocks and follows are one member's own.
    PrivateObject(
        "community.ContactRequest",
        make=_make_contact_request,
        marker=lambda request: request.message,
        addressed_by=(
            Address(
                "community:request_answer",
                _uuid_kwarg("public_id", "public_id"),
                post=True,
                data=lambda request: {"answer": "accept"},
            ),
        ),
        listed_on=("community:requests",),
    ),
    PrivateObject(
        "community.Conversation",
        make=_make_conversation,
        marker=_conversation_marker,
        addressed_by=(
            Address("community:conversation", _uuid_kwarg("public_id", "public_id")),
            Address(
                "community:conversation",
                _uuid_kwarg("public_id", "public_id"),
                post=True,
                data=lambda conversation: {"body": "Written by someone else"},
            ),
            Address("community:conversation_delete", _uuid_kwarg("public_id", "public_id")),
            Address(
                "community:conversation_delete", _uuid_kwarg("public_id", "public_id"), post=True
            ),
        ),
        listed_on=("community:conversations",),
        list_marker=lambda conversation: conversation.get_absolute_url(),
    ),
    PrivateObject(
        "community.Message",
        make=_make_message,
        marker=lambda message: message.body,
        addressed_by=(
            Address("community:report_message", _uuid_kwarg("public_id", "public_id")),
            Address(
                "community:report_message",
                _uuid_kwarg("public_id", "public_id"),
                post=True,
                data=lambda message: {"reason": "Reported by someone else"},
            ),
        ),
    ),
    # Never addressed by id: a member's side of their own conversation (read, deleted).
    PrivateObject(
        "community.Participant",
        make=_make_participant,
        marker=lambda participant: str(participant.conversation.public_id),
    ),
    PrivateObject(
        "community.Block",
        make=_make_block,
        marker=lambda block: block.blocked.community_profile.display_name,
        listed_on=("community:profile",),
    ),
    # Never addressed by id: following names the (shared) thread, and changes only one's own.
    PrivateObject(
        "community.ThreadFollow",
        make=_make_follow,
        marker=lambda follow: follow.thread.title,
    ),
    PrivateObject(
        "accounts.VettingApplication",
        make=_make_application,
        marker=lambda application: application.decision_reason,
        listed_on=("accounts:application",),
    ),
)

# URL names that take an id of something every member may see, with the reason.
SHARED_OBJECT_URLS: dict[str, str] = {
    "catalog:tool": "a published tool, by its slug",
    "catalog:bookmark": "a published tool; bookmarks the visitor's own",
    "catalog:review_create": "a published tool; the review is the visitor's own",
    "guidance:article": "a published article, by its slug",
    "guidance:article_done": "a published article; marks the visitor's own progress",
    "guidance:path": "a published learning path, by its slug",
    "wellbeing:resource": "a published wellbeing resource, by its slug",
    # Community (issue 22): profiles only while listed (published, owner an active member).
    "community:member": "a listed community profile, by its UUID",
    "community:contact": "a listed community profile; the request is the visitor's own",
    "community:block": "a listed community profile; the block is the visitor's own",
    "community:report_profile": "a listed community profile; the report is the visitor's own",
    "community:used_tool": "a published tool; changes only the visitor's own profile",
    "community:category": "a forum category, by its slug",
    "community:thread_create": "a forum category; the thread is the visitor's own",
    "community:thread": "a forum thread every member reads (hidden ones: moderators only)",
    "community:thread_follow": "a forum thread; the follow is the visitor's own",
    "community:report_post": "a visible forum post; the report is the visitor's own",
}

# URL names that take an id of something only a role may see: the access matrix proves that
# nobody without the role gets past the policy (403), with a real object behind the id.
ROLE_OBJECT_URLS: dict[str, str] = {
    "vetting:application": "vetting officers: an application in the queue",
    "vetting:member": "vetting officers: a member's record",
    "vetting:suspend": "vetting officers: a member to suspend",
    "vetting:reinstate": "vetting officers: a member to reinstate",
    "twofactor:reset": "vetting officers: a member whose second factor to reset",
    "community:moderate_post": "moderators: a forum post to hide or show",
    "community:moderate_thread": "moderators: a thread to lock, unlock or move",
    "community:report": "moderators: a report and the content it names",
}

# Technology providers' pages (issue 23) that address one of the organisation's things: only
# approved providers pass the policy (the matrix), and another provider's gets 404 and changes
# nothing (`tests/providers/test_other_providers.py`, for every URL named here).
PROVIDER_OBJECT_URLS: dict[str, str] = {
    "providers:propose_update": "one of the organisation's published tools, by its slug",
    "providers:confirm_accurate": "one of the organisation's published tools, by its slug",
    "providers:proposal": "one of the organisation's proposals, by UUID",
    "providers:reply": "a published review of one of the organisation's tools, by UUID",
}

# Parameters that are not object ids: email-confirmation and password-reset keys (public,
# single-use, unguessable), and the admin's, which checks staff and model permissions itself.
NOT_OBJECT_IDS: dict[str, str] = {
    "account_confirm_email": "a single-use key sent by email",
    "account_reset_password_from_key": "a single-use key sent by email",
    "accounts:attest": "the supervisor's signed, single-use link",
}
