"""Forums: threads and replies in sanitised Markdown, tool links, following and the weekly
digest, and moderation that hides, locks and moves, audited and told (issue 22)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from accounts import roles
from community import services, tasks
from community.models import Post, Thread, ThreadFollow
from hub import clock
from hub.models import AuditEvent
from notifications.models import Notification
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    user = factories.MemberFactory(password="!")
    roles.grant_role(user, roles.MODERATOR)
    return user


def _thread_url(thread):
    return reverse("community:thread", kwargs={"public_id": thread.public_id})


def test_a_thread_and_a_reply_in_markdown_with_a_tool_link(browse):
    category = factories.ForumCategoryFactory()
    tool = factories.ToolFactory(name="Hash Matcher", slug="hash-matcher")
    author = factories.MemberFactory(password="!")
    client = browse(author)
    response = client.post(
        reverse("community:thread_create", kwargs={"slug": category.slug}),
        {"title": "Hash sets", "body": "We use [[hash-matcher]] and [[no-such-tool]]. **Bold**"},
    )
    thread = Thread.objects.get()
    assert response["Location"] == _thread_url(thread)
    page = browse().get(_thread_url(thread)).content.decode()
    assert f'<a href="{tool.get_absolute_url()}" rel="noopener noreferrer">Hash Matcher</a>' in page
    assert "[[no-such-tool]]" in page
    assert "<strong>Bold</strong>" in page
    assert ThreadFollow.objects.filter(user=author, thread=thread).exists()


def test_moderation_hides_a_post_for_everyone_audits_it_and_tells_the_author(browse, moderator):
    thread = factories.ThreadFactory(opening="Opening words.")
    post = factories.PostFactory(thread=thread, body="Something to hide.")
    url = reverse("community:moderate_post", kwargs={"public_id": post.public_id})
    # Members cannot moderate: the policy refuses them.
    assert browse().post(url, {"action": "hide"}).status_code == 403
    assert (
        browse(moderator).post(url, {"action": "hide", "note": "Case details"}).status_code == 302
    )
    post.refresh_from_db()
    assert post.hidden_at is not None
    for viewer in (browse(), browse(post.author), browse(thread.author)):
        page = viewer.get(_thread_url(thread)).content.decode()
        assert "Something to hide." not in page
        assert "hidden by a moderator" in page
    assert "Something to hide." in browse(moderator).get(_thread_url(thread)).content.decode()
    event = AuditEvent.objects.get(action="community.post_hidden")
    assert event.actor == moderator and event.target == str(post.public_id)
    told = Notification.objects.get(recipient=post.author, kind="community_moderation")
    assert "Case details" in told.body_text


def test_hiding_the_opening_post_hides_the_thread_from_listings(browse, moderator):
    thread = factories.ThreadFactory(title="Soon hidden")
    opening = thread.posts.get()
    services.set_post_hidden(moderator, opening, hidden=True, note="")
    member = browse()
    assert member.get(_thread_url(thread)).status_code == 404
    category_page = member.get(thread.category.get_absolute_url()).content.decode()
    assert "Soon hidden" not in category_page
    assert browse(moderator).get(_thread_url(thread)).status_code == 200


def test_locking_and_moving_a_thread(browse, moderator):
    thread = factories.ThreadFactory()
    elsewhere = factories.ForumCategoryFactory()
    url = reverse("community:moderate_thread", kwargs={"public_id": thread.public_id})
    mod = browse(moderator)
    assert mod.post(url, {"action": "lock"}).status_code == 302
    thread.refresh_from_db()
    assert thread.locked
    member = browse()
    response = member.post(_thread_url(thread), {"body": "Late reply"})
    assert response.status_code == 400
    assert not Post.objects.filter(body="Late reply").exists()
    mod.post(url, {"action": "move", "category": elsewhere.slug})
    thread.refresh_from_db()
    assert thread.category == elsewhere
    # Moving without a category is refused, and changes nothing.
    mod.post(url, {"action": "move"})
    thread.refresh_from_db()
    assert thread.category == elsewhere
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"community.thread_locked", "community.thread_moved"} <= actions
    assert (
        Notification.objects.filter(recipient=thread.author, kind="community_moderation").count()
        == 2
    )


def test_followers_hear_of_replies_and_get_a_weekly_digest(django_capture_on_commit_callbacks):
    thread = factories.ThreadFactory(title="Followed")
    follower = thread.author
    ThreadFollow.objects.get_or_create(user=follower, thread=thread)
    ThreadFollow.objects.filter(user=follower).update(created_at=clock.now() - timedelta(days=1))
    replier = factories.MemberFactory()
    services.reply(replier, thread, "A reply with SECRET-ish words.")
    notice = Notification.objects.get(recipient=follower, kind="community_thread_reply")
    assert notice.channel == Notification.Channel.IN_APP
    assert not Notification.objects.filter(recipient=replier).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_thread_digests() == 1
        assert tasks.send_thread_digests() == 0  # safe to run twice
    (digest,) = [m for m in mail.outbox if "you follow" in m.subject]
    assert "Followed" in digest.body
    assert "SECRET-ish" not in digest.body


def test_the_moderator_role_moderates_and_administrators_do_not():
    moderator = factories.MemberFactory()
    roles.grant_role(moderator, roles.MODERATOR)
    administrator = factories.AdministratorFactory()
    curator = factories.CuratorFactory()
    assert moderator.has_perm("community.moderate_community")
    assert not administrator.has_perm("community.moderate_community")
    assert curator.has_perm("community.add_forumcategory")
    assert not curator.has_perm("community.moderate_community")
    for person in (administrator, curator, moderator):
        for model in ("message", "conversation", "contactrequest", "block", "participant"):
            assert not person.has_perm(f"community.view_{model}")


def test_the_admin_has_forum_categories_and_no_conversations(browse):
    from django.contrib import admin

    from community import models

    registered = {model for model in admin.site._registry if model._meta.app_label == "community"}
    assert registered == {models.ForumCategory}


def test_curators_make_forum_categories_in_the_admin(browse):
    from community.models import ForumCategory

    curator = browse(factories.CuratorFactory(password="!"))
    add = reverse("admin:community_forumcategory_add")
    assert curator.get(add).status_code == 200
    response = curator.post(
        add, {"name": "Tools in practice", "slug": "tools-in-practice", "position": "1"}
    )
    assert response.status_code == 302
    assert ForumCategory.objects.filter(slug="tools-in-practice").exists()
    page = browse().get(reverse("community:forums")).content.decode()
    assert "Tools in practice" in page
