"""Private self-checks: saving, the trend chart and table, pointers, deleting them all."""

import re
import uuid

import pytest
from django.contrib import admin
from django.urls import reverse

from tests import factories
from tests.guidance.conftest import queries_for
from wellbeing import trends
from wellbeing.models import Preferences, SelfCheck

pytestmark = pytest.mark.django_db

GOOD = {"sleep": 4, "mood": 4, "intrusive_images": 5, "workload": 3, "support": 4}


def check_in(owner, **scores):
    return factories.SelfCheckFactory(owner=owner, **{**GOOD, **scores})


class TestCheckIn:
    def test_a_member_checks_in(self, member_client, member):
        response = member_client.post(reverse("wellbeing:checkin"), {**GOOD, "note": "Long week"})
        assert response.status_code == 302
        assert response["Location"] == reverse("wellbeing:checkins")
        check = SelfCheck.objects.get()
        assert (check.owner, check.total, check.note) == (member, 20, "Long week")

    @pytest.mark.parametrize(
        "bad", [{"sleep": 0}, {"mood": 6}, {"workload": "lots"}, {"support": ""}]
    )
    def test_out_of_range_answers_are_explained(self, member_client, bad):
        response = member_client.post(reverse("wellbeing:checkin"), {**GOOD, **bad})
        assert response.status_code == 200
        assert "There is a problem" in response.text
        assert not SelfCheck.objects.exists()

    def test_the_form_renders_five_scales(self, member_client):
        response = member_client.get(reverse("wellbeing:checkin"))
        assert response.text.count('type="radio"') == 25


class TestTrend:
    def test_the_chart_and_table_match_the_data(self, member_client, member):
        totals = []
        for sleep in (1, 3, 5):
            totals.append(check_in(member, sleep=sleep).total)
        response = member_client.get(reverse("wellbeing:checkins"))
        text = response.text
        svg = text[text.index("<svg") : text.index("</svg>")]
        points = re.findall(r'<circle class="trend-chart__point" cx="([\d.]+)" cy="([\d.]+)"', svg)
        assert len(points) == 3
        # Left to right, oldest first; a higher total is drawn higher (a smaller y).
        xs = [float(x) for x, _ in points]
        ys = [float(y) for _, y in points]
        assert xs == sorted(xs)
        assert ys[0] > ys[1] > ys[2]
        assert [int(t) for t in re.findall(r"<title>[^<]*: (\d+)</title>", svg)] == totals
        assert '<polyline class="trend-chart__line"' in svg
        assert 'role="img"' in svg
        table = text[text.index('<table class="checkin-table"') : text.index("</table>")]
        assert table.count("<tr>") == 1 + 3
        # Newest first in the table.
        sleep_column = re.findall(r"</th>\s*<td>(\d+)</td>", table)
        assert [int(sleep) for sleep in sleep_column] == [5, 3, 1]

    def test_chart_geometry(self):
        member = factories.MemberFactory()
        low = check_in(member, sleep=1, mood=1, intrusive_images=1, workload=1, support=1)
        high = check_in(member, sleep=5, mood=5, intrusive_images=5, workload=5, support=5)
        chart = trends.chart([low, high])
        assert [p.x for p in chart.points] == [trends.MARGIN_LEFT, trends.WIDTH - 16]
        assert chart.points[0].y == trends.HEIGHT - trends.MARGIN_BOTTOM
        assert chart.points[1].y == trends.MARGIN_TOP

    def test_only_the_latest_points_are_charted(self):
        member = factories.MemberFactory()
        checks = [check_in(member) for _ in range(trends.CHART_POINTS + 3)]
        assert len(trends.chart(checks).points) == trends.CHART_POINTS

    def test_worsening_scores_show_gentle_pointers(self, member_client, member):
        factories.ResourceFactory(title="Wind down before sleep", area="sleep")
        factories.ResourceFactory(title="About workload", area="workload")
        check_in(member, sleep=4)
        check_in(member, sleep=2)
        response = member_client.get(reverse("wellbeing:checkins"))
        assert response.context["worsening"] is True
        assert "Things seem harder lately" in response.text
        assert "Wind down before sleep" in response.text
        assert "About workload" not in response.text
        assert reverse("wellbeing:services") in response.text

    def test_steady_or_better_scores_show_no_pointers(self, member_client, member):
        factories.ResourceFactory(title="Wind down before sleep", area="sleep")
        check_in(member, sleep=3)
        check_in(member, sleep=4)
        response = member_client.get(reverse("wellbeing:checkins"))
        assert "Things seem harder lately" not in response.text

    @pytest.mark.parametrize(
        ("before", "after", "worse"),
        [(4, 2, True), (3, 2, True), (5, 4, False), (4, 3, False), (2, 2, False), (2, 4, False)],
    )
    def test_the_rule_for_worse(self, before, after, worse):
        member = factories.MemberFactory()
        checks = [check_in(member, mood=before), check_in(member, mood=after)]
        assert ("mood" in trends.worsening_areas(checks)) is worse

    def test_no_check_ins_yet(self, member_client):
        response = member_client.get(reverse("wellbeing:checkins"))
        assert response.status_code == 200
        assert "<svg" not in response.text

    def test_the_query_count_stays_flat(self, member_client, member, django_assert_max_num_queries):
        check_in(member)
        few = queries_for(member_client, reverse("wellbeing:checkins"))
        for sleep in (1, 5) * 10:
            check_in(member, sleep=sleep)
        assert queries_for(member_client, reverse("wellbeing:checkins")) == few
        with django_assert_max_num_queries(11):
            member_client.get(reverse("wellbeing:checkins"))


