"""End-to-end tests: the seeded site, served by a live server, driven in Chromium.

Playwright cannot download browsers here, so the tests use the system's Chromium (Debian's
`chromium` package, or the binary named in CHROMIUM_PATH). Where none is found they are
skipped, with the reason shown, rather than passing without having run.

One live server and one Chromium per test process: each test gets browser contexts of its
own (cookies, storage), closed after it, and commits to the database the live server reads;
the seeded site is put back after it (`committed_db`). Chromium is started for the first
end-to-end test and stopped after the last of a run of them, before any other test.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Site

from core import groups
from members.factories import UserFactory

E2E_DIR = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NO_CHROMIUM = (
    "Chromium not found: install Debian's chromium package (apt-get install chromium) "
    "to run the end-to-end tests"
)
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
CHROMIUM = pytest.StashKey()


def _is_e2e(item):
    return item is not None and E2E_DIR in Path(item.path).resolve().parents


def pytest_collection_modifyitems(config, items):
    for item in filter(_is_e2e, items):
        item.add_marker(pytest.mark.e2e)
        item.add_marker(pytest.mark.seeded)  # the live site is the seeded one


def find_chromium():
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium_path():
    executable = find_chromium()
    if executable is None:
        pytest.skip(NO_CHROMIUM)
    return executable


class Chromium:
    """Playwright and its Chromium, started for the first end-to-end test of a run of them and
    stopped before the next other test (`pytest_runtest_teardown`).

    Playwright's sync API leaves its event loop marked as running in the test's thread. While
    it is, Django refuses database calls there unless DJANGO_ALLOW_ASYNC_UNSAFE is set, and
    looks the thread's connections up in a context variable instead of the thread's storage:
    a second set of connections, outside the first set's transactions and without the copy
    of the seeded site attached to SQLite's (tests/seeded_database.py). So the thread's own
    connections are put in the context variable as Playwright starts, and every fixture and
    test uses them. No other test runs with the loop marked: asyncio and Django would behave
    differently there.
    """

    def __init__(self, executable):
        self.executable = executable
        self._playwright = self._browser = None
        self._async_unsafe = None

    def browser(self):
        if self._browser is None:
            self._start()
        return self._browser

    def _start(self):
        own = {alias: connections[alias] for alias in connections}
        self._playwright = sync_playwright().start()
        for alias, connection in own.items():
            connections[alias] = connection
        # Set while Playwright runs, and only then: other tests' subprocesses must not inherit it.
        self._async_unsafe = os.environ.get(ASYNC_UNSAFE)
        os.environ[ASYNC_UNSAFE] = "true"
        try:
            self._browser = self._playwright.chromium.launch(
                executable_path=self.executable, args=CHROMIUM_ARGS
            )
        except BaseException:
            self.stop()
            raise

    def stop(self):
        if self._playwright is None:
            return
        try:
            if self._browser is not None:
                self._browser.close()
        finally:
            self._playwright.stop()
            self._playwright = self._browser = None
            if self._async_unsafe is None:
                os.environ.pop(ASYNC_UNSAFE, None)
            else:
                os.environ[ASYNC_UNSAFE] = self._async_unsafe


@pytest.fixture(scope="session")
def chromium(request, chromium_path):
    host = request.config.stash[CHROMIUM] = Chromium(chromium_path)
    yield host
    host.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the test's own teardown (its browser contexts closed, the database put back),
    Chromium stops if the next test is not an end-to-end one."""
    result = yield
    if not _is_e2e(nextitem) and CHROMIUM in item.config.stash:
        item.config.stash[CHROMIUM].stop()
    return result


@pytest.fixture(scope="session")
def live_site(django_db_setup):
    """pytest-django's live server, without its `live_server` fixture, which would wrap each
    test in `transactional_db`: a flush of every table after it."""
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture
def site_url(live_site, committed_db):
    """The live server's address, where the seeded site's pages resolve."""
    address = urlsplit(live_site.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname = address.hostname
    site.port = address.port
    site.save()
    return live_site.url


@pytest.fixture
def browser(chromium, site_url):
    """The process's Chromium; the contexts a test opens are closed after it."""
    browser = chromium.browser()
    yield browser
    for context in browser.contexts:
        context.close()


@pytest.fixture
def page(browser):
    """A tab in a context of the test's own."""
    return browser.new_context().new_page()


@pytest.fixture
def editor(site_url):
    """A member of the Editors group (not a superuser)."""
    return UserFactory(groups=[groups.EDITORS])


@pytest.fixture
def moderator(site_url):
    return UserFactory(groups=[groups.MODERATORS])
