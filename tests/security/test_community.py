"""Stored script in what community members write (issue 22), on every page that shows it:
profiles, contact requests, messages, thread titles, posts (Markdown through the sanitiser),
reports and moderators' notes — to the author, other members and moderators."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts import roles
from community import services
from community.models import Report
from tests import factories
from tests.security.personas import PERSONAS
from tests.security.test_markdown import ACTIVE, HOSTILE
from tests.security.test_stored_xss import PAYLOAD, RAW, _shown_escaped

pytestmark = pytest.mark.django_db


def _signed_in(persona: str = "member"):
    client = Client()
    return client, PERSONAS[persona](client)


def test_a_profile_is_escaped_in_the_directory_on_its_page_and_for_its_owner():
    owner_client, owner = _signed_in()
    profile = factories.ProfileFactory(
        user=owner,
        display_name=PAYLOAD[:80],
        bio=PAYLOAD,
        agency=PAYLOAD,
        unit=PAYLOAD,
        show_agency=True,
    )
    pages = [reverse("community:index"), profile.get_absolute_url()]
    _shown_escaped(_signed_in()[0], pages)
    _shown_escaped(owner_client, [*pages, reverse("community:profile")])


def test_requests_and_messages_are_escaped_for_both_members_and_moderators():
    _sender_client, sender = _signed_in()
    recipient_client, recipient = _signed_in()
    factories.ProfileFactory(user=sender, display_name=PAYLOAD[:80])
    factories.ContactRequestFactory(sender=sender, recipient=recipient, message=PAYLOAD)
    _shown_escaped(recipient_client, [reverse("community:requests")])
    conversation = factories.conversation_between(
        factories.ProfileFactory().user, recipient
    )  # a second, accepted pair to write in
    other = conversation.participants.exclude(user=recipient).get().user
    message = services.send_message(other, conversation, PAYLOAD + " https://x.example/<b>")
    url = conversation.get_absolute_url()
    _shown_escaped(recipient_client, [url, reverse("community:conversations")])
    report_url = reverse("community:report_message", kwargs={"public_id": message.public_id})
    _shown_escaped(recipient_client, [report_url])
    recipient_client.post(report_url, {"reason": PAYLOAD})
    moderator_client, _moderator = _signed_in(roles.MODERATOR)
    report = Report.objects.get()
    _shown_escaped(
        moderator_client,
        [
            reverse("community:moderation"),
            reverse("community:report", kwargs={"public_id": report.public_id}),
        ],
    )
    warning = reverse("community:external_link") + "?to=" + "https://x.example/%3Cb%3E"
    response = recipient_client.get(warning)
    assert response.status_code == 200
    assert "<b>" not in response.content.decode()


def test_threads_and_posts_are_escaped_or_sanitised_for_members_and_moderators():
    author_client, author = _signed_in()
    category = factories.ForumCategoryFactory()
    markdown_attack = (
        PAYLOAD + "\n\n[click](javascript:alert(1)) <iframe src=x></iframe> ![i](x.png)"
    )
    thread = services.start_thread(author, category, title=PAYLOAD[:200], body=markdown_attack)
    reply = services.reply(author, thread, PAYLOAD)
    pages = [thread.get_absolute_url(), category.get_absolute_url()]
    for client in (author_client, _signed_in()[0], _signed_in(roles.MODERATOR)[0]):
        _shown_escaped(client, pages)
        body = client.get(thread.get_absolute_url()).content.decode()
        for fragment in ("javascript:alert", "<iframe", "x.png"):
            assert fragment not in body
    # Hidden, the reply is still escaped where moderators see it.
    moderator_client, moderator = _signed_in(roles.MODERATOR)
    services.set_post_hidden(moderator, reply, hidden=True, note=PAYLOAD)
    _shown_escaped(moderator_client, [thread.get_absolute_url()])


def test_a_display_name_in_a_notice_is_reduced_to_letters():
    """Names in notices go through accounts.models.name_for_others: no link, no markup."""
    from notifications.models import Notification

    _sender_client, sender = _signed_in()
    factories.ProfileFactory(user=sender, display_name="Evil https://phish.example <b>")
    profile = factories.ProfileFactory()
    services.send_contact_request(sender, profile, "Hello")
    notice = Notification.objects.get(kind="community_contact_request")
    assert "phish.example" not in notice.subject + notice.body_text
    assert "<b>" not in notice.subject + notice.body_text
    for fragment in RAW:
        assert fragment not in notice.body_text


@pytest.mark.parametrize("payload", HOSTILE)
def test_a_message_is_plain_text_whatever_it_holds(payload):
    from community.templatetags.community import message_text

    html = message_text(payload + ' https://x.example/a"onclick=alert(1)//')
    assert not ACTIVE.search(html), html
    assert "<a " in html  # the address became a link: to the warning page, as checked next
    assert not re.search(r"<a [^>]*href=\"(?!/community/link/\?to=)", html), html
