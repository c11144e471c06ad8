"""The demo wellbeing content in the six languages (issue 21).

Each module here (`fr`, `es`, `ru`, `ar`, `zh_hans`) gives every demo resource's title, summary
and body by slug, and what the demo support services' texts say: the fictional-service notice
(their description), the "(fictional)" mark in how to reach them, and their hours. A service's
name is the name it calls itself by and stays as it is. These translations were not written by
professional translators (see the README).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from hub.content_languages import set_texts
from hub.demo_translations import LANGUAGE_ORDER
from wellbeing.models import Resource, SupportService

if TYPE_CHECKING:
    from types import ModuleType

MODULES: dict[str, ModuleType] = {
    language: import_module(f"wellbeing.demo_i18n.{language.replace('-', '_')}")
    for language in LANGUAGE_ORDER
}


def _resource_texts(slug: str) -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {"title": {}, "summary": {}, "body": {}}
    for language, module in MODULES.items():
        title, summary, body = module.RESOURCES[slug]
        texts["title"][language] = title
        texts["summary"][language] = summary
        texts["body"][language] = body
    return texts


def _service_texts(service: SupportService, fictional: str) -> dict[str, dict[str, str]]:
    texts: dict[str, dict[str, str]] = {"description": {}, "how_to_reach": {}, "hours": {}}
    # The per-language columns are added by modeltranslation, unseen by the type checker.
    english = {field: str(getattr(service, f"{field}_en")) for field in texts}
    for language, module in MODULES.items():
        if english["description"] == fictional:
            texts["description"][language] = module.FICTIONAL
        texts["how_to_reach"][language] = english["how_to_reach"].replace(
            "(fictional)", module.FICTIONAL_MARK
        )
        if english["hours"] in module.HOURS:
            texts["hours"][language] = module.HOURS[english["hours"]]
    return texts


def apply(fictional: str, service_names: list[str]) -> int:
    """Give the demo resources and services their other five languages; returns how many."""
    done = 0
    for resource in Resource.objects.filter(slug__in=list(MODULES["fr"].RESOURCES)):
        set_texts(resource, _resource_texts(resource.slug))
        resource.save()
        done += 1
    for service in SupportService.objects.filter(name__in=service_names):
        set_texts(service, _service_texts(service, fictional))
        service.save()
        done += 1
    return done
