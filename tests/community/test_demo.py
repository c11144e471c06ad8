"""The community's demo data: from an empty database, and again without change (issue 22)."""

import pytest
from django.core.management import call_command

from accounts import roles
from community import demo
from community.models import Conversation, ForumCategory, Participant, Profile, Thread

pytestmark = pytest.mark.django_db


def _state() -> tuple:
    return (
        Profile.objects.listed().count(),
        Conversation.objects.count(),
        ForumCategory.objects.count(),
        Thread.objects.count(),
    )


def test_the_demo_seeds_from_an_empty_database_and_again_unchanged():
    demo.seed()
    first = _state()
    assert first[0] == 12
    assert first[1] == 2
    assert first[2] == 3
    assert first[3] >= 3
    countries = set(Profile.objects.listed().values_list("country__name", flat=True))
    assert len(countries) >= 5
    member = Participant.objects.filter(user__email="member@demo.example.org")
    assert member.count() == 2
    moderators = roles.holders(roles.MODERATOR)
    assert list(moderators.values_list("email", flat=True)) == ["moderator@demo.example.org"]
    demo.seed()
    assert _state() == first
    assert roles.holders(roles.MODERATOR).count() == 1


def test_seed_demo_runs_the_community_after_the_others(settings):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Profile.objects.listed().count() == 12
    # With the catalogue seeded first, profiles name tools members can look up.
    assert Profile.objects.filter(tools__isnull=False).exists()
