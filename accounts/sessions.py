"""Ending people's sessions: on suspension, on a factor reset, or at their own request."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.usersessions.models import UserSession

if TYPE_CHECKING:
    from accounts.models import User


def end_all_sessions(user: User, *, keep_session_key: str | None = None) -> int:
    """End every session of `user` (except `keep_session_key`); return how many ended."""
    ended = 0
    for session in UserSession.objects.purge_and_list(user):
        if session.session_key != keep_session_key:
            session.end()
            ended += 1
    return ended
