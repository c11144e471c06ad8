"""The shared cache degrades to "nothing cached" while Redis is down: pages come from PostgreSQL."""

import logging
import os

import pytest
from django.conf import settings as django_settings
from django.core.cache.backends.redis import RedisCache
from django.urls import reverse

from hub import cache as hub_cache
from hub.settings import redis_url_with_db
from tests import factories

# Nothing listens on port 1: every call is refused at once, as when Redis is down.
CLOSED = "redis://127.0.0.1:1/0"


def degrading(location: str = CLOSED, **options) -> hub_cache.DegradingRedisCache:
    return hub_cache.DegradingRedisCache(
        location, {"OPTIONS": {"socket_connect_timeout": 0.5, **options}}
    )


@pytest.fixture
def cache_down(settings):
    """The hub's cache pointed at a Redis that does not answer."""
    settings.CACHES = {"default": {"BACKEND": "hub.cache.DegradingRedisCache", "LOCATION": CLOSED}}


def test_plain_redis_cache_raises_when_redis_is_down():
    """Why the wrapper exists: Django's own backend turns an outage into an error page."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    with pytest.raises(RedisConnectionError):
        RedisCache(CLOSED, {}).get("anything")


def test_every_call_answers_not_cached_when_redis_is_down(caplog):
    down = degrading()
    with caplog.at_level(logging.WARNING, logger="hub.cache"):
        assert down.get("key") is None
        assert down.get("key", "default") == "default"
        down.set("key", "value")
        assert down.add("key", "value") is False
        assert down.touch("key") is False
        assert down.delete("key") is False
        assert down.has_key("key") is False
        assert down.get_many(["a", "b"]) == {}
        assert down.set_many({"a": 1, "b": 2}) == ["a", "b"]
        down.delete_many(["a", "b"])
        assert down.get_or_set("key", "computed") == "computed"
        assert down.clear() is False
        with pytest.raises(ValueError, match="unavailable"):
            down.incr("counter")
    # Logged once as the outage starts, not on every call.
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    assert "Cache unavailable" in caplog.text


def test_after_a_failure_redis_is_left_alone_until_the_retry_window_ends(monkeypatch):
    down = degrading(RETRY_AFTER=5)
    now = [1000.0]
    monkeypatch.setattr(hub_cache.time, "monotonic", lambda: now[0])
    calls = []
    real_get = RedisCache.get

    def counting_get(self, *args):
        calls.append(args)
        return real_get(self, *args)

    monkeypatch.setattr(RedisCache, "get", counting_get)
    assert down.get("key") is None
    assert down.get("key") is None
    assert len(calls) == 1  # the second call did not wait for Redis
    assert down.available is False
    now[0] += 5
    assert down.available is True
    assert down.get("key") is None
    assert len(calls) == 2  # tried again once the window ended


def test_retry_after_is_not_passed_to_redis():
    """RETRY_AFTER is the wrapper's own option; redis-py would refuse an unknown keyword."""
    down = degrading(RETRY_AFTER=2)
    assert down.retry_after == 2.0
    assert "RETRY_AFTER" not in down._options


def test_redis_urls_for_cache_and_broker_are_separate_databases():
    assert redis_url_with_db("redis://redis:6379/0", 1) == "redis://redis:6379/1"
    assert redis_url_with_db("redis://redis:6379", 1) == "redis://redis:6379/1"
    assert redis_url_with_db("redis://:pw@redis:6379/8", 1) == "redis://:pw@redis:6379/9"


def test_a_redis_url_with_a_bad_database_is_refused():
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="database number"):
        redis_url_with_db("redis://redis:6379/cache", 1)


def test_the_configured_cache_degrades_and_is_not_the_brokers_database():
    if not django_settings.CACHE_REDIS_URL:
        pytest.skip("no Redis configured: the cache is in local memory")
    assert django_settings.CACHES["default"]["BACKEND"] == "hub.cache.DegradingRedisCache"
    assert django_settings.CACHES["default"]["LOCATION"] != django_settings.CELERY_BROKER_URL


@pytest.mark.django_db
def test_catalogue_search_answers_from_the_database_while_the_cache_is_down(
    cache_down, member_client
):
    factories.ToolFactory(name="Hashmatch", summary="Matches seized media against hash lists.")
    factories.ToolFactory(name="Agelens", summary="Estimates apparent age.")
    for _ in range(2):  # a miss, then another miss: nothing was stored
        response = member_client.get(reverse("catalog:index"), {"q": "hash"})
        assert response.status_code == 200
        assert [tool.name for tool in response.context["tools"]] == ["Hashmatch"]


@pytest.mark.django_db
def test_a_tool_page_and_the_notification_centre_answer_while_the_cache_is_down(
    cache_down, member_client
):
    tool = factories.ToolFactory(name="Hashmatch")
    assert member_client.get(tool.get_absolute_url()).status_code == 200
    assert member_client.get(reverse("notifications:index")).status_code == 200


def test_each_test_worker_has_redis_databases_of_its_own():
    """pytest-xdist workers share a Redis server, never a database of it (tests/conftest.py)."""
    from hub.celery import app

    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not (worker and django_settings.REDIS_URL):
        pytest.skip("only a pytest-xdist worker on Redis moves its databases")
    offset = 2 * (int(worker.removeprefix("gw")) + 1)
    cache = redis_url_with_db(os.environ["REDIS_URL"], offset)
    assert django_settings.CACHES["default"]["LOCATION"] == cache
    assert redis_url_with_db(cache, 1) == django_settings.CELERY_BROKER_URL
    assert app.conf.broker_url == django_settings.CELERY_BROKER_URL
