""" "Active member" is one rule: the object's properties and the queryset agree for everyone."""

import pytest
from django.contrib.auth import get_user_model

from accounts import roles
from accounts.models import MembershipState
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def everyone():
    return [
        factories.UserFactory(),  # applicant
        factories.MemberFactory(),
        factories.MemberFactory(is_active=False),  # deactivated account, membership in date
        factories.ExpiredMemberFactory(),
        factories.SuspendedMemberFactory(),
    ]


def test_the_queryset_and_the_properties_agree(everyone):
    users = get_user_model().objects
    for person in everyone:
        states = {state for state in MembershipState if users.in_state(state).filter(pk=person.pk)}
        assert states == {person.membership_state}, person
        in_query = users.active_members().filter(pk=person.pk).exists()
        assert in_query is person.is_active_member, person
    assert {p.pk for p in users.ever_members()} == {p.pk for p in everyone[1:]}


def test_a_role_counts_only_its_holders_who_are_members(everyone):
    for person in everyone:
        roles.grant_role(person, roles.CURATOR)
    assert [p.pk for p in roles.holders(roles.CURATOR)] == [everyone[1].pk]
