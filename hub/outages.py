"""What the hub does while a service it depends on is away.

PostgreSQL away: every page answers 503 with Retry-After (`hub.views.server_error`), logged as
a warning, not as a bug; requests recover by themselves once it is back (Django reconnects, and
`conn_health_checks` drops a dead persistent connection). Redis away: see `hub.cache`.
"""

import logging

from django.db import InterfaceError, OperationalError

# Seconds a visitor (or a client) is asked to wait when the database cannot be reached.
DATABASE_RETRY_AFTER = 60


def is_database_outage(exc: BaseException | None) -> bool:
    """Whether `exc` says the database cannot be reached (or dropped the connection)."""
    return isinstance(exc, OperationalError | InterfaceError)


class DatabaseOutageFilter(logging.Filter):
    """A request that failed because the database is away is an outage, not a bug.

    Django logs every 5xx on `django.request` at error level with its traceback; for the 503
    answered while PostgreSQL is unreachable this makes it one warning line, so an alert on
    errors keeps meaning "a bug".
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if getattr(record, "status_code", None) == 503 and is_database_outage(exc):
            summary = (str(exc).strip().splitlines() or [""])[0]
            answered = record.getMessage()
            record.msg = "Database unavailable, answered %s (%s: %s)"
            record.args = (answered, type(exc).__name__, summary)
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info = record.exc_text = None
        return True
