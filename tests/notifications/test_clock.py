"""The outbox runs on the hub's clock, so the test clock moves it, and on no import cycle."""

import ast
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail

from hub import clock
from notifications.services import notify

pytestmark = pytest.mark.django_db


def test_a_notification_is_written_and_sent_at_the_hub_s_time(
    member, django_capture_on_commit_callbacks
):
    with clock.travel(timedelta(days=40)), django_capture_on_commit_callbacks(execute=True):
        before = clock.now()
        notification = notify(kind="test_kind", key="clock", to=member)
    notification.refresh_from_db()
    assert notification.created_at >= before
    assert notification.sent_at >= before and len(mail.outbox) == 1


def test_delivery_does_not_import_the_services_that_enqueue_it():
    tree = ast.parse(Path("notifications/tasks.py").read_text())
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert "notifications.services" not in imported
