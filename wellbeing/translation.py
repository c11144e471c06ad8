"""Curated text per language (django-modeltranslation, issue 21): see hub/content_languages.py."""

from hub.content_languages import register
from wellbeing import models

register(models.Resource, ["title", "summary", "body"])
# A service keeps the name it calls itself by; what it does and how to reach it are read.
register(models.SupportService, ["description", "how_to_reach", "hours"])
