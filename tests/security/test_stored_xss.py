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


# --- Text members and applicants write, on every page that shows it ---------------------------


def _shown_escaped(client, urls) -> None:
    shown = 0
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response, url)
        shown += "&lt;script&gt;" in response.content.decode()
    assert shown, "the text was shown nowhere: the test proves nothing"


def _signed_in(persona: str):
    client = Client()
    return client, PERSONAS[persona](client)


def test_a_review_is_escaped_for_its_author_other_members_and_curators():
    from django.urls import reverse

    from tests.factories import ToolReviewFactory

    author_client, author = _signed_in("member")
    review = ToolReviewFactory(
        author=author, context=PAYLOAD, what_worked=PAYLOAD, limits=PAYLOAD, status="published"
    )
    tool_page = review.tool.get_absolute_url()
    _shown_escaped(
        author_client, [tool_page, reverse("catalog:review_edit", kwargs={"uuid": review.uuid})]
    )
    _shown_escaped(_signed_in("member")[0], [tool_page])
    curator, _ = _signed_in("curator")
    _shown_escaped(
        curator,
        [
            reverse("admin:catalog_toolreview_changelist"),
            reverse("admin:catalog_toolreview_change", args=[review.pk]),
        ],
    )


def test_a_saved_searchs_name_is_escaped():
    from django.urls import reverse

    from tests.factories import SavedSearchFactory

    client, owner = _signed_in("member")
    SavedSearchFactory(user=owner, name=PAYLOAD[:120])
    _shown_escaped(client, [reverse("catalog:saved_searches")])


def test_an_application_is_escaped_for_the_applicant_officers_and_administrators():
    from django.urls import reverse

    from accounts.models import ApplicationState
    from tests.factories import VettingApplicationFactory

    applicant_client, applicant = _signed_in("applicant")
    application = VettingApplicationFactory(
        applicant=applicant,
        full_name=PAYLOAD,
        unit=PAYLOAD,
        role_title=PAYLOAD,
        agency_name=PAYLOAD,
        reason=PAYLOAD,
        state=ApplicationState.REJECTED,
        decision_reason=PAYLOAD,
    )
    _shown_escaped(applicant_client, [reverse("accounts:application")])
    officer, _ = _signed_in("vetting_officer")
    # Still in the queue: a new one from the same person.
    open_one = VettingApplicationFactory(applicant=applicant, reason=PAYLOAD, full_name=PAYLOAD)
    _shown_escaped(
        officer,
        [
            reverse("vetting:queue"),
            reverse("vetting:application", kwargs={"public_id": open_one.public_id}),
            reverse("vetting:application", kwargs={"public_id": application.public_id}),
        ],
    )
    administrator, _ = _signed_in("administrator")
    _shown_escaped(
        administrator,
        [
            reverse("admin:accounts_vettingapplication_changelist"),
            reverse("admin:accounts_vettingapplication_change", args=[application.pk]),
        ],
    )


def test_assessment_answers_and_a_self_checks_note_are_escaped_for_their_owner():
    from django.urls import reverse

    from guidance.models import QUESTIONS
    from tests.factories import AssessmentFactory, SelfCheckFactory

    client, owner = _signed_in("member")
    answers = {question.field: PAYLOAD for question in QUESTIONS}
    assessment = AssessmentFactory(owner=owner, tool_name=PAYLOAD[:100], **answers)
    check = SelfCheckFactory(owner=owner, note=PAYLOAD)
    _shown_escaped(
        client,
        [
            reverse("guidance:assessments"),
            reverse("guidance:assessment", kwargs={"pk": assessment.pk}),
            reverse("guidance:assessment_print", kwargs={"pk": assessment.pk}),
            reverse("wellbeing:checkin_detail", kwargs={"pk": check.pk}),
        ],
    )
