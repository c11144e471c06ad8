"""PostgreSQL away: every page answers 503 with Retry-After, logged as an outage, not as a bug."""

import pytest
from django.db import OperationalError, connection, connections
from django.test import Client
from django.urls import reverse

from hub import outages
from tests.conftest import sign_in


def assert_outage_page(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == str(outages.DATABASE_RETRY_AFTER)
    body = response.content.decode()
    assert "The hub is briefly unavailable" in body and "try again in a minute" in body
    assert "/static/css/hub" in body and '<main id="main"' in body
    assert "<script" not in body and "style=" not in body


def assert_logged_as_an_outage(caplog) -> None:
    records = [record for record in caplog.records if record.name == "django.request"]
    assert records, "the failed request was not logged"
    assert {record.levelname for record in records} == {"WARNING"}
    assert all(record.exc_info is None for record in records)  # one line, no traceback
    assert "Database unavailable" in records[0].getMessage()


@pytest.fixture
def database_refuses(monkeypatch):
    """Every new cursor fails as when PostgreSQL refuses connections."""

    def refuse():
        raise OperationalError("connection refused: is the server running?")

    monkeypatch.setattr(connections["default"], "ensure_connection", refuse)


@pytest.mark.django_db
def test_signing_in_during_a_database_outage_answers_503(database_refuses, caplog):
    response = Client(raise_request_exception=False).post(
        reverse("account_login"), {"login": "jo@police.example.org", "password": "x" * 20}
    )
    assert_outage_page(response)
    assert_logged_as_an_outage(caplog)


@pytest.mark.django_db
def test_pages_that_need_no_database_still_answer(database_refuses):
    assert Client(raise_request_exception=False).get(reverse("landing")).status_code == 200


@pytest.mark.django_db
def test_a_signed_in_member_gets_the_outage_page(member, monkeypatch, caplog):
    client = sign_in(Client(raise_request_exception=False), member)
    assert client.get(reverse("catalog:index")).status_code == 200

    def refuse():
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(connections["default"], "ensure_connection", refuse)
    assert_outage_page(client.get(reverse("catalog:index")))
    assert_logged_as_an_outage(caplog)


def test_the_503_page_stands_alone(rf):
    """No database, session, user or cache: the error handler renders the template alone."""
    from django.urls import get_resolver

    handler = get_resolver().resolve_error_handler(500)
    try:
        raise OperationalError("no database")
    except OperationalError:
        response = handler(rf.get("/"))
    assert_outage_page(response)


def test_any_other_error_is_still_a_500_and_logged_as_an_error(rf, caplog):
    from django.urls import get_resolver

    handler = get_resolver().resolve_error_handler(500)
    try:
        raise ValueError("a bug")
    except ValueError:
        response = handler(rf.get("/"))
    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.mark.django_db
def test_a_bug_is_still_logged_as_an_error(monkeypatch, caplog):
    def bug():
        raise ValueError("a bug")

    monkeypatch.setattr(connections["default"], "ensure_connection", bug)
    response = Client(raise_request_exception=False).post(
        reverse("account_login"), {"login": "jo@police.example.org", "password": "x" * 20}
    )
    assert response.status_code == 500
    records = [record for record in caplog.records if record.name == "django.request"]
    assert [record.levelname for record in records] == ["ERROR"]
    assert records[0].exc_info is not None


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_postgresql_unreachable_then_back(member, caplog):
    """A real broken connection: PostgreSQL on a port where nothing listens, then the real one."""
    client = sign_in(Client(raise_request_exception=False), member)
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        assert_outage_page(client.get(reverse("catalog:index")))
        assert_logged_as_an_outage(caplog)
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    # Back: the next request reconnects by itself, and the member is still signed in.
    assert client.get(reverse("catalog:index")).status_code == 200