class TestPrivacy:
    def test_the_trend_shows_only_ones_own(self, member_client, member):
        check_in(member, sleep=1)
        check_in(factories.MemberFactory(), sleep=5)
        response = member_client.get(reverse("wellbeing:checkins"))
        assert [c.sleep for c in response.context["checks"]] == [1]

    @pytest.mark.parametrize("who", ["other_client", "curator_client", "administrator_client"])
    def test_nobody_else_can_read_a_check_in(self, request, member, who):
        check = check_in(member, note="Private words")
        response = request.getfixturevalue(who).get(check.get_absolute_url())
        assert response.status_code == 404
        assert "Private words" not in response.text

    def test_the_owner_reads_their_check_in(self, member_client, member):
        check = check_in(member, note="Private words")
        response = member_client.get(check.get_absolute_url())
        assert response.status_code == 200
        assert "Private words" in response.text

    def test_a_bad_uuid_is_404(self, member_client):
        url = reverse("wellbeing:checkin_detail", args=[uuid.uuid4()])
        assert member_client.get(url).status_code == 404

    def test_private_models_have_no_admin_page(self, administrator_client):
        for model in (SelfCheck, Preferences):
            assert model.PRIVATE is True
            assert not admin.site.is_registered(model)
        assert administrator_client.get("/admin/wellbeing/selfcheck/").status_code == 404
        assert administrator_client.get("/admin/wellbeing/preferences/").status_code == 404

    @pytest.mark.parametrize(
        "name", ["wellbeing:checkin", "wellbeing:checkins", "wellbeing:checkins_delete_all"]
    )
    def test_anonymous_and_applicants_are_kept_out(self, client_factory, applicant, name):
        from tests.conftest import sign_in

        assert client_factory().get(reverse(name)).status_code == 302
        assert sign_in(client_factory(), applicant).get(reverse(name)).status_code == 403


class TestDeleteAll:
    def test_the_confirm_page_says_what_will_go(self, member_client, member):
        check_in(member)
        check_in(member)
        response = member_client.get(reverse("wellbeing:checkins_delete_all"))
        assert response.status_code == 200
        assert "all 2 of your check-ins" in response.text
        assert SelfCheck.objects.count() == 2

    def test_deleting_removes_every_own_check_in_at_once(self, member_client, member):
        check_in(member, note="one")
        check_in(member, note="two")
        someone_elses = check_in(factories.MemberFactory())
        response = member_client.post(reverse("wellbeing:checkins_delete_all"))
        assert response.status_code == 302
        assert not SelfCheck.objects.filter(owner=member).exists()
        assert SelfCheck.objects.filter(pk=someone_elses.pk).exists()
        page = member_client.get(response["Location"])
        assert "have been deleted" in page.text
        assert "<svg" not in page.text

    def test_with_nothing_to_delete(self, member_client):
        response = member_client.post(reverse("wellbeing:checkins_delete_all"))
        assert response.status_code == 302


class TestAVeryLowCheckIn:
    LOW = {"sleep": 2, "mood": 1, "intrusive_images": 2, "workload": 2, "support": 2}

    def test_puts_the_crisis_lines_of_ones_country_first(self, member_client, member):
        factories.VettingApplicationFactory(applicant=member, country="Netherlands")
        factories.SupportServiceFactory(
            name="Dutch crisis line", country="Netherlands", kind="crisis", how_to_reach="113"
        )
        factories.SupportServiceFactory(name="World line", country="", kind="helpline")
        factories.SupportServiceFactory(name="German line", country="Germany", kind="crisis")
        response = member_client.post(reverse("wellbeing:checkin"), self.LOW, follow=True)
        body = response.text
        assert "You do not have to carry this alone" in body
        assert body.index("Dutch crisis line") < body.index("World line")
        assert "German line" not in body
        # Calm, not a green success banner; and first on the page, before the trend.
        assert "banner--success" not in body
        assert body.index("crisis-title") < body.index("chart-title")

    def test_a_good_one_does_not(self, member_client):
        response = member_client.post(reverse("wellbeing:checkin"), GOOD, follow=True)
        assert "You do not have to carry this alone" not in response.text
        assert "banner--success" in response.text

    @pytest.mark.parametrize(
        ("scores", "very_low"),
        [({"mood": 1}, True), ({"sleep": 1, "mood": 2, "intrusive_images": 2, "workload": 2,
                                 "support": 2}, True), ({"mood": 2, "sleep": 2}, False)],
    )  # fmt: skip
    def test_the_rule(self, scores, very_low):
        assert SelfCheck(**{**GOOD, **scores}).is_very_low is very_low
