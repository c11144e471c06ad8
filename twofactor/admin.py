from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from hub.admin_site import SecondFactorAdmin
from twofactor.models import BackupCodeDevice

# django-otp's own admin adds devices with a key of the administrator's choosing for anyone.
admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TOTPDeviceAdmin(SecondFactorAdmin):
    """Who has an authenticator app; never the key, never editable."""

    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    search_fields = ["user__email", "user__full_name"]
    list_select_related = ["user"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]


@admin.register(BackupCodeDevice)
class BackupCodeDeviceAdmin(SecondFactorAdmin):
    """Shows who has backup codes and how many are left; never the hashes, never editable.

    Resetting a member's factors is a vetting officer's audited action, not an admin edit.
    """

    list_display = ["user", "remaining_codes", "created_at", "last_used_at"]
    search_fields = ["user__email", "user__full_name"]
    fields = ["user", "name", "remaining_codes", "created_at", "last_used_at"]

    @admin.display(description=_("unused codes"))
    def remaining_codes(self, obj: BackupCodeDevice) -> int:
        return obj.remaining()
