"""Every demo taxonomy term is named in the six languages."""

import pytest
from django.utils import translation

from catalog.demo import TAXONOMY
from guidance.demo import CATEGORIES
from hub import demo_translations
from tests.factories import CapabilityFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_every_demo_term_has_all_its_names() -> None:
    for model, names in TAXONOMY.items():
        table = demo_translations.TERM_NAMES[model._meta.label]
        assert set(names) == set(table), model
    assert {name for _slug, name in CATEGORIES} == set(demo_translations.CATEGORIES)
    for table in demo_translations.TERM_NAMES.values():
        for english, names in table.items():
            assert all(names), english


def test_apply_names_the_terms_in_every_language() -> None:
    capability = CapabilityFactory(name="Hash matching", slug="hash-matching")
    category = CategoryFactory(name="Data protection", slug="data-protection")
    assert "2 terms" in demo_translations.apply()
    capability.refresh_from_db()
    category.refresh_from_db()
    with translation.override("ar"):
        assert capability.name == "مطابقة البصمات الرقمية"
    with translation.override("zh-hans"):
        assert category.name == "数据保护"
    with translation.override("fr"):
        assert capability.name == "Correspondance d'empreintes"
    assert capability.name == "Hash matching"
