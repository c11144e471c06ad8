import time

import pytest
from celery.schedules import crontab
from django.conf import settings
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


@pytest.mark.parametrize(
    "entry",
    [
        "sweep-outbox",
        "membership-expiry",
        "tools-due-for-review",
        "saved-search-digests",
        "purge-rate-limits",
        "community-thread-digests",
    ],
)
def test_every_scheduled_task_is_registered(entry):
    app.loader.import_default_modules()
    assert settings.CELERY_BEAT_SCHEDULE[entry]["task"] in app.tasks


def test_the_beat_schedule():
    schedule = app.conf.beat_schedule
    assert {entry["task"]: entry["schedule"] for entry in schedule.values()} == {
        "notifications.tasks.sweep_outbox": crontab(),
        "accounts.tasks.run_membership_expiry": crontab(minute=15, hour=2),
        "catalog.tasks.flag_tools_due_for_review": crontab(minute=30, hour=3, day_of_week="mon"),
        "catalog.tasks.send_saved_search_digests": crontab(minute=0, hour=7, day_of_week="mon"),
        "hub.tasks.clear_expired_sessions": crontab(minute=45, hour=2),
        "notifications.tasks.purge_delivered_outbox": crontab(minute=0, hour=3),
        "hub.tasks.purge_rate_limits": crontab(minute=5),
        "community.tasks.send_thread_digests": crontab(minute=15, hour=7, day_of_week="mon"),
    }
    # A sweep that could not start within its minute is dropped, not stacked behind the next.
    assert schedule["sweep-outbox"]["options"]["expires"] < 60


def test_beat_remembers_its_last_runs_across_restarts():
    """A beat restarted without its schedule file skipped a minute; a stale file doubled one."""
    # In the project's var/ (a volume in production), not a temporary folder a restart empties.
    assert app.conf.beat_schedule_filename == str(settings.BASE_DIR / "var" / "celerybeat-schedule")
    assert app.conf.beat_sync_every == 1  # written after every job it sends
