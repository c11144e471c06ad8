"""Members are warned on a tool that curators have not verified for twelve months."""

from datetime import date, timedelta

import pytest

from catalog.models import Tool
from catalog.querysets import verification_cutoff
from hub import clock
from tests import factories

pytestmark = pytest.mark.django_db

WARNING = "Not verified for over 12 months"


@pytest.mark.parametrize(("days", "warned"), [(30, False), (364, False), (366, True), (900, True)])
def test_the_warning_follows_the_last_verification(member_client, days, warned):
    tool = factories.ToolFactory(last_verified=clock.today() - timedelta(days=days))
    body = member_client.get(tool.get_absolute_url()).content.decode()
    assert (WARNING in body) is warned
    assert tool.verification_overdue is warned


def test_a_tool_never_verified_says_so(member_client):
    tool = factories.ToolFactory(last_verified=None)
    body = member_client.get(tool.get_absolute_url()).content.decode()
    assert "Not yet verified: curators have not checked this entry." in body


def test_members_and_curators_share_one_rule():
    today = clock.today()
    old = factories.ToolFactory(last_verified=verification_cutoff(today) - timedelta(days=1))
    fresh = factories.ToolFactory(last_verified=verification_cutoff(today))
    due = set(Tool.objects.due_for_review(today))
    assert old in due and old.verification_overdue
    assert fresh not in due and not fresh.verification_overdue


def test_the_cutoff_on_a_leap_day():
    assert verification_cutoff(date(2028, 2, 29)) == date(2027, 2, 28)
