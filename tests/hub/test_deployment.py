"""docker-compose.yml cannot be started here (no Docker engine): check what it declares."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
APP_SERVICES = ("migrate", "web", "worker", "beat")


def test_the_topology_has_every_service():
    assert set(SERVICES) == {"db", "redis", "migrate", "web", "worker", "beat", "proxy"}
    assert SERVICES["db"]["image"] == "postgres:16"
    assert SERVICES["redis"]["image"].startswith("redis:")


def test_app_services_share_one_image_and_environment():
    app_services = [SERVICES[name] for name in APP_SERVICES]
    assert all(s["build"] == "." for s in app_services)
    environments = [s["environment"] for s in app_services]
    assert all(env == environments[0] for env in environments)
    env = environments[0]
    assert env["DEBUG"] == "false"
    # The password is a secret file, not part of the URL.
    assert env["DATABASE_URL"] == "postgres://hub@db:5432/hub"
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    assert "ALLOWED_HOSTS" in env


def test_commands():
    web = " ".join(SERVICES["web"]["command"])
    # Migrations run in the one-shot `migrate` service only: replicas migrating at start race.
    assert "migrate" not in web
    assert web.startswith("gunicorn ") and web.endswith(" hub.wsgi:application")
    assert SERVICES["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert SERVICES["migrate"]["restart"] == "no"
    assert not any(
        "migrate" in " ".join(SERVICES[name]["command"]) for name in ("web", "worker", "beat")
    )
    assert SERVICES["worker"]["command"][:4] == ["celery", "-A", "hub", "worker"]
    assert SERVICES["beat"]["command"][:4] == ["celery", "-A", "hub", "beat"]
    assert SERVICES["beat"]["deploy"]["replicas"] == 1


def test_web_is_health_checked_on_healthz_and_waits_for_its_dependencies():
    assert "/healthz" in " ".join(SERVICES["web"]["healthcheck"]["test"])
    for name in ("web", "worker", "beat"):
        depends = SERVICES[name]["depends_on"]
        assert depends["db"]["condition"] == "service_healthy"
        assert depends["redis"]["condition"] == "service_healthy"
        assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert SERVICES["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"


def test_the_dockerfile_installs_from_the_lock_and_runs_unprivileged():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install -c requirements.lock" in dockerfile
    assert "USER hub" in dockerfile
    assert "collectstatic" in dockerfile


def test_only_the_proxy_takes_host_ports():
    assert [name for name, service in SERVICES.items() if "ports" in service] == ["proxy"]
    assert {"80:80", "443:443"} <= set(SERVICES["proxy"]["ports"])
    assert SERVICES["proxy"]["image"].startswith("caddy:")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in SERVICES["proxy"]["volumes"]


def test_the_proxy_sends_what_the_hub_expects():
    lines = (ROOT / "deploy" / "Caddyfile").read_text().splitlines()
    caddyfile = "\n".join(line for line in lines if not line.strip().startswith("#"))
    assert "{$HUB_DOMAIN}" in caddyfile
    assert "header_up X-Forwarded-Proto {scheme}" in caddyfile
    # Trusting a client's X-Forwarded-* would let anyone claim HTTPS or an address.
    assert "trusted_proxies" not in caddyfile
    assert SERVICES["web"]["environment"]["TRUST_X_FORWARDED_PROTO"] == "true"
    assert "name web" in caddyfile and "port 8000" in caddyfile


def test_worker_and_beat_are_health_checked():
    worker = " ".join(SERVICES["worker"]["healthcheck"]["test"])
    assert "celery -A hub inspect ping" in worker and "celery@$$HOSTNAME" in worker
    assert SERVICES["beat"]["healthcheck"]["test"] == ["CMD", "python", "-m", "hub.beat_health"]


def _seconds(duration: str) -> int:
    assert duration.endswith("s"), duration
    return int(duration[:-1])


def test_app_services_stop_gracefully_and_have_limits():
    email_timeout = int(SERVICES["web"]["environment"]["EMAIL_TIMEOUT"])
    for name, service in SERVICES.items():
        limits = service["deploy"]["resources"]["limits"]
        assert limits["cpus"] and limits["memory"], name
    for name in APP_SERVICES:
        assert _seconds(SERVICES[name]["stop_grace_period"]) > email_timeout, name


def test_secrets_come_from_files_never_plain_environment():
    env = SERVICES["web"]["environment"]
    for secret in ("SECRET_KEY", "DATABASE_PASSWORD", "EMAIL_HOST_PASSWORD", "METRICS_TOKEN"):
        assert secret not in env
        assert env[f"{secret}_FILE"].startswith("/run/secrets/")
    assert "POSTGRES_PASSWORD" not in SERVICES["db"]["environment"]
    assert (
        SERVICES["db"]["environment"]["POSTGRES_PASSWORD_FILE"] == "/run/secrets/postgres_password"
    )
    declared = set(COMPOSE["secrets"])
    for name in APP_SERVICES:
        assert set(SERVICES[name]["secrets"]) == declared
        assert {f"/run/secrets/{s}" for s in declared} == {
            v for k, v in SERVICES[name]["environment"].items() if k.endswith("_FILE")
        } | {SERVICES["db"]["environment"]["POSTGRES_PASSWORD_FILE"]}
    assert all(path["file"].startswith("./secrets/") for path in COMPOSE["secrets"].values())
    assert "secrets/" in (ROOT / ".gitignore").read_text().split()


def test_secrets_and_local_state_stay_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {"secrets/", ".env", ".venv/", "var/", ".git/"} <= set(ignored)


def test_web_runs_gunicorn_with_the_hubs_config_and_workers_serve_metrics():
    assert SERVICES["web"]["command"] == [
        "gunicorn",
        "--config",
        "deploy/gunicorn.conf.py",
        "hub.wsgi:application",
    ]
    env = SERVICES["worker"]["environment"]
    assert env["CELERY_METRICS_PORT"] == "9808" and env["PROMETHEUS_MULTIPROC_DIR"]
    assert "deploy/gunicorn.conf.py" in (ROOT / "Dockerfile").read_text()
