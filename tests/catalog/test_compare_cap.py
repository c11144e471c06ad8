"""Compare: at most four tools, the selection kept when there are more; only real differences."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

COMPARE = reverse("catalog:compare")


def test_a_fifth_tool_keeps_the_selection_to_untick(member_client):
    tools = [factories.ToolFactory(name=f"Tool {n}") for n in range(5)]
    response = member_client.get(COMPARE, {"tools": [t.slug for t in tools]})
    assert response.status_code == 400  # the form's answer, on the compare page itself
    body = response.content.decode()
    assert "Compare up to 4 tools at a time: you chose 5." in body
    for tool in tools:
        assert f'value="{tool.slug}" id="choice-{tool.slug}" checked' in body
    assert "Compare selected tools" in body
    assert "<table" not in body


def test_only_published_tools_are_kept_in_the_selection(member_client):
    tools = [factories.ToolFactory() for _ in range(4)]
    draft = factories.ToolFactory(status="draft")
    response = member_client.get(COMPARE, {"tools": [draft.slug, *(t.slug for t in tools)]})
    body = response.content.decode()
    assert draft.name not in body and f"choice-{draft.slug}" not in body
    assert all(f"choice-{t.slug}" in body for t in tools)


def test_an_absurd_selection_is_answered_not_crashed(member_client):
    response = member_client.get(COMPARE, {"tools": ",".join(["x" * 40] * 30)})
    assert response.status_code == 400


def test_the_same_terms_in_another_order_do_not_differ(member_client):
    first, second = factories.LanguageFactory(name="Arabic"), factories.LanguageFactory(name="Zulu")
    a = factories.ToolFactory(languages=[second, first], maturity="pilot")
    b = factories.ToolFactory(languages=[first, second], maturity="pilot")
    response = member_client.get(COMPARE, {"tools": [a.slug, b.slug]})
    rows = {str(row["label"]): row for row in response.context["rows"]}
    assert rows["Language"]["values"] == ["Arabic, Zulu", "Arabic, Zulu"]
    assert rows["Language"]["differs"] is False
    assert rows["Maturity"]["differs"] is False
    assert rows["Provider"]["differs"] is True  # every factory tool has its own provider
    body = response.content.decode()
    assert body.count(">Differs<") == sum(row["differs"] for row in rows.values())
