"""Review-due reminders reach providers; "still accurate" is a verification; one moderated public
reply per review, under which the reviewer stays "a vetted member"."""

import datetime

import pytest
from django.urls import reverse

from catalog.tasks import flag_tools_due_for_review
from hub import clock
from hub.models import AuditEvent
from notifications.models import Notification
from providers import services
from providers.models import ProviderReply
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2020, 1, 1)


def test_the_review_due_job_asks_the_tools_provider_once_a_week(provider_account):
    curator = factories.CuratorFactory()
    due = factories.ToolFactory(provider=provider_account.provider, last_verified=LONG_AGO)
    factories.ToolFactory(provider=provider_account.provider)  # verified today: not due
    other = factories.ToolFactory(last_verified=LONG_AGO)  # another provider's
    flag_tools_due_for_review()
    flag_tools_due_for_review()  # a second run sends nothing twice
    asked = Notification.objects.filter(
        kind="provider_tool_due_for_review", recipient=provider_account.user
    )
    assert asked.count() == 1
    assert reverse("providers:propose_update", args=[due.slug]) in asked.get().body_text
    assert other.name not in asked.get().body_text
    assert Notification.objects.filter(kind="tools_due_for_review", recipient=curator).exists()


def test_providers_not_approved_are_not_asked():
    applicant = factories.ProviderAccountFactory()
    factories.ToolFactory(last_verified=LONG_AGO)
    flag_tools_due_for_review()
    assert not Notification.objects.filter(recipient=applicant.user).exists()


def test_still_accurate_counts_as_a_verification_and_is_audited(provider_client, provider_account):
    tool = factories.ToolFactory(provider=provider_account.provider, last_verified=LONG_AGO)
    portal = provider_client.get(reverse("providers:portal")).content.decode()
    assert "Due for review" in portal
    response = provider_client.post(reverse("providers:confirm_accurate", args=[tool.slug]))
    assert response.status_code == 302
    tool.refresh_from_db()
    assert tool.last_verified == clock.today()
    event = AuditEvent.objects.get(action="tool_verified")
    assert event.actor == provider_account.user
    assert event.details["by_provider"] == provider_account.provider.name
    assert provider_account.provider.name in tool.history.latest().history_change_reason


def test_a_provider_replies_once_and_the_reply_is_moderated(
    provider_client, provider_account, client_factory
):
    author = factories.MemberFactory(full_name="Secret Reviewer Name")
    tool = factories.ToolFactory(provider=provider_account.provider)
    review = factories.ToolReviewFactory(tool=tool, author=author, status="published")
    page = provider_client.get(reverse("providers:reviews")).content.decode()
    assert review.context in page and "A vetted member" in page
    assert author.full_name not in page and author.email not in page

    url = reverse("providers:reply", args=[review.uuid])
    assert provider_client.post(url, {"body": "Fixed in 2.1."}).status_code == 302
    assert provider_client.post(url, {"body": "And again."}).status_code == 302
    reply = ProviderReply.objects.get()
    assert reply.body == "Fixed in 2.1." and reply.status == ProviderReply.Status.PENDING

    reader = sign_in(client_factory(), factories.MemberFactory())
    assert b"Fixed in 2.1." not in reader.get(tool.get_absolute_url()).content  # not yet
    assert services.moderate_reply(reply, publish=True, by=factories.CuratorFactory())
    body = reader.get(tool.get_absolute_url()).content.decode()
    assert "Fixed in 2.1." in body and provider_account.provider.name in body
    assert Notification.objects.filter(
        kind="provider_reply_moderated", recipient=provider_account.user
    ).exists()


def test_a_declined_reply_stays_hidden(provider_account, client_factory):
    reply = factories.ProviderReplyFactory(account=provider_account)
    services.moderate_reply(reply, publish=False, by=factories.CuratorFactory(), note="Tone")
    reader = sign_in(client_factory(), factories.MemberFactory())
    assert reply.body.encode() not in reader.get(reply.review.tool.get_absolute_url()).content


def test_pending_reviews_are_not_shown_to_providers(provider_client, provider_account):
    tool = factories.ToolFactory(provider=provider_account.provider)
    pending = factories.ToolReviewFactory(tool=tool, status="pending", context="Not yet public")
    assert b"Not yet public" not in provider_client.get(reverse("providers:reviews")).content
    response = provider_client.post(
        reverse("providers:reply", args=[pending.uuid]), {"body": "Hello"}
    )
    assert response.status_code == 404
