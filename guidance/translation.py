"""Curated text per language (django-modeltranslation, issue 21): see hub/content_languages.py."""

from guidance import models
from hub.content_languages import register

register(models.Category, ["name", "description"])
register(models.Article, ["title", "summary", "body"])
register(models.LearningPath, ["title", "summary"])
