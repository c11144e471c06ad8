"""The Celery application, wired once: every setting comes from Django's `CELERY_` namespace."""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

from celery import Celery, signals

if TYPE_CHECKING:
    from typing import Any


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")

# prometheus_client's multiprocess mode writes into this folder from the first metric on.
if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"], exist_ok=True)

app = Celery("hub")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_init.connect
def _fresh_metrics_folder(**_kwargs: Any) -> None:
    """Before the pool forks: start a worker's multiprocess metrics from zero (hub/metrics.py)."""
    if folder := os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder, exist_ok=True)


@signals.beat_init.connect
def _beat_heartbeat(**_kwargs: Any) -> None:
    """In the beat process only: a heartbeat file touched after every task it publishes."""
    from hub import beat_health

    beat_health.touch()
    signals.after_task_publish.connect(beat_health.touch, weak=False)


# Task runtimes and the worker's metrics endpoint are wired by signals in this module.
from hub import metrics  # noqa: E402, F401
