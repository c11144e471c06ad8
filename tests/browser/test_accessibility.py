"""axe-core, run in the browser on every page type: no serious or critical violation (WCAG 2.2 AA).

axe-core comes from the PyPI package axe-playwright-python, which bundles it; it is evaluated in
the page through the DevTools protocol, which the hub's CSP (no inline script) does not block.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
BLOCKING = {"serious", "critical"}


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {', '.join(map(str, node['target']))}: {node['html'][:160]}")
            lines.append(f"    {node['failureSummary'].replace(chr(10), ' ')}")
    return "\n".join(lines)


def _blocking(page) -> list[dict]:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING]


def test_the_check_itself_catches_a_serious_violation(page):
    page.set_content('<html lang="en"><title>t</title><main><img src="/x.png"></main></html>')

    assert [violation["id"] for violation in _blocking(page)] == ["image-alt"]


@pytest.mark.parametrize("page_type", PAGES, ids=lambda page_type: page_type.name)
def test_page_has_no_serious_accessibility_violation(page, visit, console_errors, page_type):
    visit(page_type)
    # An expected 403/404 is reported to the console as a failed resource; nothing else may be.
    unexpected = [error for error in console_errors if "the server responded" not in error]
    assert not unexpected, f"{page_type.name}: the browser reported errors: {unexpected}"

    # The same page in both colour schemes: the dark one has tokens (and contrast) of its own.
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        blocking = _blocking(page)
        assert not blocking, f"{page_type.name} ({scheme}) at {page.url}:\n{_report(blocking)}"
