"""The demo guidance in the six languages (issue 21).

Each module here (`fr`, `es`, `ru`, `ar`, `zh_hans`) gives, by slug, the title, summary and body
(Markdown, its structure kept) of the ten most read demo articles and the title and summary of
every learning path. Category names are in hub/demo_translations.py. These translations were not
written by professional translators (see the README).
"""

from __future__ import annotations

from importlib import import_module

from guidance.models import Article, LearningPath
from hub.content_languages import set_texts
from hub.demo_translations import LANGUAGE_ORDER

_MODULES = {
    language: import_module(f"guidance.demo_i18n.{language.replace('-', '_')}")
    for language in LANGUAGE_ORDER
}
# slug → field → language → text
ARTICLES: dict[str, dict[str, dict[str, str]]] = {}
PATHS: dict[str, dict[str, dict[str, str]]] = {}
for _language, _module in _MODULES.items():
    for _slug, (_title, _summary, _body) in _module.ARTICLES.items():
        _texts = ARTICLES.setdefault(_slug, {"title": {}, "summary": {}, "body": {}})
        _texts["title"][_language] = _title
        _texts["summary"][_language] = _summary
        _texts["body"][_language] = _body
    for _slug, (_title, _summary) in _module.PATHS.items():
        _texts = PATHS.setdefault(_slug, {"title": {}, "summary": {}})
        _texts["title"][_language] = _title
        _texts["summary"][_language] = _summary


def apply() -> int:
    """Give the demo articles and paths found by slug their other five languages."""
    done = 0
    for model, table in ((Article, ARTICLES), (LearningPath, PATHS)):
        for item in model.objects.filter(slug__in=list(table)):
            set_texts(item, table[item.slug])
            item.save()
            done += 1
    return done
