"""Every page type at a desktop and a phone width: nothing scrolls sideways on a phone.

With SCREENSHOTS=1 (`make screenshots`) each page is also written to var/screenshots/ at both
widths, to look at.
"""

import os

import pytest

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.browser.pages import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TAKE_SCREENSHOTS = os.environ.get("SCREENSHOTS", "") in {"1", "true"}


@pytest.mark.parametrize("page_type", PAGES, ids=lambda page_type: page_type.name)
def test_page_fits_a_phone_without_sideways_scrolling(page, visit, page_type):
    page.set_viewport_size(PHONE)
    visit(page_type)

    if TAKE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{page_type.name}-390.png", full_page=True)

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], (
        f"{page_type.name} is {scroll_width}px wide at {PHONE['width']}px: it scrolls sideways"
    )
    if TAKE_SCREENSHOTS:
        page.set_viewport_size(DESKTOP)
        page.screenshot(path=SCREENSHOTS / f"{page_type.name}-1280.png", full_page=True)
