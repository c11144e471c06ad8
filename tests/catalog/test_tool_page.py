"""The tool page and the compare page."""

import pytest
from django.urls import reverse

from catalog.models import Tool, ToolReview
from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_tool_page_shows_everything_about_the_tool(member_client, terms):
    tool = factories.ToolFactory(
        name="Hashmatch",
        description="Finds **known** material.\n\n<script>alert(1)</script>",
        capabilities=[terms["hash"]],
        data_protection_notes="Needs a DPIA.",
    )
    tool.provider.law_enforcement_contact = "liaison@provider.example.org"
    tool.provider.save()
    response = member_client.get(tool.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "<strong>known</strong>" in body
    assert "<script>alert" not in body
    assert "Hash matching" in body
    assert "liaison@provider.example.org" in body
    assert "Needs a DPIA." in body
    assert "Write a review" in body


def test_markdown_links_keep_only_safe_schemes(member_client):
    tool = factories.ToolFactory(description="[bad](javascript:alert(1)) [good](https://x.org)")
    body = member_client.get(tool.get_absolute_url()).content.decode()
    assert "javascript:" not in body
    assert 'href="https://x.org"' in body


def test_tool_page_shows_published_reviews_with_the_average(member_client, member):
    tool = factories.ToolFactory()
    factories.ToolReviewFactory(tool=tool, rating=5, status="published", context="Great pilot.")
    factories.ToolReviewFactory(tool=tool, rating=2, status="published", context="Meh.")
    factories.ToolReviewFactory(tool=tool, status="pending", context="Someone else's pending")
    factories.ToolReviewFactory(tool=tool, status="declined", context="A declined one")
    factories.ToolReviewFactory(tool=tool, author=member, status="pending", context="Mine, pending")
    tool.refresh_rating()
    body = member_client.get(tool.get_absolute_url()).content.decode()
    assert "Great pilot." in body and "Meh." in body
    assert "Mine, pending" in body
    assert "Someone else&#x27;s pending" not in body and "Someone else's pending" not in body
    assert "A declined one" not in body
    assert "Average 3.5 out of 5 from 2 reviews" in body
    assert "Change your review" in body


@pytest.mark.parametrize("status", [Tool.Status.DRAFT, Tool.Status.IN_REVIEW, Tool.Status.ARCHIVED])
def test_unpublished_tools_are_404(member_client, status):
    tool = factories.ToolFactory(status=status)
    assert member_client.get(tool.get_absolute_url()).status_code == 404


def test_unknown_tool_is_404(member_client):
    assert member_client.get(reverse("catalog:tool", args=["no-such-tool"])).status_code == 404


def test_anonymous_and_applicants_cannot_see_a_tool(client, applicant):
    tool = factories.ToolFactory()
    assert client.get(tool.get_absolute_url()).status_code == 302
    sign_in(client, applicant)
    assert client.get(tool.get_absolute_url()).status_code == 403


def test_the_tool_page_lists_published_guidance_only(member_client):
    tool = factories.ToolFactory()
    published = factories.ArticleFactory(title="Lawful use of Alpha")
    draft = factories.ArticleFactory(title="Unfinished note", status="draft")
    published.related_tools.add(tool)
    draft.related_tools.add(tool)
    response = member_client.get(tool.get_absolute_url())
    assert list(response.context["guidance"]) == [published]
    assert "Unfinished note" not in response.content.decode()
    assert f"?tool={tool.slug}" in response.content.decode()


COMPARE = reverse("catalog:compare")


def test_compare_two_to_four_tools_marks_differences(member_client, terms):
    a = factories.ToolFactory(name="Alpha", licences=[terms["open"]], maturity="pilot")
    b = factories.ToolFactory(name="Beta", licences=[terms["open"]], maturity="production")
    c = factories.ToolFactory(name="Gamma", licences=[terms["open"]], maturity="pilot")
    response = member_client.get(COMPARE, {"tools": f"{a.slug},{b.slug},{c.slug}"})
    assert response.status_code == 200
    assert [t.name for t in response.context["tools"]] == ["Alpha", "Beta", "Gamma"]
    rows = {str(row["label"]): row for row in response.context["rows"]}
    assert rows["Maturity"]["differs"] is True
    assert rows["Licence and cost"]["differs"] is False
    assert rows["Licence and cost"]["values"] == ["Open source"] * 3


def test_compare_accepts_repeated_parameters_from_the_checkboxes(member_client):
    a, b = factories.ToolFactory(), factories.ToolFactory()
    response = member_client.get(COMPARE, {"tools": [a.slug, b.slug]})
    assert response.status_code == 200
    assert len(response.context["tools"]) == 2


@pytest.mark.parametrize(("count", "message"), [(1, "at least two"), (5, "up to 4")])
def test_compare_needs_two_to_four_tools(member_client, count, message):
    slugs = [factories.ToolFactory().slug for _ in range(count)]
    response = member_client.get(COMPARE, {"tools": ",".join(slugs)})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_compare_reports_unknown_and_unpublished_tools(member_client):
    a = factories.ToolFactory()
    draft = factories.ToolFactory(status=Tool.Status.DRAFT)
    response = member_client.get(COMPARE, {"tools": f"{a.slug},{draft.slug},nope"})
    assert response.status_code == 400
    body = response.content.decode()
    assert draft.slug in body and "nope" in body
    assert draft.name not in body.split("There is a problem")[1].split("</ul>")[1]


def test_compare_without_tools_explains_itself(member_client):
    response = member_client.get(COMPARE)
    assert response.status_code == 200
    assert "Tick two to four tools" in response.content.decode()


def test_compare_is_for_members_only(client):
    assert client.get(COMPARE).status_code == 302


def test_review_counts_stay_in_step(member):
    tool = factories.ToolFactory()
    review = factories.ToolReviewFactory(tool=tool, status=ToolReview.Status.PUBLISHED, rating=3)
    tool.refresh_rating()
    tool.refresh_from_db()
    assert (tool.rating_count, float(tool.rating_average)) == (1, 3.0)
    review.delete()
    tool.refresh_rating()
    tool.refresh_from_db()
    assert (tool.rating_count, tool.rating_average) == (0, None)
