"""The notification centre: a member's own notifications, newest first, and their preferences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from hub import clock
from hub.audit import record
from hub.redirects import safe_path
from notifications.forms import PreferencesForm
from notifications.models import Notification

if TYPE_CHECKING:
    import uuid

    from django.http import HttpResponse

    from accounts.http import MemberRequest


PAGE_SIZE = 20


@require_safe
def index(request: MemberRequest) -> HttpResponse:
    notifications = Notification.objects.owned_by(request.user).only(
        "public_id", "subject", "url", "created_at", "read_at"
    )
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/index.html", {"page": page})


@require_POST
def read(request: MemberRequest, public_id: uuid.UUID) -> HttpResponse:
    """Mark one notification read, then follow its link when that stays on the hub."""
    notification = get_object_or_404(
        Notification.objects.owned_by(request.user), public_id=public_id
    )
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=clock.now()
        )
    return redirect(safe_path(request, notification.url) or "notifications:index")


@require_POST
def read_all(request: MemberRequest) -> HttpResponse:
    count = Notification.objects.owned_by(request.user).unread().update(read_at=clock.now())
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:index")


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request: MemberRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        turned_off = form.save()
        record("notifications.preferences_changed", request=request, email_off=turned_off)
        messages.success(request, _("Your email preferences are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
