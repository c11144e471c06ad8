# The same outsiders as guidance's tests: another member, a curator, an administrator.
from tests.guidance.conftest import administrator_client, curator_client, other_client

__all__ = ["administrator_client", "curator_client", "other_client"]
