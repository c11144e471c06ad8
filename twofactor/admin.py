from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from twofactor.models import BackupCodeDevice


@admin.register(BackupCodeDevice)
class BackupCodeDeviceAdmin(admin.ModelAdmin):
    """Shows who has backup codes and how many are left; never the hashes, never editable.

    Resetting a member's factors is a vetting officer's audited action, not an admin edit.
    """

    list_display = ["user", "remaining_codes", "created_at", "last_used_at"]
    search_fields = ["user__email", "user__full_name"]
    fields = ["user", "name", "remaining_codes", "created_at", "last_used_at"]
    readonly_fields = fields

    @admin.display(description=_("unused codes"))
    def remaining_codes(self, obj: BackupCodeDevice) -> int:
        return obj.remaining()

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
