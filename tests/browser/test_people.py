"""Issue 20, for people under stress: a welcome, links where people look, pages that fit a phone.

Each test follows what a person does in a real browser, at 1280 px and (where named) 390 px.
"""

import pytest
from django.urls import reverse

from accounts.models import User
from tests import factories
from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_member_reads_the_welcome_closes_it_and_finds_it_on_the_profile(
    page, sign_in_browser
):
    member = factories.MemberFactory(full_name="Noor Analyst")
    sign_in_browser(member)
    page.goto(reverse("catalog:index"))
    welcome = page.get_by_role("region", name="Welcome to the hub, Noor")
    welcome.get_by_role("link", name="Saved searches").wait_for()
    welcome.get_by_role("button", name="Close this welcome").click()
    page.get_by_text("The welcome is closed").wait_for()
    assert page.get_by_role("region", name="Welcome to the hub, Noor").count() == 0
    assert User.objects.get(pk=member.pk).welcome_dismissed_at is not None

    page.get_by_role("link", name="Noor (your profile)").click()
    page.get_by_role("heading", name="Your profile", level=1).wait_for()
    page.get_by_role("heading", name="Getting started").wait_for()


def test_bookmarks_and_saved_searches_are_in_the_header_navigation(page, sign_in_browser):
    sign_in_browser(factories.MemberFactory())
    page.goto(reverse("wellbeing:index"))
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Bookmarks").click()
    page.get_by_role("heading", name="Your bookmarks", level=1).wait_for()
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="Bookmarks").get_attribute("aria-current") == "page"
    assert nav.get_by_role("link", name="Catalogue").get_attribute("aria-current") is None
    nav.get_by_role("link", name="Saved searches").click()
    page.get_by_role("heading", name="Your saved searches", level=1).wait_for()
    # At 390 px the links are still there, without a sideways scroll.
    page.set_viewport_size(PHONE)
    assert (
        page.get_by_role("navigation", name="Main")
        .get_by_role("link", name="Bookmarks")
        .is_visible()
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.set_viewport_size(DESKTOP)


def test_an_applicant_has_no_bookmarks_link(page, sign_in_browser):
    factories.VettingApplicationFactory(applicant=(applicant := factories.UserFactory()))
    sign_in_browser(applicant)
    page.goto(reverse("accounts:application"))
    page.get_by_role("heading", name="Your application", level=1).wait_for()
    assert page.get_by_role("link", name="Bookmarks").count() == 0


# --- Phones: the pages named in issue 20 --------------------------------------------------

PHONE_PAGES = [
    "vetting-queue",
    "vetting-members",
    "vetting-decision",
    "application",
    "compare",
    "compare-four",
    "compare-too-many",
    "attestation",
    "support-services",
    "support-services-public",
    "catalogue-filtered",
    "tool",
    "profile",
]

# What a phone hides or breaks: a box that scrolls sideways inside the page (its end is off
# screen), and, once words may no longer break anywhere, text wider than its box (a word that
# was broken in the middle to fit).
HIDDEN_OR_BROKEN = """() => {
  const main = document.querySelector("main");
  const found = [];
  for (const el of main.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    const clips = ["auto", "scroll", "hidden"].includes(style.overflowX);
    if (clips && el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1) {
      found.push("scrolls sideways: " + el.outerHTML.slice(0, 120));
    }
  }
  for (const el of main.querySelectorAll("*")) {
    el.style.overflowWrap = "normal";
    el.style.wordBreak = "normal";
  }
  const edge = main.getBoundingClientRect().right;
  const shown = (el) => {
    for (let node = el; node && node !== main; node = node.parentElement) {
      if (node.getBoundingClientRect().width <= 1) return false;  // visually hidden
    }
    return true;
  };
  for (const el of main.querySelectorAll("td, th, dd, dt, p, li, h1, h2, h3, a, .tag, label")) {
    if (!shown(el)) continue;
    if (el.getBoundingClientRect().right > edge + 1 || el.scrollWidth > el.clientWidth + 1
        && getComputedStyle(el).display !== "inline") {
      found.push("a word does not fit: " + el.outerHTML.slice(0, 120));
    }
  }
  return found;
}"""


@pytest.mark.parametrize("name", PHONE_PAGES)
def test_the_page_fits_a_phone_with_nothing_hidden_and_no_word_broken(page, visit, name):
    from tests.browser.pages import PAGES

    page.set_viewport_size(PHONE)
    visit(next(row for row in PAGES if row.name == name))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate(HIDDEN_OR_BROKEN) == []


def test_on_a_phone_the_results_come_first_and_the_filters_wait_behind_filter(
    page, sign_in_browser
):
    capability = factories.CapabilityFactory(name="Hash matching")
    for n in range(3):
        factories.ToolFactory(name=f"Matcher {n}", capabilities=[capability])
    sign_in_browser(factories.MemberFactory(welcome_dismissed_at="2026-01-01T00:00Z"))
    page.set_viewport_size(PHONE)
    page.goto(reverse("catalog:index"))
    facet = page.get_by_label("Hash matching (3 tools)")
    first_result = page.get_by_role("link", name="Matcher 0")
    assert not facet.is_visible()
    # Only the header, the search box and the sort order come first (the filters took ~1,900 px).
    assert first_result.bounding_box()["y"] < 1000
    page.get_by_text("Filter", exact=True).click()
    assert facet.is_visible()
    facet.check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**capability=hash-matching**")

    page.set_viewport_size(DESKTOP)
    assert page.get_by_label("Hash matching (3 tools)").is_visible()  # always shown on a desktop
    assert not page.get_by_text("Filter", exact=True).is_visible()


def test_a_skip_link_takes_the_keyboard_to_the_results(page, sign_in_browser):
    factories.ToolFactory(name="Only Tool")
    sign_in_browser(factories.MemberFactory(welcome_dismissed_at="2026-01-01T00:00Z"))
    page.goto(reverse("catalog:index"))
    skip = page.get_by_role("link", name="Skip to results")
    for _ in range(30):
        page.keyboard.press("Tab")
        if skip.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the skip link to the results")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "results"
    presses = 0
    while not page.get_by_role("link", name="Only Tool").evaluate(
        "element => element === document.activeElement"
    ):
        page.keyboard.press("Tab")
        presses += 1
        assert presses < 5, "the first result is more than a few Tab presses after the skip link"


# --- Desktop layout ------------------------------------------------------------------------


def test_the_tool_page_side_panel_keeps_to_its_column(page, sign_in_browser):
    provider = factories.ProviderFactory(
        website="https://a-provider-with-a-very-long-name.example.org/products/forensics/",
        law_enforcement_contact="law-enforcement-liaison@a-provider-with-a-long-name.example.org",
    )
    tool = factories.ToolFactory(
        provider=provider,
        website="https://an-investigative-tool-with-a-long-address.example.org/about/",
        description="A long description. " * 80,
    )
    sign_in_browser(factories.MemberFactory())
    page.goto(tool.get_absolute_url())
    panel, text = page.locator(".tool-page > *").nth(0), page.locator(".tool-page > *").nth(1)
    panel_box, text_box = panel.bounding_box(), text.bounding_box()
    assert panel_box["x"] + panel_box["width"] <= text_box["x"]
    overflow = panel.evaluate(
        "el => [...el.querySelectorAll('*')].filter("
        "child => child.getBoundingClientRect().right > el.getBoundingClientRect().right + 1"
        ").map(child => child.outerHTML.slice(0, 80))"
    )
    assert overflow == []


def test_the_vetting_queue_columns_are_not_clipped_at_1280(page, sign_in_browser):
    factories.VettingApplicationFactory(
        full_name="Maximiliane Konstantinopoulou-Wiśniewska",
        email="maximiliane.konstantinopoulou-wisniewska@cybercrime-unit.police.example.org",
        agency_name="Federal Criminal Police Office, Cybercrime Division",
    )
    sign_in_browser(factories.VettingOfficerFactory())
    page.goto(reverse("vetting:queue"))
    wrap = page.locator(".table-wrap")
    assert wrap.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]


