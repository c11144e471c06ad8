"""Every page type, in a real browser: no serious or critical axe-core violation (WCAG 2.2 AA),
no browser errors, and nothing that scrolls sideways on a 390 px phone.

axe-core comes from the PyPI package axe-playwright-python, which bundles it; it is evaluated in
the page through the DevTools protocol, which the hub's CSP (no inline script) does not block.

One test per page type does all three checks on one page load: loading pages is most of the
suite's time. With SCREENSHOTS=1 (`make screenshots`) each page is also written to
var/screenshots/ at 1280 and 390 px wide, to look at.
"""

import json
import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.browser.pages import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = {"serious", "critical"}
TAKE_SCREENSHOTS = os.environ.get("SCREENSHOTS", "") in {"1", "true"}
AXE_SCRIPT = Axe().axe_script


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"    {node['failureSummary'].replace(chr(10), ' ')}")
    return "\n".join(lines)


def _blocking(page, run_only: dict | None = None) -> list[dict]:
    """axe's serious and critical violations on the page (axe is injected once per document)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    options = {
        "runOnly": run_only or {"type": "tag", "values": WCAG_TAGS},
        "resultTypes": ["violations"],
    }
    results = page.evaluate(f"axe.run(document, {json.dumps(options)})")
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def test_the_check_itself_catches_a_serious_violation(page):
    page.set_content('<html lang="en"><title>t</title><main><img src="/x.png"></main></html>')

    assert [violation["id"] for violation in _blocking(page)] == ["image-alt"]


def test_the_check_itself_catches_poor_contrast_in_the_dark_scheme(page):
    page.set_content(
        '<html lang="en"><title>t</title><main><p style="color:#777;background:#666">Hi</p>'
        "</main></html>"
    )

    assert [v["id"] for v in _blocking(page, {"type": "rule", "values": ["color-contrast"]})] == [
        "color-contrast"
    ]


@pytest.mark.parametrize("page_type", PAGES, ids=lambda page_type: page_type.name)
def test_page_is_accessible_and_fits_a_phone(page, visit, console_errors, page_type):
    visit(page_type)
    # An expected 403/404 is reported to the console as a failed resource; nothing else may be.
    unexpected = [error for error in console_errors if "the server responded" not in error]
    assert not unexpected, f"{page_type.name}: the browser reported errors: {unexpected}"

    # Every rule in the light scheme; the dark one has colour tokens (and contrast) of its own.
    blocking = _blocking(page)
    assert not blocking, f"{page_type.name} (light) at {page.url}:\n{_report(blocking)}"
    page.emulate_media(color_scheme="dark")
    # Colours may change with a transition (the admin's links do): check the settled page.
    page.evaluate("Promise.all(document.getAnimations().map(animation => animation.finished))")
    blocking = _blocking(page, {"type": "rule", "values": ["color-contrast"]})
    assert not blocking, f"{page_type.name} (dark) at {page.url}:\n{_report(blocking)}"
    page.emulate_media(color_scheme="light")

    if TAKE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"{page_type.name}-1280.png", full_page=True)
    page.set_viewport_size(PHONE)
    if TAKE_SCREENSHOTS:
        page.screenshot(path=SCREENSHOTS / f"{page_type.name}-390.png", full_page=True)
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], (
        f"{page_type.name} is {scroll_width}px wide at {PHONE['width']}px: it scrolls sideways"
    )
    page.set_viewport_size(DESKTOP)
