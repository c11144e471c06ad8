"""The kinds of visitor the security tests try every URL as.

Each persona is a function that makes a fresh person and signs them in on a test client.
Roles are the vetting app's (`accounts.roles.grant_role`): Django groups with permissions.
"""

from collections.abc import Callable

from accounts import roles
from accounts.models import ApplicationState
from hub import clock
from tests import factories
from tests.conftest import sign_in

# Persona users get an unusable password hash: hashing a real one costs ~0.1 s a user.
NO_PASSWORD = "!security-persona"

VETTING_OFFICER = roles.VETTING_OFFICER
CURATOR = roles.CURATOR
ADMINISTRATOR = roles.ADMINISTRATOR
MODERATOR = roles.MODERATOR


def grant_role(user, role: str) -> None:
    roles.grant_role(user, role)
    # Permissions are cached on the user object.
    for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(cache, None)


def _member(**kwargs):
    return factories.MemberFactory(password=NO_PASSWORD, **kwargs)


def anonymous(client):
    return None


def unverified(client):
    user = _member()
    sign_in(client, user, verified=False)
    return user


def applicant(client):
    user = factories.UserFactory(password=NO_PASSWORD)
    sign_in(client, user)
    return user


def rejected(client):
    """Applied, and a vetting officer said no: still an account, never a member."""
    user = factories.UserFactory(password=NO_PASSWORD)
    factories.VettingApplicationFactory(
        applicant=user,
        state=ApplicationState.REJECTED,
        decided_at=clock.now(),
        decision_reason="Could not confirm the role with the agency.",
    )
    sign_in(client, user)
    return user


def suspended(client):
    user = factories.SuspendedMemberFactory(password=NO_PASSWORD)
    sign_in(client, user)
    return user


def expired(client):
    user = factories.ExpiredMemberFactory(password=NO_PASSWORD)
    sign_in(client, user)
    return user


def member(client):
    user = _member()
    sign_in(client, user)
    return user


def outdated_terms(client):
    """A member who accepted an earlier version of the terms of engagement than the current."""
    user = _member(terms_version="2000-01")
    sign_in(client, user)
    return user


def provider(client):
    """An approved technology provider (issue 23): a kind of account apart, never a member."""
    account = factories.ApprovedProviderAccountFactory(user__password=NO_PASSWORD)
    sign_in(client, account.user)
    return account.user


def provider_applicant(client):
    """A provider who applied and confirmed the email address; no curator has decided yet."""
    account = factories.ProviderAccountFactory(user__password=NO_PASSWORD)
    sign_in(client, account.user)
    return account.user


def _with_role(role: str) -> Callable:
    def make(client):
        user = _member()
        grant_role(user, role)
        sign_in(client, user)
        return user

    make.__name__ = role
    return make


PERSONAS: dict[str, Callable] = {
    "anonymous": anonymous,
    "unverified": unverified,
    "applicant": applicant,
    "rejected": rejected,
    "suspended": suspended,
    "expired": expired,
    "member": member,
    "outdated_terms": outdated_terms,
    VETTING_OFFICER: _with_role(VETTING_OFFICER),
    CURATOR: _with_role(CURATOR),
    ADMINISTRATOR: _with_role(ADMINISTRATOR),
    # Technology providers (issue 23)
    "provider": provider,
    "provider_applicant": provider_applicant,
    MODERATOR: _with_role(MODERATOR),  # Community (issue 22)
}
