"""Stored script: text people control, saved, then shown back on every page that shows it.

Each test saves the payload where people can put text and looks at every page that shows it.
Apps add theirs at merge: a tool review, a saved search's name, a vetting application's free
text — shown to its owner, to vetting officers and in the admin.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from hub.audit import record
from hub.models import AuditEvent
from tests.security.access_table import Outcome, Visitor, row_for
from tests.security.personas import PERSONAS
from tests.security.test_access_matrix import classify
from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("stored")</script><img src=x onerror=alert(1)>'
RAW = ["<script>alert(", "<img src=x onerror"]

ROUTES = sorted(routes(), key=lambda route: route.name)


def assert_escaped(response, where: str) -> None:
    body = response.content.decode(errors="replace")
    for fragment in RAW:
        assert fragment not in body, f"stored markup rendered unescaped on {where}"


def test_a_members_name_is_escaped_on_every_page_they_reach():
    client = Client()
    user = PERSONAS["member"](client)
    user.full_name = PAYLOAD
    user.save(update_fields=["full_name"])
    visitor = Visitor("member", user, verified=True)
    reached, shown = 0, 0
    for route in ROUTES:
        row = row_for(route.name)
        if route.parameters or row is None or row.outcome(visitor) is not Outcome.ALLOWED:
            continue
        response = client.get(route.url)
        if classify(response) is Outcome.ALLOWED and response.status_code == 200:
            reached += 1
            assert_escaped(response, route.name)
            shown += "&lt;script&gt;" in response.content.decode()
    assert reached >= 3
    assert shown >= 1, "the name was shown nowhere: the test proves nothing"


def test_what_the_audit_log_stores_is_escaped_in_the_admin():
    """The audit trail keeps what visitors send (the browser's name, addresses tried)."""
    from django.test import RequestFactory
    from django.urls import reverse

    request = RequestFactory().get("/", HTTP_USER_AGENT=PAYLOAD)
    request.user = AnonymousUser()
    record("auth.sign_in_failed", request=request, target=PAYLOAD, note=PAYLOAD)
    event = AuditEvent.objects.get(action="auth.sign_in_failed")
    client = Client()
    PERSONAS["administrator"](client)
    for url in (
        reverse("admin:hub_auditevent_changelist"),
        reverse("admin:hub_auditevent_change", args=[event.pk]),
        reverse("admin:hub_auditevent_changelist") + "?q=script",
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert_escaped(response, url)
    assert "&lt;script&gt;" in response.content.decode()