# --- Compare, finder, unverified tools ----------------------------------------------------


def test_compare_stops_at_four_and_keeps_a_longer_selection_to_untick(page, sign_in_browser):
    tools = [factories.ToolFactory(name=f"Compared {n}") for n in range(5)]
    sign_in_browser(factories.MemberFactory(welcome_dismissed_at="2026-01-01T00:00Z"))
    page.goto(reverse("catalog:index"))
    for tool in tools[:4]:
        page.get_by_label(f"Compare {tool.name}").check()
    assert page.get_by_label("Compare Compared 4").is_disabled()
    page.get_by_text("You have ticked 4 tools").wait_for()
    page.get_by_label("Compare Compared 3").uncheck()
    assert page.get_by_label("Compare Compared 4").is_enabled()

    # Without the script (a link, an old browser), five reach the server: the page keeps them.
    query = "&".join(f"tools={tool.slug}" for tool in tools)
    response = page.goto(f"{reverse('catalog:compare')}?{query}")
    assert response.status == 400
    page.get_by_text("Compare up to 4 tools at a time: you chose 5.").first.wait_for()
    choice = page.locator("#compare-choice")
    assert choice.get_by_role("checkbox", checked=True).count() == 5
    choice.get_by_label("Compared 2").uncheck()
    choice.get_by_role("button", name="Compare selected tools").click()
    page.get_by_role("table").wait_for()
    headers = page.get_by_role("columnheader").all_inner_texts()
    assert [h for h in headers if h] == ["Compared 0", "Compared 1", "Compared 3", "Compared 4"]


