"""Curators keep guidance here, with history. Assessments and learning progress are private
to their owners and deliberately have no admin page."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from guidance.models import Article, Category, LearningPath, PathStep
from hub.admin_history import HistoryAdmin


@admin.register(Category)
class CategoryAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Article)
class ArticleAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["title", "category", "status", "content_warning", "reviewed_on", "updated_at"]
    list_filter = ["status", "category", "content_warning"]
    list_select_related = ["category"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["related_tools"]
    date_hierarchy = "updated_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "category", "summary", "body"]}),
        (None, {"fields": ["status", "reviewed_on", "content_warning", "related_tools"]}),
    ]


class PathStepInline(admin.TabularInline):
    model = PathStep
    extra = 1
    ordering = ["position"]
    raw_id_fields = ["article"]


@admin.register(LearningPath)
class LearningPathAdmin(TranslationAdmin, HistoryAdmin):
    list_display = ["title", "status"]
    list_filter = ["status"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [PathStepInline]
