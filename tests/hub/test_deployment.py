"""docker-compose.yml cannot be started here (no Docker engine): check what it declares."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def test_the_topology_has_every_service():
    assert set(SERVICES) == {"db", "redis", "web", "worker", "beat"}
    assert SERVICES["db"]["image"] == "postgres:16"
    assert SERVICES["redis"]["image"].startswith("redis:")


def test_app_services_share_one_image_and_environment():
    app_services = [SERVICES[name] for name in ("web", "worker", "beat")]
    assert all(s["build"] == "." for s in app_services)
    environments = [s["environment"] for s in app_services]
    assert environments[0] == environments[1] == environments[2]
    env = environments[0]
    assert env["DEBUG"] == "false"
    assert env["DATABASE_URL"].startswith("postgres://hub:")
    assert env["DATABASE_URL"].endswith("@db:5432/hub")
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    assert "SECRET_KEY" in env and "ALLOWED_HOSTS" in env


def test_commands():
    web = " ".join(SERVICES["web"]["command"])
    assert "migrate --noinput" in web and "gunicorn hub.wsgi:application" in web
    assert SERVICES["worker"]["command"][:4] == ["celery", "-A", "hub", "worker"]
    assert SERVICES["beat"]["command"][:4] == ["celery", "-A", "hub", "beat"]
    assert SERVICES["beat"]["deploy"]["replicas"] == 1


def test_web_is_health_checked_on_healthz_and_waits_for_its_dependencies():
    assert "/healthz" in " ".join(SERVICES["web"]["healthcheck"]["test"])
    for name in ("web", "worker", "beat"):
        depends = SERVICES[name]["depends_on"]
        assert depends["db"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"


def test_the_dockerfile_installs_from_the_lock_and_runs_unprivileged():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install -c requirements.lock" in dockerfile
    assert "USER hub" in dockerfile
    assert "collectstatic" in dockerfile
