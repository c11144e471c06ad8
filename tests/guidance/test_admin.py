"""Curated guidance and wellbeing content in the admin, with history."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

CURATED = [
    "guidance_category",
    "guidance_article",
    "guidance_learningpath",
    "wellbeing_resource",
    "wellbeing_supportservice",
]


@pytest.mark.parametrize("name", CURATED)
def test_curators_see_the_curated_lists(curator_client, name):
    assert curator_client.get(reverse(f"admin:{name}_changelist")).status_code == 200
    assert curator_client.get(reverse(f"admin:{name}_add")).status_code == 200


def test_every_change_to_an_article_has_history(curator_client):
    article = factories.ArticleFactory(title="First title")
    article.title = "Second title"
    article.save()
    assert [h.title for h in article.history.order_by("history_date")] == [
        "First title",
        "Second title",
    ]
    response = curator_client.get(reverse("admin:guidance_article_history", args=[article.pk]))
    assert response.status_code == 200
    assert "Second title" in response.text


def test_support_services_keep_history():
    service = factories.SupportServiceFactory(hours="9-5")
    service.hours = "24 hours"
    service.save()
    assert service.history.count() == 2
