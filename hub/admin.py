from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import admin

from hub.models import AuditEvent

if TYPE_CHECKING:
    from django.db.models import Model
    from django.http import HttpRequest


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log, read-only: administrators (view permission) may read it; nobody edits it."""

    list_display = ["created_at", "action", "actor_email", "target", "ip_address"]
    list_filter = ["action"]
    search_fields = ["actor_email", "target", "action"]
    date_hierarchy = "created_at"
    list_select_related = False
    actions = None
    fields = (
        "created_at",
        "action",
        "actor",
        "actor_email",
        "target",
        "ip_address",
        "user_agent",
        "details",
    )
    readonly_fields = fields
    raw_id_fields = ["actor"]

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
