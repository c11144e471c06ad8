"""The admin holds the forum categories only, for curators.

Conversations, messages, contact requests, blocks and follows are members' private data
(`PRIVATE = True`): no admin page, no role's permission. Reports and moderation live on the
moderators' own pages, which show the reported message to moderators alone.
"""

from django.contrib import admin

from community.models import ForumCategory
from hub.admin_history import HistoryAdmin


@admin.register(ForumCategory)
class ForumCategoryAdmin(HistoryAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
