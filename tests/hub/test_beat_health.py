"""Beat's health check (issue 17): a heartbeat file touched after each task beat publishes."""

import os
import time

import pytest
from celery import signals

from hub import beat_health
from hub.celery import app


@pytest.fixture
def heartbeat(tmp_path, monkeypatch):
    path = tmp_path / "heartbeat"
    monkeypatch.setattr(beat_health, "HEARTBEAT", path)
    yield path
    signals.after_task_publish.disconnect(beat_health.touch)


def test_without_a_heartbeat_beat_is_unhealthy(heartbeat):
    assert beat_health.main() == 1


def test_a_beat_that_publishes_is_healthy_and_one_that_stopped_is_not(heartbeat):
    signals.beat_init.send(sender=None)
    assert beat_health.main() == 0
    stale = time.time() - beat_health.MAX_AGE - 10
    os.utime(heartbeat, (stale, stale))
    assert beat_health.main() == 1
    # Publishing a task (what beat does every minute) makes it fresh again.
    signals.after_task_publish.send(sender="notifications.tasks.sweep_outbox", headers={}, body=())
    assert beat_health.main() == 0


def test_other_processes_do_not_touch_the_heartbeat(heartbeat):
    signals.after_task_publish.send(sender="notifications.tasks.deliver", headers={}, body=())
    assert not heartbeat.exists()
    assert app.conf.beat_schedule["sweep-outbox"]["task"] == "notifications.tasks.sweep_outbox"
