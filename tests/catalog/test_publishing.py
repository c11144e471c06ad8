"""Publishing goes through the tool's workflow, whichever admin page asks for it."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from catalog.models import InvalidStatusChangeError, Tool
from hub.models import AuditEvent
from tests import factories
from tests.catalog.test_curation import CHANGELIST, act
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def staff_with(*codenames: str):
    user = factories.MemberFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="catalog", codename__in=codenames)
    )
    return user


@pytest.fixture
def editor():
    """Staff who may change tools but not publish them."""
    return staff_with("view_tool", "change_tool", "add_tool")


@pytest.fixture
def publisher():
    return staff_with("view_tool", "change_tool", "add_tool", "publish_tool")


def change_url(tool: Tool) -> str:
    return reverse("admin:catalog_tool_change", args=[tool.pk])


def form_data(client, url: str) -> dict:
    """What the change form would send back untouched."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list | tuple) else str(value)
    return data


def test_without_publish_permission_the_status_is_read_only(client, editor):
    sign_in(client, editor)
    tool = factories.ToolFactory(status="in_review")
    response = client.get(change_url(tool))
    assert "status" not in response.context["adminform"].form.fields
    assert b'name="status"' not in response.content


def test_a_crafted_change_form_post_cannot_publish_without_the_permission(client, editor):
    sign_in(client, editor)
    tool = factories.ToolFactory(status="in_review", summary="Before")
    data = form_data(client, change_url(tool)) | {"status": "published", "summary": "After"}
    response = client.post(change_url(tool), data)
    assert response.status_code == 200  # the form again, with the error
    assert b"cannot move to that status" in response.content
    tool.refresh_from_db()
    assert tool.status == "in_review" and tool.published_at is None
    assert tool.summary == "Before"  # refused as a whole: nothing half-saved
    assert not AuditEvent.objects.filter(action="tool_published").exists()


def test_reverting_to_a_published_version_needs_the_permission_too(client, editor, publisher):
    tool = factories.ToolFactory(status="in_review")
    tool.move_to("published", by=publisher, reason="tool_published")
    tool.move_to("draft", by=publisher, reason="tool_returned_to_draft")
    published = tool.history.filter(status="published").first()
    sign_in(client, editor)
    url = reverse("admin:catalog_tool_simple_history", args=[tool.pk, published.history_id])
    response = client.post(url, form_data(client, url))
    assert response.status_code == 200
    tool.refresh_from_db()
    assert tool.status == "draft"


def test_a_publisher_publishes_from_the_change_form_and_it_is_audited(client, publisher):
    sign_in(client, publisher)
    tool = factories.ToolFactory(status="in_review")
    data = form_data(client, change_url(tool)) | {"status": "published"}
    response = client.post(change_url(tool), data)
    assert response.status_code == 302
    tool.refresh_from_db()
    assert tool.status == "published" and tool.published_at is not None
    assert AuditEvent.objects.filter(action="tool_published", target=str(tool)).exists()
    assert tool.history.first().history_change_reason == "tool_published"


def test_the_form_offers_only_the_moves_the_workflow_allows(client, publisher):
    sign_in(client, publisher)
    tool = factories.ToolFactory(status="draft")
    choices = client.get(change_url(tool)).context["adminform"].form.fields["status"].choices
    assert [value for value, _label in choices] == ["draft", "in_review"]
    data = form_data(client, change_url(tool)) | {"status": "published"}
    assert client.post(change_url(tool), data).status_code == 200
    tool.refresh_from_db()
    assert tool.status == "draft"


def test_a_new_tool_starts_as_a_draft_or_in_review(client, publisher):
    sign_in(client, publisher)
    url = reverse("admin:catalog_tool_add")
    data = form_data(client, url) | {"name": "New", "slug": "new", "status": "published"}
    assert client.post(url, data).status_code == 200
    assert not Tool.objects.filter(slug="new").exists()
    assert client.post(url, data | {"status": "draft"}).status_code == 302
    assert Tool.objects.get(slug="new").status == "draft"


@pytest.mark.parametrize(
    ("start", "target", "needs_publish"),
    [
        ("draft", "in_review", False),
        ("in_review", "draft", False),
        ("in_review", "published", True),
        ("published", "archived", True),
        ("published", "draft", True),
        ("archived", "draft", True),
    ],
)
def test_the_workflow_and_who_may_move_a_tool(start, target, needs_publish, editor, publisher):
    tool = factories.ToolFactory(status=start)
    assert tool.may_move_to(target, publisher)
    assert tool.may_move_to(target, editor) is not needs_publish


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("draft", "published"),
        ("draft", "archived"),
        ("archived", "published"),
        ("in_review", "archived"),
    ],
)
def test_moves_the_workflow_does_not_have_are_refused(start, target, publisher):
    tool = factories.ToolFactory(status=start)
    with pytest.raises(InvalidStatusChangeError):
        tool.move_to(target, by=publisher, reason="test")
    tool.refresh_from_db()
    assert tool.status == start


def test_the_publish_action_skips_drafts_and_says_so(client, publisher):
    sign_in(client, publisher)
    draft = factories.ToolFactory(status="draft")
    response = act(client, CHANGELIST, "publish", [draft])
    assert b"was not moved" in response.content
    draft.refresh_from_db()
    assert draft.status == "draft"
