"""Learning paths and each member's own progress through them."""

import pytest
from django.urls import reverse

from guidance.models import LearningProgress
from tests import factories
from tests.guidance.conftest import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def learning_path():
    path = factories.LearningPathFactory(title="Getting started")
    for position in range(1, 4):
        factories.PathStepFactory(path=path, position=position, article__title=f"Step {position}")
    return path


def mark(client, article, done=True, next_url=""):
    data = {"done": "on"} if done else {}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("guidance:article_done", args=[article.slug]), data)


def test_a_path_lists_its_articles_in_order(member_client, learning_path):
    response = member_client.get(learning_path.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert text.index("Step 1") < text.index("Step 2") < text.index("Step 3")
    assert "You have read 0 of 3 articles." in text


def test_marking_articles_read_moves_progress_for_that_member_only(
    member_client, other_client, learning_path, member
):
    first = learning_path.steps.get(position=1).article
    response = mark(member_client, first, next_url=learning_path.get_absolute_url())
    assert response.status_code == 302
    assert response["Location"] == learning_path.get_absolute_url()
    assert "You have read 1 of 3 articles." in member_client.get(response["Location"]).text
    assert "You have read 0 of 3 articles." in other_client.get(response["Location"]).text
    paths = member_client.get(reverse("guidance:paths")).context["paths"]
    assert [(p.step_count, p.done_count) for p in paths] == [(3, 1)]
    paths = other_client.get(reverse("guidance:paths")).context["paths"]
    assert [(p.step_count, p.done_count) for p in paths] == [(3, 0)]


def test_marking_twice_is_harmless_and_unmarking_undoes(member_client, learning_path, member):
    article = learning_path.steps.get(position=2).article
    mark(member_client, article)
    mark(member_client, article)
    assert LearningProgress.objects.filter(owner=member).count() == 1
    mark(member_client, article, done=False)
    assert not LearningProgress.objects.filter(owner=member).exists()


def test_an_offsite_next_is_ignored(member_client, learning_path):
    article = learning_path.steps.get(position=1).article
    response = mark(member_client, article, next_url="https://evil.example.com/")
    assert response["Location"] == article.get_absolute_url()


def test_article_done_needs_post_and_a_published_article(member_client):
    article = factories.ArticleFactory()
    url = reverse("guidance:article_done", args=[article.slug])
    assert member_client.get(url).status_code == 405
    draft = factories.ArticleFactory(status="draft")
    assert mark(member_client, draft).status_code == 404


def test_draft_articles_do_not_count_in_progress(member_client, learning_path):
    factories.PathStepFactory(path=learning_path, position=9, article__status="draft")
    response = member_client.get(learning_path.get_absolute_url())
    assert "You have read 0 of 3 articles." in response.text


def test_draft_and_unknown_paths_are_404(member_client):
    draft = factories.LearningPathFactory(status="draft")
    assert member_client.get(draft.get_absolute_url()).status_code == 404
    assert member_client.get("/guidance/paths/nope/").status_code == 404


def test_anonymous_and_applicants_are_kept_out(client_factory, applicant_client, learning_path):
    for url in (reverse("guidance:paths"), learning_path.get_absolute_url()):
        assert client_factory().get(url).status_code == 302
        assert applicant_client.get(url).status_code == 403


def test_the_paths_page_query_count_stays_flat(member_client, django_assert_max_num_queries):
    factories.PathStepFactory()
    few = queries_for(member_client, reverse("guidance:paths"))
    for _ in range(6):
        path = factories.LearningPathFactory()
        factories.PathStepFactory.create_batch(4, path=path)
    assert queries_for(member_client, reverse("guidance:paths")) == few
    with django_assert_max_num_queries(10):
        response = member_client.get(reverse("guidance:paths"))
    assert len(response.context["paths"]) == 7


def test_a_path_page_query_count_stays_flat(
    member_client, learning_path, django_assert_max_num_queries
):
    few = queries_for(member_client, learning_path.get_absolute_url())
    factories.PathStepFactory.create_batch(10, path=learning_path)
    assert queries_for(member_client, learning_path.get_absolute_url()) == few
    with django_assert_max_num_queries(12):
        response = member_client.get(learning_path.get_absolute_url())
    assert len(response.context["steps"]) == 13
