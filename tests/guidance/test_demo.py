"""The demo content guidance and wellbeing add to `seed_demo`."""

import pytest

from guidance import demo as guidance_demo
from guidance.models import Article, Category, LearningPath
from tests import factories
from wellbeing import demo as wellbeing_demo
from wellbeing.models import Resource, SupportService

pytestmark = pytest.mark.django_db


def test_guidance_demo_covers_every_category_and_links_tools():
    tool = factories.ToolFactory()
    guidance_demo.seed()
    guidance_demo.seed()  # idempotent
    assert Category.objects.count() == 5
    for category in Category.objects.all():
        assert category.articles.published().exists(), category
    assert LearningPath.objects.published().count() == 2
    assert all(path.steps.count() >= 4 for path in LearningPath.objects.all())
    assert Article.objects.filter(related_tools=tool).exists()
    assert Article.objects.filter(content_warning=True).exists()


def test_wellbeing_demo_has_resources_and_fictional_services_in_several_countries():
    wellbeing_demo.seed()
    wellbeing_demo.seed()  # idempotent
    assert Resource.objects.published().filter(kind=Resource.Kind.EXERCISE).count() >= 3
    assert Resource.objects.published().filter(kind=Resource.Kind.ARTICLE).count() >= 3
    assert len(SupportService.objects.listed().countries()) >= 5
    assert SupportService.objects.filter(country="").exists()
    assert all("ictional" in s.description for s in SupportService.objects.all())
