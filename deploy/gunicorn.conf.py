"""gunicorn's settings for the hub: `gunicorn -c deploy/gunicorn.conf.py hub.wsgi:application`.

Metrics (hub/metrics.py) are per process; with several gunicorn workers each scrape would see
one of them. prometheus_client's multiprocess mode adds them up through files in one folder,
emptied at each start so that a restart begins from zero. prometheus_client reads the folder's
name once, when it is first imported: this file is a path, not a module of the `hub` package,
so that loading it imports nothing of the hub (whose Celery app imports prometheus_client)
before `on_starting` has set the name for the workers.
"""

import os
import shutil
import tempfile
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")  # inside the container
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
# Shorter than the stop grace period (60 s) of docker-compose.yml and Kubernetes.
graceful_timeout = 50
accesslog = "-"

_metrics_dir = Path(
    os.environ.get("PROMETHEUS_MULTIPROC_DIR") or Path(tempfile.gettempdir()) / "hub-prometheus"
)


def on_starting(server) -> None:
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    _metrics_dir.mkdir(parents=True)
    # Set before any worker imports prometheus_client: it reads this once, at import.
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(_metrics_dir)


def child_exit(server, worker) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
