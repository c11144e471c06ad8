"""Contact requests, then conversations between accepted pairs only; blocking; reports; the
header's unread count; emails that never carry what members wrote (issue 22)."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community import services
from community.models import Block, ContactRequest, Conversation, Message, Participant
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db

SECRET_WORDS = "the informant lives on Elm Street"


def _request_url(request):
    return reverse("community:request_answer", kwargs={"public_id": request.public_id})


def _conversation_url(conversation):
    return reverse("community:conversation", kwargs={"public_id": conversation.public_id})


@pytest.fixture
def pair(browse):
    """A (sender), B (recipient, listed) and their browsers."""
    a, b = factories.MemberFactory(password="!"), factories.MemberFactory(password="!")
    b_profile = factories.ProfileFactory(user=b, display_name="Bea Listed")
    factories.ProfileFactory(user=a, display_name="Al Sender")
    return a, browse(a), b, browse(b), b_profile


def test_request_accept_then_message_and_no_email_carries_the_text(
    pair, django_capture_on_commit_callbacks
):
    a, a_client, b, b_client, b_profile = pair
    contact = reverse("community:contact", kwargs={"public_id": b_profile.public_id})
    with django_capture_on_commit_callbacks(execute=True):
        assert a_client.post(contact, {"message": SECRET_WORDS}).status_code == 302
    request = ContactRequest.objects.get(sender=a, recipient=b)
    assert SECRET_WORDS in b_client.get(reverse("community:requests")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = b_client.post(_request_url(request), {"answer": "accept"})
    conversation = Conversation.objects.get()
    assert response["Location"] == _conversation_url(conversation)
    with django_capture_on_commit_callbacks(execute=True):
        response = a_client.post(_conversation_url(conversation), {"body": SECRET_WORDS})
    assert response.status_code == 302
    assert b_client.get(reverse("community:index")).context["unread_messages"] == 1
    page = b_client.get(_conversation_url(conversation)).content.decode()
    assert SECRET_WORDS in page
    assert b_client.get(reverse("community:index")).context["unread_messages"] == 0
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert {"community_contact_request", "community_request_accepted", "community_message"} <= kinds
    assert len(mail.outbox) >= 3
    for message in mail.outbox:
        assert SECRET_WORDS not in message.body
        assert SECRET_WORDS not in message.subject
    for row in Notification.objects.all():
        assert SECRET_WORDS not in row.body_text + row.body_html + row.subject


def test_a_third_member_gets_404_on_the_pairs_conversation_and_its_messages(pair, browse):
    a, _a_client, b, _b_client, _profile = pair
    conversation = factories.conversation_between(a, b)
    message = services.send_message(a, conversation, "Between us.")
    third = browse()
    for name in ("community:conversation", "community:conversation_delete"):
        url = reverse(name, kwargs={"public_id": conversation.public_id})
        assert third.get(url).status_code == 404
        assert third.post(url, {"body": "Let me in"}).status_code == 404
    report = reverse("community:report_message", kwargs={"public_id": message.public_id})
    assert third.get(report).status_code == 404
    assert "Between us." not in third.get(reverse("community:conversations")).content.decode()
    assert Message.objects.count() == 1


@pytest.mark.parametrize("state", ["pending", "declined", "none"])
def test_messages_between_a_pair_that_was_not_accepted_are_refused(pair, state):
    a, a_client, b, b_client, _profile = pair
    if state != "none":
        factories.ContactRequestFactory(sender=a, recipient=b, status=state)
    # A conversation with both as participants, however it came about: still no messages.
    conversation = Conversation.objects.create(pair=Conversation.pair_of(a, b))
    for user in (a, b):
        Participant.objects.create(conversation=conversation, user=user)
    for client in (a_client, b_client):
        response = client.post(_conversation_url(conversation), {"body": "Hello?"})
        assert response.status_code == 400
        assert "accepted your contact request" in response.content.decode()
    assert not Message.objects.exists()
    with pytest.raises(services.RefusedError):
        services.send_message(a, conversation, "Hello?")


def test_declining_is_silent(pair):
    a, a_client, b, b_client, _b_profile = pair
    request = factories.ContactRequestFactory(sender=a, recipient=b)
    b_client.post(_request_url(request), {"answer": "decline"})
    request.refresh_from_db()
    assert request.status == ContactRequest.Status.DECLINED
    assert not Notification.objects.filter(recipient=a).exists()
    sent = a_client.get(reverse("community:requests")).content.decode()
    assert "Waiting for an answer" in sent
    assert "Declined" not in sent
    assert not Conversation.objects.exists()


def test_blocking_stops_requests_and_messages_both_ways(pair):
    a, a_client, b, b_client, b_profile = pair
    conversation = factories.conversation_between(a, b)
    services.send_message(a, conversation, "Before the block.")
    block_url = reverse("community:block", kwargs={"public_id": b_profile.public_id})
    assert a_client.post(block_url).status_code == 302
    assert Block.objects.filter(blocker=a, blocked=b).exists()
    for client in (a_client, b_client):
        response = client.post(_conversation_url(conversation), {"body": "After the block."})
        assert response.status_code == 400
    assert not Message.objects.filter(body="After the block.").exists()
    # B cannot find A any more, nor ask to talk again; A does not see B in the directory.
    a_profile = a.community_profile
    assert b_client.get(a_profile.get_absolute_url()).status_code == 404
    contact = reverse("community:contact", kwargs={"public_id": a_profile.public_id})
    assert b_client.post(contact, {"message": "Again"}).status_code == 404
    assert "Bea Listed" not in a_client.get(reverse("community:index")).content.decode()
    with pytest.raises(services.RefusedError):
        services.send_contact_request(b, a_profile, "Please")
    # Unblocking lets them write again (their request was accepted).
    a_client.post(block_url, {"unblock": "1"})
    assert a_client.post(_conversation_url(conversation), {"body": "Hi again"}).status_code == 302


def test_contact_requests_are_limited_per_member_per_day(browse, settings):
    settings.HUB_RATE_LIMITS = {
        **settings.HUB_RATE_LIMITS,
        "community_contact_requests": (2, 86400),
    }
    me = factories.MemberFactory(password="!")
    client = browse(me)
    profiles = factories.ProfileFactory.create_batch(3)
    answers = [
        client.post(
            reverse("community:contact", kwargs={"public_id": p.public_id}), {"message": "Hi"}
        ).status_code
        for p in profiles
    ]
    assert answers == [302, 302, 400]
    assert ContactRequest.objects.filter(sender=me).count() == 2


def test_deleting_a_conversation_is_for_oneself_only(pair):
    a, a_client, b, b_client, _profile = pair
    conversation = factories.conversation_between(a, b)
    services.send_message(a, conversation, "Old news.")
    delete = reverse("community:conversation_delete", kwargs={"public_id": conversation.public_id})
    assert b_client.post(delete).status_code == 302
    assert "Old news." not in b_client.get(_conversation_url(conversation)).content.decode()
    assert (
        conversation.get_absolute_url()
        not in b_client.get(reverse("community:conversations")).content.decode()
    )
    assert "Old news." in a_client.get(_conversation_url(conversation)).content.decode()
    services.send_message(a, conversation, "Fresh news.")
    page = b_client.get(_conversation_url(conversation)).content.decode()
    assert "Fresh news." in page and "Old news." not in page


def test_message_text_is_plain_and_external_links_go_through_a_warning(pair):
    a, _a_client, b, b_client, _profile = pair
    conversation = factories.conversation_between(a, b)
    services.send_message(
        a, conversation, "<b>bold</b> see https://outside.example/x and /catalog/"
    )
    page = b_client.get(_conversation_url(conversation)).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert 'href="https://outside.example' not in page
    warning = reverse("community:external_link") + "?to=https%3A%2F%2Foutside.example%2Fx"
    assert warning in page
    response = b_client.get(reverse("community:external_link"), {"to": "https://outside.example/x"})
    assert response.status_code == 200 and "outside.example" in response.content.decode()
    internal = b_client.get(reverse("community:external_link"), {"to": "/catalog/"})
    assert internal.status_code == 302 and internal["Location"] == "/catalog/"
    for bad in ("javascript:alert(1)", "//evil.example/", "ftp://x.example/", ""):
        assert b_client.get(reverse("community:external_link"), {"to": bad}).status_code == 400


def test_the_header_unread_count_is_one_query_per_page(pair):
    a, _a_client, b, b_client, _profile = pair
    conversation = factories.conversation_between(a, b)
    for text in ("one", "two", "three"):
        services.send_message(a, conversation, text)
    with CaptureQueriesContext(connection) as captured:
        response = b_client.get(reverse("community:forums"))
    assert 'Messages <span class="badge">3' in response.content.decode()
    unread = [q for q in captured.captured_queries if '"unread"' in q["sql"]]
    assert len(unread) == 1, unread


def test_a_reported_message_reaches_the_moderators_only(pair, browse):
    from accounts import roles

    a, _a_client, b, b_client, _profile = pair
    conversation = factories.conversation_between(a, b)
    message = services.send_message(a, conversation, "Something that should be reported.")
    moderator = factories.MemberFactory(password="!")
    roles.grant_role(moderator, roles.MODERATOR)
    report_url = reverse("community:report_message", kwargs={"public_id": message.public_id})
    assert b_client.post(report_url, {"reason": "Abusive"}).status_code == 302
    report = message.reports.get()
    notice = Notification.objects.get(recipient=moderator, kind="community_report")
    assert "reported a message" in notice.body_text
    assert "Something that should be reported." not in notice.body_text
    page = reverse("community:report", kwargs={"public_id": report.public_id})
    assert "Something that should be reported." in browse(moderator).get(page).content.decode()
    administrator = factories.AdministratorFactory(password="!")
    assert browse(administrator).get(page).status_code == 403
    assert browse().get(page).status_code == 403


def test_a_request_from_someone_no_longer_a_member_is_not_shown_nor_accepted(pair):
    _a, _a_client, b, b_client, _profile = pair
    leaver = factories.SuspendedMemberFactory()
    factories.ProfileFactory(user=leaver, display_name="Gone Away")
    request = factories.ContactRequestFactory(sender=leaver, recipient=b, message="Still here?")
    assert "Still here?" not in b_client.get(reverse("community:requests")).content.decode()
    b_client.post(_request_url(request), {"answer": "accept"})
    request.refresh_from_db()
    assert request.status == ContactRequest.Status.PENDING
    assert not Conversation.objects.exists()
