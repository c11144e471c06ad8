"""deploy/kubernetes/ cannot be applied here (no cluster): validate it offline, and its invariants.

Every manifest is checked against the Kubernetes schemas that `kubernetes-validate` ships
(strict: an unknown or misspelt field fails), then for what the hub needs: migrations only in
the Job, exactly one beat that never overlaps itself, probes on the split health endpoints,
resources and non-root security everywhere, secrets as files.
"""

from pathlib import Path
from urllib.parse import urlsplit

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
KUBE = ROOT / "deploy" / "kubernetes"
BASE = KUBE / "base"
KUSTOMIZATION = yaml.safe_load((BASE / "kustomization.yaml").read_text())
FILES = [BASE / name for name in KUSTOMIZATION["resources"]]
RESOURCES = [doc for path in FILES for doc in yaml.safe_load_all(path.read_text()) if doc]
VERSION = kubernetes_validate.latest_version()


def _kind(kind: str) -> list[dict]:
    return [r for r in RESOURCES if r["kind"] == kind]


def _named(kind: str, name: str) -> dict:
    (resource,) = [r for r in _kind(kind) if r["metadata"]["name"] == name]
    return resource


def _pod_specs() -> dict[str, dict]:
    workloads = _kind("Deployment") + _kind("Job")
    return {w["metadata"]["name"]: w["spec"]["template"]["spec"] for w in workloads}


def _containers(pod: dict) -> list[dict]:
    return pod.get("initContainers", []) + pod["containers"]


def test_the_kustomization_lists_every_manifest_and_nothing_else():
    on_disk = {p.name for p in BASE.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(KUSTOMIZATION["resources"]) == on_disk
    overlay_file = KUBE / "overlays" / "example" / "kustomization.yaml"
    overlay = yaml.safe_load(overlay_file.read_text())
    assert all((overlay_file.parent / r).resolve().is_dir() for r in overlay["resources"])


@pytest.mark.parametrize(
    "resource", RESOURCES, ids=lambda r: f"{r['kind']}/{r['metadata']['name']}"
)
def test_every_manifest_is_valid_against_the_kubernetes_schema(resource):
    kubernetes_validate.validate(resource, VERSION, strict=True)


def test_the_schema_check_catches_a_misspelt_field():
    broken = yaml.safe_load((BASE / "beat.yaml").read_text())
    broken["spec"]["replica"] = 1
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSION, strict=True)


def test_there_is_exactly_one_beat_and_it_never_overlaps():
    beat = _named("Deployment", "hub-beat")
    assert beat["spec"]["replicas"] == 1
    assert beat["spec"]["strategy"]["type"] == "Recreate"
    assert not [
        h
        for h in _kind("HorizontalPodAutoscaler")
        if h["spec"]["scaleTargetRef"]["name"] == "hub-beat"
    ]
    beats = [c for pod in _pod_specs().values() for c in _containers(pod) if "beat" in c["command"]]
    assert len(beats) == 1


def test_migrations_run_only_in_the_job():
    job = _named("Job", "hub-migrate")
    assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"
    migrating = {
        name
        for name, pod in _pod_specs().items()
        for c in _containers(pod)
        if "migrate" in " ".join(c["command"]) and "--check" not in " ".join(c["command"])
    }
    assert migrating == {"hub-migrate"}
    # Web pods wait for the Job without applying anything themselves.
    (init,) = _pod_specs()["hub-web"]["initContainers"]
    assert "migrate --check" in " ".join(init["command"])


def test_web_is_replicated_kept_up_and_scaled():
    web = _named("Deployment", "hub-web")
    assert web["spec"]["replicas"] >= 2
    assert web["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    pdb = _named("PodDisruptionBudget", "hub-web")
    assert pdb["spec"]["selector"]["matchLabels"] == web["spec"]["selector"]["matchLabels"]
    hpa = _named("HorizontalPodAutoscaler", "hub-web")
    assert hpa["spec"]["scaleTargetRef"] == {
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "name": "hub-web",
    }
    assert hpa["spec"]["minReplicas"] >= 2
    service = _named("Service", "hub-web")
    assert service["spec"]["selector"] == web["spec"]["selector"]["matchLabels"]
    backend = _named("Ingress", "hub")["spec"]["rules"][0]["http"]["paths"][0]["backend"]
    assert backend["service"]["name"] == "hub-web"
    assert _named("Ingress", "hub")["spec"]["tls"]


def test_probes_ask_the_split_health_endpoints():
    (web,) = _pod_specs()["hub-web"]["containers"]
    assert web["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert web["startupProbe"]["httpGet"]["path"] == "/healthz"
    # Readiness details answer localhost only: asked from inside the pod.
    assert "http://127.0.0.1:8000/healthz/ready" in " ".join(
        web["readinessProbe"]["exec"]["command"]
    )
    headers = {h["name"]: h["value"] for h in web["livenessProbe"]["httpGet"]["httpHeaders"]}
    config = _named("ConfigMap", "hub-config")["data"]
    assert headers == {"Host": config["ALLOWED_HOSTS"].split(",")[0], "X-Forwarded-Proto": "https"}
    (worker,) = _pod_specs()["hub-worker"]["containers"]
    assert "celery -A hub inspect ping" in " ".join(worker["livenessProbe"]["exec"]["command"])
    (beat,) = _pod_specs()["hub-beat"]["containers"]
    assert beat["livenessProbe"]["exec"]["command"] == ["python", "-m", "hub.beat_health"]


def test_every_container_has_resources_and_runs_unprivileged():
    for name, pod in _pod_specs().items():
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert pod["securityContext"]["runAsUser"] == 10001, name
        assert pod["automountServiceAccountToken"] is False, name
        for container in _containers(pod):
            assert set(container["resources"]) == {"requests", "limits"}, name
            security = container["securityContext"]
            assert security["allowPrivilegeEscalation"] is False, name
            assert security["readOnlyRootFilesystem"] is True, name
            assert security["capabilities"]["drop"] == ["ALL"], name
    assert "--uid 10001" in (ROOT / "Dockerfile").read_text()


def test_secrets_are_mounted_files_and_the_configuration_a_config_map():
    config = _named("ConfigMap", "hub-config")["data"]
    for secret in ("SECRET_KEY", "DATABASE_PASSWORD", "EMAIL_HOST_PASSWORD", "METRICS_TOKEN"):
        assert secret not in config
        assert config[f"{secret}_FILE"].startswith("/run/secrets/hub/")
    assert urlsplit(config["DATABASE_URL"]).password is None
    assert not _kind("Secret"), "secrets are created by the operator, never kept in git"
    for name, pod in _pod_specs().items():
        volumes = {v["name"]: v for v in pod["volumes"]}
        assert volumes["secrets"]["secret"]["secretName"] == "hub-secrets", name
        for container in _containers(pod):
            assert {"configMapRef": {"name": "hub-config"}} in container["envFrom"], name
            assert "env" not in container, name
