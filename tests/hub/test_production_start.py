"""Production refuses to start on what is only safe for one process on one machine."""

import pytest

from tests.production import manage_check, production_env


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"DATABASE_URL": "sqlite:////tmp/hub-production.sqlite3"}, "DATABASE_URL must point at"),
        ({"REDIS_URL": None}, "REDIS_URL is required when DEBUG is off"),
    ],
    ids=["sqlite", "no-redis"],
)
def test_production_refuses_to_start_without_shared_state(change, message):
    env = {name: value for name, value in (production_env() | change).items() if value}
    refused = manage_check(env)
    assert refused.returncode != 0
    assert message in refused.stderr
    assert "ALLOW_SINGLE_PROCESS=true" in refused.stderr

    started = manage_check(env | {"ALLOW_SINGLE_PROCESS": "true"})
    assert started.returncode == 0, started.stderr


def test_development_keeps_its_sqlite_default():
    env = production_env() | {"DEBUG": "true"}
    del env["DATABASE_URL"], env["REDIS_URL"]
    result = manage_check(env)
    assert result.returncode == 0, result.stderr
