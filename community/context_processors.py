from django.db.models import Sum
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from community.models import Participant


def unread(request: HttpRequest) -> dict:
    """`unread_messages`: unread community messages, one query, only if a template shows it.

    SimpleLazyObject computes it once per request, however often the page reads it.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active_member:
        return {"unread_messages": 0}
    return {
        "unread_messages": SimpleLazyObject(
            lambda: (
                Participant.objects.filter(user=user, unread__gt=0).aggregate(total=Sum("unread"))[
                    "total"
                ]
                or 0
            )
        )
    }
