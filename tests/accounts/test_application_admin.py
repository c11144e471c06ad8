"""The vetting-application admin cannot reroute the supervisor's attestation."""

import pytest
from django.urls import reverse

from tests import factories
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_an_administrator_cannot_change_where_the_attestation_goes(client):
    application = factories.VettingApplicationFactory(supervisor_email="sam@police.example.org")
    sign_in(client, factories.AdministratorFactory())
    url = reverse("admin:accounts_vettingapplication_change", args=[application.pk])
    form = client.get(url).context["adminform"].form
    assert "supervisor_email" not in form.fields and "supervisor_name" not in form.fields
    data = {name: form[name].value() or "" for name in form.fields}
    data |= {"supervisor_email": "me@attacker.example", "supervisor_name": "Me"}
    for prefix in ("attestations", "messages"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    client.post(url, data)
    application.refresh_from_db()
    assert application.supervisor_email == "sam@police.example.org"
