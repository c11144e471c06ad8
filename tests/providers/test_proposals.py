"""Curators decide proposals: accept (in one transaction, with history and last verified),
edit then accept, or return with a comment — which changes nothing."""

import datetime

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from hub.models import AuditEvent
from notifications.models import Notification
from providers import services
from providers.models import Proposal
from tests import factories
from tests.providers.conftest import form_values

pytestmark = pytest.mark.django_db

OLD = datetime.date(2024, 1, 1)


@pytest.fixture
def proposal(provider_account):
    tool = factories.ToolFactory(
        provider=provider_account.provider,
        summary="Old summary.",
        last_verified=OLD,
        languages=[factories.LanguageFactory(slug="english", name="English")],
    )
    factories.LanguageFactory(slug="french", name="French")
    return factories.ProposalFactory(
        account=provider_account,
        tool=tool,
        changes={"summary": "New summary.", "languages": ["english", "french"]},
    )


def _decide(curator_client, proposal, **changes):
    url = reverse("admin:providers_proposal_change", args=[proposal.pk])
    page = curator_client.get(url)
    assert page.status_code == 200
    data = form_values(page.context["adminform"].form) | changes
    return curator_client.post(url, data), page


def test_the_queue_shows_the_change_field_by_field(curator_client, proposal):
    page = curator_client.get(reverse("admin:providers_proposal_change", args=[proposal.pk]))
    body = page.content.decode()
    assert "Old summary." in body and "New summary." in body
    assert "English, French" in body  # the languages as proposed, by name
    queue = curator_client.get(reverse("admin:providers_proposal_changelist"))
    assert queue.status_code == 200 and proposal.tool.name in queue.content.decode()


def test_a_returned_proposal_changes_nothing(curator_client, curator, proposal):
    tool = proposal.tool
    before, history = model_to_dict(tool), tool.history.count()
    languages = set(tool.languages.values_list("slug", flat=True))
    response, _page = _decide(
        curator_client, proposal, decision="return", curator_comment="Cite a release note."
    )
    assert response.status_code == 302
    tool.refresh_from_db()
    assert model_to_dict(tool) == before
    assert tool.history.count() == history
    assert set(tool.languages.values_list("slug", flat=True)) == languages
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.RETURNED
    assert proposal.curator_comment == "Cite a release note."
    assert AuditEvent.objects.filter(action="provider.proposal_returned").exists()
    note = Notification.objects.get(kind="provider_proposal_decision")
    assert note.recipient == proposal.account.user and "Cite a release note." in note.body_text


def test_returning_needs_a_comment(curator_client, proposal):
    response, _page = _decide(curator_client, proposal, decision="return", curator_comment="")
    assert response.status_code == 200  # the form again, with the error
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.SUBMITTED


def test_accepting_applies_every_field_with_history_naming_the_provider(
    curator_client, curator, proposal
):
    response, _page = _decide(curator_client, proposal, decision="accept")
    assert response.status_code == 302
    tool = proposal.tool
    tool.refresh_from_db()
    assert tool.summary == "New summary."
    assert sorted(tool.languages.values_list("slug", flat=True)) == ["english", "french"]
    assert tool.last_verified > OLD
    record = tool.history.latest()
    assert proposal.provider.name in record.history_change_reason
    assert record.history_user == curator
    event = AuditEvent.objects.get(action="provider.proposal_accepted")
    assert event.details["provider"] == proposal.provider.name
    assert event.details["edited"] is False


def test_a_curator_can_edit_before_accepting(curator_client, proposal):
    response, _page = _decide(
        curator_client, proposal, decision="accept", summary="The curator's wording."
    )
    assert response.status_code == 302
    proposal.tool.refresh_from_db()
    assert proposal.tool.summary == "The curator's wording."
    proposal.refresh_from_db()
    assert proposal.changes["summary"] == "The curator's wording."
    assert AuditEvent.objects.get(action="provider.proposal_accepted").details["edited"] is True
    assert "edited by the curator" in proposal.tool.history.latest().history_change_reason


def test_no_decision_saves_nothing(curator_client, proposal):
    response, _page = _decide(curator_client, proposal, summary="Sneaky")
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.SUBMITTED
    assert proposal.changes["summary"] == "New summary."


def test_a_proposal_is_decided_once(proposal, curator):
    services.return_proposal(proposal, curator=curator, comment="No")
    with pytest.raises(services.AlreadyDecidedError):
        services.accept_proposal(proposal, curator=curator)
    proposal.tool.refresh_from_db()
    assert proposal.tool.summary == "Old summary."


def test_a_decided_proposal_is_read_only_in_the_admin(curator_client, curator, proposal):
    services.return_proposal(proposal, curator=curator, comment="No")
    url = reverse("admin:providers_proposal_change", args=[proposal.pk])
    assert curator_client.get(url).status_code == 200
    curator_client.post(url, {"decision": "accept"})
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.RETURNED


def test_the_provider_sees_their_proposal_and_the_comment(provider_client, proposal, curator):
    services.return_proposal(proposal, curator=curator, comment="Cite a release note.")
    body = provider_client.get(proposal.get_absolute_url()).content.decode()
    assert "Old summary." in body and "New summary." in body
    assert "Cite a release note." in body
