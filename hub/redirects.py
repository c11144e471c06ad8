"""The one check on where a `next` (or a stored link) may send someone."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def safe_path(request: HttpRequest, target: str | None) -> str | None:
    """`target` if it is a path on this site, else None.

    Only a path: another host is an open redirect, and `redirect()` takes anything that is not
    a URL for a view name (a NoReverseMatch, so a 500).
    """
    if (
        target
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return None
