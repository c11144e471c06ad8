"""The main page types in Arabic (right to left) and Chinese, in a real browser.

Each is checked as test_accessibility checks English: no serious or critical axe-core violation
and no sideways scroll at 390 px, plus the document's direction. The browser asks for the language
(Accept-Language) as a visitor's does; the personas have no saved language. With SCREENSHOTS=1
(`make screenshots`) each page is written to var/screenshots/<language>/ at 1280 and 390 px.
"""

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, TIMEOUT_MS
from tests.browser.pages import PAGES, PageType
from tests.browser.test_accessibility import TAKE_SCREENSHOTS, _blocking, _report

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAIN_PAGES = {
    "landing", "sign-in", "sign-in-errors", "sign-up-errors", "2fa-security", "application",
    "vetting-queue", "catalogue", "catalogue-filtered", "tool", "compare", "guidance", "article",
    "wellbeing", "self-check", "self-check-trend", "support-services", "notifications",
}  # fmt: skip
BROWSER_LOCALES = {"ar": "ar", "zh-hans": "zh-CN"}
CASES = [
    (language, page_type)
    for language in BROWSER_LOCALES
    for page_type in PAGES
    if page_type.name in MAIN_PAGES
]


@pytest.fixture
def context(
    browser: Browser, live_server: LiveServer, request: pytest.FixtureRequest
) -> Iterator[BrowserContext]:
    language = request.node.callspec.params["case"][0]
    context = browser.new_context(
        base_url=live_server.url,
        viewport=DESKTOP,
        locale=BROWSER_LOCALES[language],
        extra_http_headers={"Accept-Language": language},
    )
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


def test_every_main_page_type_is_covered() -> None:
    assert {page_type.name for _language, page_type in CASES} == MAIN_PAGES


@pytest.mark.parametrize("case", CASES, ids=[f"{lang}-{pt.name}" for lang, pt in CASES])
def test_page_in_another_script_is_accessible_and_fits_a_phone(
    page: Page, visit: Callable[[PageType], object], case: tuple[str, PageType]
) -> None:
    language, page_type = case
    visit(page_type)
    direction = "rtl" if language == "ar" else "ltr"
    assert page.get_attribute("html", "lang") == language
    assert page.get_attribute("html", "dir") == direction, f"{page_type.name} in {language}"

    blocking = _blocking(page)
    assert not blocking, f"{page_type.name} in {language} at {page.url}:\n{_report(blocking)}"

    folder = SCREENSHOTS / language
    if TAKE_SCREENSHOTS:
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{page_type.name}-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    if TAKE_SCREENSHOTS:
        page.screenshot(path=folder / f"{page_type.name}-390.png", full_page=True)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], (
        f"{page_type.name} in {language} is {scroll_width}px wide at 390px: it scrolls sideways"
    )
    # In right to left, overflow goes to the left: the page must not start scrolled either.
    assert page.evaluate("Math.abs(document.scrollingElement.scrollLeft)") == 0
