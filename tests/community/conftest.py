import pytest

from tests import factories
from tests.conftest import sign_in


@pytest.fixture
def browse(client_factory):
    """A signed-in member's browser: browse(user) -> a test client."""

    def browse(user=None):
        return sign_in(client_factory(), user or factories.MemberFactory(password="!"))

    return browse
