"""django-simple-history's admin, with ids that do not convert answered by 404.

`SimpleHistoryAdmin.history_view` looks the object up with the id from the URL as it is: an
id that is not a number (`/admin/catalog/tool/sample/history/`) raises ValueError in the
query, a 500. The admin's own views answer such ids with 404; so do these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from simple_history.admin import SimpleHistoryAdmin

if TYPE_CHECKING:
    from typing import Any

    from django.db import models
    from django.http import HttpRequest, HttpResponse


def _convert_or_404(field: models.Field, value: str) -> None:
    try:
        field.to_python(unquote(value))
    except (ValidationError, ValueError, TypeError) as error:
        raise Http404 from error


class HistoryAdmin(SimpleHistoryAdmin):
    """Use instead of `SimpleHistoryAdmin`: bad ids in the history URLs are 404, never 500."""

    def history_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        _convert_or_404(self.model._meta.pk, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(
        self,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        _convert_or_404(self.model._meta.pk, object_id)
        history_model = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        _convert_or_404(history_model.model._meta.pk, version_id)
        return super().history_form_view(request, object_id, version_id, extra_context)
