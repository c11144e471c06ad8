import time

import pytest
from django.core.cache import cache

from hub.celery import app
from hub.tasks import ping


def test_celery_is_configured_for_safe_delivery():
    conf = app.conf
    assert conf.accept_content == ["json"]
    assert conf.task_serializer == "json"
    assert conf.task_acks_late is True
    assert conf.task_reject_on_worker_lost is True
    assert conf.task_time_limit and conf.task_soft_time_limit < conf.task_time_limit


@pytest.mark.worker
def test_a_real_worker_runs_a_task(celery_worker, unique_token):
    ping.delay(unique_token)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if cache.get(f"celery-ping:{unique_token}") == "pong":
            return
        time.sleep(0.1)
    pytest.fail("the worker did not run the task within 20 seconds")
