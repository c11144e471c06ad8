"""Another provider's tools, proposals and reviews are 404 to a provider, and nothing changes."""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from providers.models import Proposal, ProviderReply
from tests import factories
from tests.conftest import sign_in
from tests.security.private_objects import PROVIDER_OBJECT_URLS

pytestmark = pytest.mark.django_db


def _tool(account):
    tool = factories.ToolFactory(provider=account.provider, summary="As it was.")
    return tool, {"slug": tool.slug}


def _proposal(account):
    proposal = factories.ProposalFactory(account=account)
    return proposal, {"uuid": proposal.uuid}


def _review(account):
    review = factories.ToolReviewFactory(
        tool=factories.ToolFactory(provider=account.provider), status="published"
    )
    return review, {"uuid": review.uuid}


# URL name → (make one of the owner's objects, the data a change would send).
CASES = {
    "providers:propose_update": (
        _tool,
        {"name": "Taken over", "summary": "Changed", "maturity": "pilot"},
    ),
    "providers:confirm_accurate": (_tool, {}),
    "providers:proposal": (_proposal, {}),
    "providers:reply": (_review, {"body": "A reply from the wrong company"}),
}


def test_every_provider_object_url_is_tried():
    assert set(CASES) == set(PROVIDER_OBJECT_URLS)


@pytest.mark.parametrize("url_name", sorted(CASES))
def test_another_provider_gets_404_and_changes_nothing(url_name, client_factory):
    owner = factories.ApprovedProviderAccountFactory()
    other = factories.ApprovedProviderAccountFactory()
    make, data = CASES[url_name]
    obj, kwargs = make(owner)
    obj.refresh_from_db()
    before = model_to_dict(obj)
    if hasattr(obj, "last_verified"):
        obj.last_verified = None
        obj.save()
        before = model_to_dict(obj)
    url = reverse(url_name, kwargs=kwargs)
    outsider = sign_in(client_factory(), other.user)
    # 405 where the view does not take the method at all (for anyone); never a page.
    answers = {outsider.get(url).status_code, outsider.post(url, data).status_code}
    assert 404 in answers and answers <= {404, 405}
    obj.refresh_from_db()
    assert model_to_dict(obj) == before
    assert not Proposal.objects.filter(account=other).exists()
    assert not ProviderReply.objects.filter(account=other).exists()
    # The owner reaches it.
    owner_client = sign_in(client_factory(), owner.user)
    assert owner_client.get(url).status_code in (200, 405)


def test_a_provider_lists_only_their_own_tools_proposals_and_reviews(client_factory):
    mine, theirs = (
        factories.ApprovedProviderAccountFactory(),
        factories.ApprovedProviderAccountFactory(),
    )
    factories.ToolFactory(provider=mine.provider, name="Mine Tool")
    other_tool = factories.ToolFactory(provider=theirs.provider, name="Their Tool")
    factories.ProposalFactory(account=theirs, tool=other_tool, changes={"summary": "Secret plan"})
    factories.ToolReviewFactory(tool=other_tool, status="published", context="Their review")
    client = sign_in(client_factory(), mine.user)
    portal = client.get(reverse("providers:portal")).content
    assert b"Mine Tool" in portal
    assert b"Their Tool" not in portal and b"Secret plan" not in portal
    assert b"Their review" not in client.get(reverse("providers:reviews")).content


def test_a_draft_tool_of_ones_own_is_not_offered_for_update(provider_client, provider_account):
    draft = factories.ToolFactory(provider=provider_account.provider, status="draft")
    url = reverse("providers:propose_update", args=[draft.slug])
    assert provider_client.get(url).status_code == 404
