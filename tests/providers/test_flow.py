"""The whole provider journey through the pages: apply, confirm the email, enrol a second
factor, a curator approves in the admin, propose an update, a curator accepts, members see it."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from catalog.models import Tool
from hub import clock
from hub.models import AuditEvent
from notifications.models import Notification
from providers.models import Proposal, ProviderAccount
from tests import factories
from tests.conftest import sign_in
from tests.providers.conftest import PASSWORD, form_values
from tests.twofactor.conftest import totp_code

pytestmark = pytest.mark.django_db

APPLICATION = {
    "organisation": "Acme Forensics",
    "website": "https://www.acme-forensics.example/",
    "contact_name": "Pat Provider",
    "email": "pat@acme-forensics.example",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "tools_description": "Hash matching for seized media.",
    "accept_terms": "on",
}


def _confirm_link(email: str) -> str:
    body = next(message.body for message in reversed(mail.outbox) if email in message.to)
    url = re.search(r"http\S*/accounts/confirm-email/\S+/", body).group(0)
    return url.split("testserver", 1)[-1]


def test_from_application_to_an_accepted_proposal(
    client, client_factory, django_capture_on_commit_callbacks, settings
):
    curator = factories.CuratorFactory()
    acme = factories.ProviderFactory(
        name="Acme Forensics", website="https://acme-forensics.example"
    )
    tool = factories.ToolFactory(provider=acme, summary="Finds known images.")
    reader = sign_in(client_factory(), factories.MemberFactory())

    # 1. The organisation applies; its address is confirmed through the emailed link.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("providers:apply"), APPLICATION)
    assert response.status_code == 302
    account = ProviderAccount.objects.get()
    assert account.user.is_provider and not account.user.is_active_member
    assert account.terms_version == settings.PROVIDER_TERMS_VERSION
    assert account.email_confirmed_at is None
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(_confirm_link(APPLICATION["email"])).status_code == 302
    account.refresh_from_db()
    assert account.email_confirmed_at is not None
    assert Notification.objects.filter(
        kind="provider_application_submitted", recipient=curator
    ).exists()

    # 2. Signing in, the second factor comes first, as for members.
    response = client.post(
        reverse("account_login"), {"login": APPLICATION["email"], "password": PASSWORD}
    )
    assert response.status_code == 302
    response = client.get(reverse("providers:application"))
    assert response["Location"].startswith(reverse("twofactor:setup"))
    client.get(reverse("twofactor:setup"))
    device = TOTPDevice.objects.get(user=account.user)
    response = client.post(reverse("twofactor:setup"), {"code": totp_code(device), "name": "Phone"})
    assert response.status_code in (200, 302)
    assert client.get(reverse("providers:application")).status_code == 200
    assert client.get(reverse("providers:portal")).status_code == 403  # not approved yet
    assert client.get(reverse("catalog:index")).status_code == 403  # never a member's pages

    # 3. A curator sees the signals and approves in the admin.
    admin = sign_in(client_factory(), curator)
    change = reverse("admin:providers_provideraccount_change", args=[account.pk])
    page = admin.get(change)
    assert page.status_code == 200
    assert b"Acme Forensics" in page.content
    response = admin.post(
        change, {"provider": acme.pk, "decision": "approve", "reason": "Known supplier."}
    )
    assert response.status_code == 302, response.content
    account.refresh_from_db()
    assert account.state == ProviderAccount.State.APPROVED and account.provider == acme
    assert account.email_matches_website

    # 4. The portal lists the organisation's tool; the provider proposes an update.
    portal = client.get(reverse("providers:portal"))
    assert portal.status_code == 200 and tool.name.encode() in portal.content
    propose = reverse("providers:propose_update", args=[tool.slug])
    data = form_values(client.get(propose).context["form"])
    data["summary"] = "Finds known images and video."
    response = client.post(propose, data)
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.changes == {"summary": "Finds known images and video."}
    tool.refresh_from_db()
    assert tool.summary == "Finds known images."  # nothing public changes yet
    assert b"Finds known images." in reader.get(tool.get_absolute_url()).content

    # 5. The curator sees the change field by field and accepts it.
    change = reverse("admin:providers_proposal_change", args=[proposal.pk])
    page = admin.get(change)
    assert b"Finds known images and video." in page.content
    data = form_values(page.context["adminform"].form)
    data["decision"] = "accept"
    response = admin.post(change, data)
    assert response.status_code == 302, page.context["adminform"].form.errors
    proposal.refresh_from_db()
    tool.refresh_from_db()
    assert proposal.state == Proposal.State.ACCEPTED
    assert tool.summary == "Finds known images and video."
    assert tool.last_verified == clock.today()
    latest = tool.history.latest()
    assert "Acme Forensics" in latest.history_change_reason
    assert latest.history_user == curator
    assert AuditEvent.objects.filter(
        action="provider.proposal_accepted", target=str(proposal.uuid)
    ).exists()
    assert Notification.objects.filter(
        kind="provider_proposal_decision", recipient=account.user
    ).exists()

    # 6. Members see the new text.
    assert b"Finds known images and video." in reader.get(tool.get_absolute_url()).content


def test_a_new_tool_proposal_becomes_a_draft_for_the_curators(provider_client, provider_account):
    response = provider_client.get(reverse("providers:propose_tool"))
    data = form_values(response.context["form"])
    data.update(name="Acme Chat Triage", summary="Ranks chats for review.")
    assert provider_client.post(reverse("providers:propose_tool"), data).status_code == 302
    proposal = Proposal.objects.get()
    assert proposal.tool is None and proposal.changes["name"] == "Acme Chat Triage"
    assert not Tool.objects.filter(name="Acme Chat Triage").exists()
    from providers import services

    tool = services.accept_proposal(proposal, curator=factories.CuratorFactory())
    assert tool.status == Tool.Status.DRAFT
    assert tool.provider == provider_account.provider
    assert tool.name == "Acme Chat Triage" and tool.summary == "Ranks chats for review."
    assert provider_account.provider.name in tool.history.latest().history_change_reason


def test_an_unchanged_proposal_is_refused_with_a_message(provider_client, provider_account):
    tool = factories.ToolFactory(provider=provider_account.provider)
    url = reverse("providers:propose_update", args=[tool.slug])
    data = form_values(provider_client.get(url).context["form"])
    response = provider_client.post(url, data)
    assert response.status_code == 400
    assert b"Nothing was changed" in response.content
    assert not Proposal.objects.exists()
