"""The admin: only active members with a staff role, and never a 500 for a bad id."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from hub.admin_history import HistoryAdmin
from tests import factories
from tests.conftest import sign_in
from tests.security.personas import ADMINISTRATOR, CURATOR, NO_PASSWORD, grant_role
from tests.urlwalk import routes

pytestmark = pytest.mark.django_db

ADMIN_ROUTES = sorted(
    (route for route in routes() if route.name.startswith("admin:")), key=lambda r: r.name
)
HISTORY_ADMINS = sorted(
    (model._meta.label, model_admin)
    for model, model_admin in admin.site._registry.items()
    if isinstance(model_admin, SimpleHistoryAdmin)
)


def _staff(factory, role):
    user = factory(password=NO_PASSWORD)
    grant_role(user, role)
    return sign_in(Client(), user)


def test_a_suspended_curator_reaches_no_admin_page():
    client = _staff(factories.SuspendedMemberFactory, CURATOR)
    assert len(ADMIN_ROUTES) > 20
    for route in ADMIN_ROUTES:
        for method in ("get", "post"):
            response = getattr(client, method)(route.url)
            assert response.status_code == 403, f"{method.upper()} {route.url}"


@pytest.mark.parametrize(
    ("factory", "role"),
    [
        (factories.SuspendedMemberFactory, ADMINISTRATOR),
        (factories.ExpiredMemberFactory, CURATOR),
        (factories.ExpiredMemberFactory, ADMINISTRATOR),
    ],
    ids=["suspended-administrator", "expired-curator", "expired-administrator"],
)
def test_nor_does_a_suspended_or_lapsed_administrator_or_curator(factory, role):
    client = _staff(factory, role)
    for url in (
        reverse("admin:index"),
        reverse("admin:catalog_tool_changelist"),
        reverse("admin:hub_auditevent_changelist"),
        reverse("admin:accounts_vettingapplication_changelist"),
    ):
        assert client.get(url).status_code == 403, url
        assert client.post(url).status_code == 403, url


def test_the_same_people_reach_it_while_their_membership_is_active():
    for role in (CURATOR, ADMINISTRATOR):
        client = _staff(factories.MemberFactory, role)
        assert client.get(reverse("admin:index")).status_code == 200


def test_every_history_admin_answers_bad_ids_with_404():
    assert HISTORY_ADMINS, "no model keeps history in the admin: the test proves nothing"
    assert all(isinstance(model_admin, HistoryAdmin) for _label, model_admin in HISTORY_ADMINS), (
        "use hub.admin_history.HistoryAdmin instead of SimpleHistoryAdmin"
    )
    client = _staff(factories.MemberFactory, ADMINISTRATOR)
    for _label, model_admin in HISTORY_ADMINS:
        opts = model_admin.model._meta
        history = f"admin:{opts.app_label}_{opts.model_name}_history"
        version = f"admin:{opts.app_label}_{opts.model_name}_simple_history"
        for bad in ("sample", "1.5", "%00", "9" * 30, "999999"):
            url = reverse(history, args=[bad])
            assert client.get(url).status_code == 404, url
        for object_id, version_id in (("sample", "1"), ("1", "sample"), ("999999", "999999")):
            url = reverse(version, args=[object_id, version_id])
            assert client.get(url).status_code == 404, url


def test_a_real_objects_history_still_shows():
    tool = factories.ToolFactory()
    client = _staff(factories.MemberFactory, CURATOR)
    response = client.get(reverse("admin:catalog_tool_history", args=[tool.pk]))
    assert response.status_code == 200
    assert tool.name in response.content.decode()
