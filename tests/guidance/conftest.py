import pytest
from django.contrib.auth.models import Permission

from tests import factories
from tests.conftest import sign_in


@pytest.fixture
def other_client(client_factory):
    """A second member, signed in on a browser of their own."""
    return sign_in(client_factory(), factories.MemberFactory())


@pytest.fixture
def curator_client(client_factory):
    """A member who curates: staff, with every permission of the content apps."""
    curator = factories.MemberFactory(is_staff=True)
    curator.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=["guidance", "wellbeing"])
    )
    return sign_in(client_factory(), curator)


@pytest.fixture
def administrator_client(client_factory):
    return sign_in(client_factory(), factories.MemberFactory(is_staff=True, is_superuser=True))


def queries_for(client, url: str, **params) -> int:
    """How many queries a page costs once the session's first-request bookkeeping is done."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, params)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params).status_code == 200
    return len(context)
