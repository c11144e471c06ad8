"""Browser tests: Playwright drives Debian's Chromium against a live server run by the tests.

One Chromium for all the browser tests, a fresh context (cookies, storage) per test. The live
server runs in a thread of this process, so `hub.clock.travel()` and the test's mailbox reach it
too; it needs the transactional database, which pytest-django's `live_server` asks for by itself.

Set HEADED=1 to watch the browser (and SLOWMO=<milliseconds> to slow it down); SCREENSHOTS=1 makes
the layout tests write their screenshots to var/screenshots/ (`make screenshots`).
"""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.pages import PERSONAS, PageType
from tests.conftest import IN_CI, sign_in

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's own browser download cannot run here; Debian's Chromium needs these flags in a
# container (no user namespaces, no GPU) and should not call home during tests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"
TIMEOUT_MS = 10_000
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"


def _passthrough(application):
    return application


@pytest.fixture(scope="session")
def live_server(request) -> Iterator:
    """pytest-django's live server, with static files served the way production serves them.

    Its default wraps the app in Django's StaticFilesHandler, which looks files up with the finders
    and so 404s the hashed names that the manifest storage puts in pages. Without it, requests reach
    WhiteNoise's middleware, which serves the collected files from STATIC_ROOT as in production.
    """
    from pytest_django.live_server_helper import LiveServer

    addr = request.config.getvalue("liveserver") or os.getenv(
        "DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = _passthrough
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="package")
def browser():
    """One Chromium for all the browser tests, closed when they are done."""
    if not CHROMIUM.exists():
        message = f"Browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)."
        if IN_CI:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio event loop running in this thread while it is
    # started, and Django then refuses every database query from the thread
    # (SynchronousOnlyOperation). The tests' queries are ordinary blocking calls made between
    # browser calls, never inside a coroutine, so the guard protects nothing here; it is lifted
    # for exactly as long as Playwright runs, which is why this fixture is package-scoped.
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM),
                args=CHROMIUM_ARGS,
                headless=os.environ.get("HEADED", "") not in {"1", "true"},
                slow_mo=float(os.environ.get("SLOWMO", "0")),
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ[ASYNC_UNSAFE]
        else:
            os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=DESKTOP, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def console_errors(page) -> list[str]:
    """Errors the page reports: script errors, and anything the CSP blocked (inline style...)."""
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _sign_in_on(context, page, live_server, user, *, verified: bool = True) -> None:
    """Sign a person in on a browser context without the forms: a session made as django-otp does.

    The session cookie is `__Host-` prefixed and Secure (production settings). A `__Host-` cookie
    must be host-only (no Domain), which Playwright's add_cookies cannot express, so it is set
    through the DevTools protocol; Chromium keeps Secure cookies from http://localhost because it
    counts localhost as a secure context.
    """
    from django.test import Client

    client = sign_in(Client(), user, verified=verified)
    devtools = context.new_cdp_session(page)
    devtools.send(
        "Network.setCookie",
        {
            "name": settings.SESSION_COOKIE_NAME,
            "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": live_server.url + "/",
            "path": "/",
            "secure": settings.SESSION_COOKIE_SECURE,
            "httpOnly": True,
            "sameSite": "Lax",
        },
    )
    devtools.detach()


@pytest.fixture
def sign_in_browser(context, page, live_server):
    """Sign a person in on the test's browser (see `_sign_in_on`)."""

    def sign_in_browser(user, *, verified: bool = True) -> None:
        _sign_in_on(context, page, live_server, user, verified=verified)

    return sign_in_browser


@pytest.fixture
def second_browser(browser, live_server):
    """Another person's browser (or the same person's other device): its own cookies and page.

    Returns (page, sign_in) where sign_in(user) signs a person in on that browser.
    """
    other = browser.new_context(base_url=live_server.url, viewport=DESKTOP, locale="en-GB")
    other.set_default_timeout(TIMEOUT_MS)
    other_page = other.new_page()

    def sign_in_there(user, *, verified: bool = True) -> None:
        _sign_in_on(other, other_page, live_server, user, verified=verified)

    yield other_page, sign_in_there
    other.close()


@pytest.fixture
def visit(page, sign_in_browser):
    """Open a page type as its persona; returns the response of the final page."""

    def visit(page_type: PageType):
        user = PERSONAS[page_type.persona]()
        if user is not None:
            sign_in_browser(user, verified=page_type.verified)
        response = page.goto(page_type.url(user))
        assert response is not None
        assert response.status == page_type.status, (
            f"{page_type.name}: {page.url} answered {response.status}, expected {page_type.status}"
        )
        if page_type.then is not None:
            page_type.then(page)
        return response

    return visit
