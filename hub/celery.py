"""The Celery application, wired once: every setting comes from Django's `CELERY_` namespace."""

import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")

app = Celery("hub")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.beat_init.connect
def _beat_heartbeat(**_kwargs) -> None:
    """In the beat process only: a heartbeat file touched after every task it publishes."""
    from hub import beat_health

    beat_health.touch()
    signals.after_task_publish.connect(beat_health.touch, weak=False)