def test_the_finder_keeps_only_tools_with_a_must_language(page, sign_in_browser):
    arabic = factories.LanguageFactory(name="Arabic")
    factories.LanguageFactory(name="French")
    factories.ToolFactory(name="Reads Arabic", languages=[arabic])
    for n in range(9):
        factories.ToolFactory(name=f"No Arabic {n}")
    sign_in_browser(factories.MemberFactory())
    page.goto(reverse("catalog:finder"))
    page.get_by_label("Arabic").check()
    page.get_by_role("button", name="Find tools").click()
    results = page.locator("section", has=page.get_by_role("heading", name="Tools that fit"))
    results.get_by_role("link", name="Reads Arabic").wait_for()
    assert results.get_by_role("listitem").filter(has_text="No Arabic").count() == 0


def test_a_member_is_warned_on_a_tool_not_verified_for_a_year(page, sign_in_browser):
    from datetime import timedelta

    from hub import clock

    tool = factories.ToolFactory(last_verified=clock.today() - timedelta(days=400))
    sign_in_browser(factories.MemberFactory())
    page.goto(tool.get_absolute_url())
    note = page.get_by_role("note").filter(has_text="Not verified for over 12 months")
    assert note.is_visible()


# --- No dead ends: every blocked page leads to help -----------------------------------------


def _blocked(kind: str):
    if kind == "applicant":
        person = factories.UserFactory()
        factories.VettingApplicationFactory(applicant=person)
    elif kind == "rejected":
        person = factories.UserFactory()
        factories.VettingApplicationFactory(applicant=person, state="rejected")
    elif kind == "suspended":
        person = factories.SuspendedMemberFactory()
    else:
        person = factories.ExpiredMemberFactory()
    return person


@pytest.mark.parametrize("kind", ["applicant", "rejected", "suspended", "expired"])
def test_a_blocked_page_leads_to_help_contact_and_support(page, sign_in_browser, kind):
    sign_in_browser(_blocked(kind))
    response = page.goto(reverse("catalog:index"))
    assert response.status == 403
    page.get_by_role("link", name="Help: vetting, a lost phone, suspension").click()
    page.get_by_role("heading", name="Help", level=1).wait_for()
    page.go_back()
    page.get_by_role("link", name="Contact us").click()
    assert page.url.endswith(reverse("contact"))
    page.go_back()
    page.get_by_role("link", name="Support services, open to everyone").click()
    assert page.url.endswith(reverse("wellbeing:services"))


def test_a_curator_declines_a_published_review_on_its_own_page(page, sign_in_browser):
    from catalog.models import ToolReview

    review = factories.ToolReviewFactory(status=ToolReview.Status.PUBLISHED)
    sign_in_browser(factories.CuratorFactory())
    page.goto(reverse("admin:catalog_toolreview_change", args=[review.pk]))
    page.get_by_text("This review is published.").wait_for()
    assert page.get_by_role("button", name="Publish").count() == 0
    page.get_by_label("Moderation note").fill("It names a suspect.")
    page.get_by_role("button", name="Decline").click()
    page.locator(".messagelist").get_by_text("now it is declined").wait_for()
    review.refresh_from_db()
    assert review.status == ToolReview.Status.DECLINED


def test_an_admin_changelist_is_not_clipped_at_1280(page, sign_in_browser):
    for n in range(3):
        factories.ToolFactory(name=f"A tool with a rather long name, number {n}, in the list")
    sign_in_browser(factories.CuratorFactory())
    page.goto(reverse("admin:catalog_tool_changelist"))
    results = page.locator("#changelist .results")
    assert results.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]
