"""Responsible-use assessments: private to their owner, drafted, finished and printed."""

import uuid

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils.html import escape

from guidance.models import QUESTIONS, Assessment
from tests import factories
from tests.guidance.conftest import queries_for

pytestmark = pytest.mark.django_db


def answers(**overrides):
    data = {question.field: f"My answer on {question.field}." for question in QUESTIONS}
    data.update(overrides)
    return data


@pytest.fixture
def assessment(member):
    return factories.AssessmentFactory(owner=member, tool_name="Hashmatch Pro")


class TestStart:
    def test_started_from_a_tool_page_the_tool_is_chosen(self, member_client):
        tool = factories.ToolFactory(name="Hashmatch Pro", slug="hashmatch-pro")
        response = member_client.get(reverse("guidance:assessment_start"), {"tool": tool.slug})
        assert response.status_code == 200
        assert '<option value="hashmatch-pro" selected>' in response.text

    def test_an_unknown_tool_is_explained(self, member_client):
        response = member_client.get(reverse("guidance:assessment_start"), {"tool": "nope"})
        assert response.status_code == 200
        assert "could not find that tool" in response.text

    def test_starting_creates_a_private_draft(self, member_client, member):
        tool = factories.ToolFactory(name="Hashmatch Pro")
        response = member_client.post(reverse("guidance:assessment_start"), {"tool": tool.slug})
        started = Assessment.objects.get()
        assert response["Location"] == started.get_absolute_url()
        assert (started.owner, started.tool, started.tool_name) == (member, tool, tool.name)
        assert started.state == Assessment.State.DRAFT

    def test_a_tool_outside_the_catalogue_can_be_named(self, member_client):
        member_client.post(reverse("guidance:assessment_start"), {"tool_name": " Toolkit X "})
        assert Assessment.objects.get().tool_name == "Toolkit X"

    def test_no_tool_at_all_is_a_clear_error(self, member_client):
        response = member_client.post(reverse("guidance:assessment_start"), {})
        assert response.status_code == 200
        assert "There is a problem" in response.text
        assert not Assessment.objects.exists()

    def test_an_unpublished_tool_cannot_be_chosen(self, member_client):
        draft = factories.ToolFactory(status="draft")
        response = member_client.post(reverse("guidance:assessment_start"), {"tool": draft.slug})
        assert response.status_code == 200
        assert not Assessment.objects.exists()


class TestEdit:
    def test_a_draft_may_have_gaps(self, member_client, assessment):
        response = member_client.post(
            assessment.get_absolute_url(), {"purpose": "Triage of seized media", "action": "save"}
        )
        assert response.status_code == 302
        assessment.refresh_from_db()
        assert assessment.purpose == "Triage of seized media"
        assert assessment.state == Assessment.State.DRAFT

    def test_finishing_needs_every_answer_and_loses_nothing(self, member_client, assessment):
        response = member_client.post(
            assessment.get_absolute_url(),
            answers(security="", action="finish"),
        )
        assert response.status_code == 200
        assert "Answer this question before you finish" in response.text
        # What was typed is still in the form, and nothing half-finished was saved.
        assert "My answer on purpose." in response.text
        assessment.refresh_from_db()
        assert assessment.state == Assessment.State.DRAFT
        assert assessment.purpose == ""

    def test_finishing(self, member_client, assessment):
        response = member_client.post(assessment.get_absolute_url(), answers(action="finish"))
        assert response.status_code == 302
        assessment.refresh_from_db()
        assert assessment.state == Assessment.State.FINISHED
        assert assessment.finished_at is not None
        assert assessment.wellbeing_impact == "My answer on wellbeing_impact."

    def test_the_page_shows_guidance_beside_each_question(self, member_client, assessment):
        response = member_client.get(assessment.get_absolute_url())
        for question in QUESTIONS:
            assert escape(str(question.guidance)) in response.text
        assert response.text.count('class="button"') == 1

    def test_print_is_a_clean_document(self, member_client, assessment):
        member_client.post(assessment.get_absolute_url(), answers(action="finish"))
        response = member_client.get(reverse("guidance:assessment_print", args=[assessment.pk]))
        assert response.status_code == 200
        assert "css/assessment-print" in response.text
        assert 'media="print"' in response.text
        assert "My answer on legal_basis." in response.text
        assert "Hashmatch Pro" in response.text

    def test_the_list_shows_only_ones_own(self, member_client, assessment):
        factories.AssessmentFactory(tool_name="Someone else's tool")
        response = member_client.get(reverse("guidance:assessments"))
        assert "Hashmatch Pro" in response.text
        assert "Someone else" not in response.text


@pytest.mark.parametrize(
    "name", ["guidance:assessment", "guidance:assessment_print", "guidance:assessment_delete"]
)
@pytest.mark.parametrize("who", ["other_client", "curator_client", "administrator_client"])
def test_nobody_else_can_read_an_assessment(request, assessment, name, who):
    outsider = request.getfixturevalue(who)
    url = reverse(name, args=[assessment.pk])
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, answers(action="finish")).status_code in (404, 405)
    assessment.refresh_from_db()
    assert assessment.purpose == ""


def test_the_owner_deletes_an_assessment_after_confirming(member_client, assessment):
    url = reverse("guidance:assessment_delete", args=[assessment.pk])
    assert "Delete your assessment of Hashmatch Pro?" in member_client.get(url).text
    assert Assessment.objects.filter(pk=assessment.pk).exists()
    response = member_client.post(url)
    assert response["Location"] == reverse("guidance:assessments")
    assert not Assessment.objects.filter(pk=assessment.pk).exists()


def test_a_bad_uuid_is_404(member_client):
    assert member_client.get(reverse("guidance:assessment", args=[uuid.uuid4()])).status_code == 404
    assert member_client.get("/guidance/assessments/not-a-uuid/").status_code == 404


def test_anonymous_and_applicants_are_kept_out(client_factory, applicant_client, assessment):
    for url in (
        reverse("guidance:assessments"),
        reverse("guidance:assessment_start"),
        assessment.get_absolute_url(),
        reverse("guidance:assessment_print", args=[assessment.pk]),
    ):
        assert client_factory().get(url).status_code == 302
        assert applicant_client.get(url).status_code == 403


def test_private_models_have_no_admin_page(administrator_client):
    from guidance.models import LearningProgress

    for model in (Assessment, LearningProgress):
        assert model.PRIVATE is True
        assert not admin.site.is_registered(model)
    assert administrator_client.get("/admin/guidance/assessment/").status_code == 404


def test_the_assessments_list_query_count_stays_flat(
    member_client, member, django_assert_max_num_queries
):
    factories.AssessmentFactory(owner=member)
    few = queries_for(member_client, reverse("guidance:assessments"))
    factories.AssessmentFactory.create_batch(11, owner=member)
    assert queries_for(member_client, reverse("guidance:assessments")) == few
    with django_assert_max_num_queries(10):
        response = member_client.get(reverse("guidance:assessments"))
    assert len(response.context["assessments"]) == 12
