"""Curators keep wellbeing resources and the support directory here, with history.
Self-checks and preferences are private to their owners and deliberately have no admin page."""

from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin

from hub.admin_history import HistoryAdmin
from wellbeing.models import Resource, SupportService


@admin.register(Resource)
class ResourceAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["title", "kind", "area", "is_published", "content_warning", "updated_at"]
    list_filter = ["kind", "area", "is_published", "content_warning"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(SupportService)
class SupportServiceAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["name", "country", "kind", "is_listed"]
    list_filter = ["kind", "is_listed", "country"]
    search_fields = ["name", "country", "description"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
