"""Curated text per language (django-modeltranslation, issue 21): see hub/content_languages.py.

Tool names are product names and stay one; the search vector holds every language's text, each
stemmed by its own configuration (catalog/search.py).
"""

from catalog import models
from hub.content_languages import register

for term in (
    models.Capability,
    models.InvestigationStage,
    models.DataType,
    models.Deployment,
    models.Licence,
    models.Language,
    models.Platform,
    models.Country,
):
    register(term, ["name", "description"])
register(models.Tool, ["summary", "description", "data_protection_notes", "human_rights_notes"])
