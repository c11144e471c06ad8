"""The directory and a thread page cost the same number of queries with 10 profiles or posts
as with 1,000 (issue 22)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from community.models import Post, Profile
from hub import clock
from tests import factories

pytestmark = pytest.mark.django_db


def _profiles(count: int, terms: dict) -> None:
    """`count` listed members, each with a country, two languages and two kinds of expertise."""
    start = User.objects.count()
    users = User.objects.bulk_create(
        User(
            email=f"bulk{start + n}@police.example.org",
            full_name=f"Bulk {n}",
            membership_valid_until=clock.now() + timedelta(days=30),
        )
        for n in range(count)
    )
    profiles = Profile.objects.bulk_create(
        Profile(
            user=user,
            published=True,
            display_name=f"Bulk Officer {start + n}",
            country=terms["countries"][n % 3],
        )
        for n, user in enumerate(users)
    )
    for field, key in (("languages", "languages"), ("capabilities", "capabilities")):
        through = getattr(Profile, field).through
        column = getattr(Profile, field).field.m2m_reverse_field_name()
        through.objects.bulk_create(
            through(profile_id=profile.pk, **{f"{column}_id": term.pk})
            for n, profile in enumerate(profiles)
            for term in terms[key][n % 2 : n % 2 + 2]
        )


def _queries(client, url, params=None) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
        assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


@pytest.mark.parametrize("params", [{}, "filtered"])
def test_the_directory_costs_the_same_queries_at_any_size(browse, params):
    terms = {
        "countries": factories.CountryFactory.create_batch(3),
        "languages": factories.LanguageFactory.create_batch(3),
        "capabilities": factories.CapabilityFactory.create_batch(3),
    }
    if params == "filtered":
        params = {
            "q": "Bulk",
            "country": terms["countries"][0].slug,
            "expertise": terms["capabilities"][1].slug,
        }
    client = browse()
    client.get(reverse("community:index"))  # a session's first request records it
    _profiles(10, terms)
    small = _queries(client, reverse("community:index"), params)
    _profiles(990, terms)
    large = _queries(client, reverse("community:index"), params)
    assert len(large) == len(small) <= 20, "\n".join(large)


def test_a_thread_page_costs_the_same_queries_with_10_or_1000_posts(browse):
    thread = factories.ThreadFactory()
    authors = factories.ProfileFactory.create_batch(5)
    client = browse()
    client.get(reverse("community:forums"))

    def add(count: int) -> None:
        Post.objects.bulk_create(
            Post(
                thread=thread,
                author=authors[n % 5].user,
                body=f"Post **{n}**",
                body_markdown=f"Post **{n}**",
            )
            for n in range(count)
        )

    add(9)
    url = reverse("community:thread", kwargs={"public_id": thread.public_id})
    small = _queries(client, url)
    add(990)
    large = _queries(client, url)
    last_page = _queries(client, url, {"page": "50"})
    assert len(large) == len(small) == len(last_page) <= 14, "\n".join(large)
