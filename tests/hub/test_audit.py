import json
import logging

import pytest
from django.test import RequestFactory

from hub.audit import record
from hub.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_record_keeps_who_what_when_and_where(member):
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Firefox")
    request.user = member
    event = record("vetting.approved", request=request, target="application 1", reason="ok")
    assert event.actor == member
    assert event.actor_email == member.email
    assert event.ip_address == "203.0.113.9"
    assert event.user_agent == "Firefox"
    assert event.details == {"reason": "ok"}
    assert event.created_at.tzinfo is not None


def test_the_log_is_append_only(member):
    event = record("sign_in", actor=member)
    event.action = "something else"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(action="x")
    assert AuditEvent.objects.get().action == "sign_in"


def test_each_event_is_one_json_log_line_that_cannot_be_forged(member, caplog):
    audit_logger = logging.getLogger("hub.audit")  # does not propagate: attach to it directly
    audit_logger.addHandler(caplog.handler)
    try:
        record("sign_in.failed", actor=member, target="x\nFAKE sign_in.succeeded")
    finally:
        audit_logger.removeHandler(caplog.handler)
    (line,) = [r.getMessage() for r in caplog.records if r.name == "hub.audit"]
    assert "\n" not in line
    assert json.loads(line)["target"] == "x\nFAKE sign_in.succeeded"
