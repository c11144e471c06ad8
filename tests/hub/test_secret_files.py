"""Secrets from files (issue 17): `<NAME>_FILE` instead of the secret in plain environment."""

import os

import pytest
from django.core.exceptions import ImproperlyConfigured

from hub.settings import env_secret
from tests.production import run_here


def test_a_secret_is_read_from_its_file_without_the_trailing_newline(tmp_path, monkeypatch):
    secret = tmp_path / "secret_key"
    secret.write_text("from-the-file\n")
    monkeypatch.delenv("SOME_SECRET", raising=False)
    monkeypatch.setenv("SOME_SECRET_FILE", str(secret))
    assert env_secret("SOME_SECRET") == "from-the-file"


def test_without_a_file_the_plain_variable_or_the_default_is_used(monkeypatch):
    monkeypatch.delenv("SOME_SECRET_FILE", raising=False)
    monkeypatch.delenv("SOME_SECRET", raising=False)
    assert env_secret("SOME_SECRET", "fallback") == "fallback"
    monkeypatch.setenv("SOME_SECRET", "plain")
    assert env_secret("SOME_SECRET", "fallback") == "plain"


def test_both_a_file_and_a_plain_variable_are_refused(tmp_path, monkeypatch):
    (tmp_path / "s").write_text("x")
    monkeypatch.setenv("SOME_SECRET_FILE", str(tmp_path / "s"))
    monkeypatch.setenv("SOME_SECRET", "plain")
    with pytest.raises(ImproperlyConfigured, match="SOME_SECRET or SOME_SECRET_FILE"):
        env_secret("SOME_SECRET")


def test_a_missing_file_stops_start_up_naming_the_variable(tmp_path, monkeypatch):
    monkeypatch.delenv("SOME_SECRET", raising=False)
    monkeypatch.setenv("SOME_SECRET_FILE", str(tmp_path / "absent"))
    with pytest.raises(ImproperlyConfigured, match="SOME_SECRET_FILE"):
        env_secret("SOME_SECRET")


def test_production_settings_take_the_key_and_passwords_from_files(tmp_path):
    for name, value in [("key", "k" * 60), ("db", "db-pass"), ("smtp", "smtp-pass")]:
        (tmp_path / name).write_text(value + "\n")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DATABASE_PASSWORD", "EMAIL_HOST_PASSWORD"}
    }
    env.update(
        SECRET_KEY_FILE=str(tmp_path / "key"),
        DATABASE_PASSWORD_FILE=str(tmp_path / "db"),
        EMAIL_HOST_PASSWORD_FILE=str(tmp_path / "smtp"),
        DATABASE_URL="postgres://hub@db.invalid:5432/hub",
    )
    env.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECRET_KEY == 'k' * 60, s.DATABASES['default']['PASSWORD'], "
        "s.EMAIL_HOST_PASSWORD)"
    )
    result = run_here("-c", code, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "db-pass", "smtp-pass"]


def test_transaction_pooling_turns_off_server_side_cursors_and_prepared_statements():
    env = {**os.environ, "DATABASE_TRANSACTION_POOLING": "true"}
    env.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
    env["DATABASE_URL"] = "postgres://hub@pgbouncer.invalid:6432/hub"
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "d = s.DATABASES['default']; "
        "print(d['DISABLE_SERVER_SIDE_CURSORS'], d['OPTIONS']['prepare_threshold'])"
    )
    result = run_here("-c", code, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "None"]
