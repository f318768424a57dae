"""End-to-end tests: the live site, served by pytest-django's live server, driven in Chromium.

Playwright cannot download browsers here, so the tests use the system's Chromium (Debian's
`chromium` package, or the binary named in CHROMIUM_PATH). Where none is found they are
skipped, with the reason shown, rather than passing without having run.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

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


def pytest_collection_modifyitems(config, items):
    for item in items:
        if E2E_DIR in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.e2e)


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


@pytest.fixture
def browser(chromium_path, site_url, monkeypatch):
    """Chromium, driven by Playwright, for one test.

    Playwright's sync API keeps its event loop marked as running in this thread while the
    test runs, and Django then keeps a separate set of database connections (asgiref's
    Local acts as a context variable when a loop runs). pytest-django's set-up and
    teardown, and the seed, must use the connection that created the test database, so
    Playwright starts after them (hence `site_url`) and stops before the database is
    flushed; a browser shared by the whole session would straddle both.
    """
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in the test thread, and Django's ORM refuses
    # to run where an event loop is running unless told that this is safe. Set for the
    # browser's lifetime only: the variable must not leak into other tests' subprocesses.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
    except BaseException:
        playwright.stop()
        raise
    yield chromium
    try:
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def _e2e_empty_database(django_db_setup, django_db_blocker):
    """Empties the test database once, before the first live-server test.

    Live-server tests run outside a transaction, so Django flushes every table after each
    one, and `django_db_serialized_rollback` reloads what the migrations made (the tree's
    root page, the locales, the permissions...) before each. That reload would collide with
    the content tests/conftest.py seeds for the whole session, so the tables are emptied
    first. Session scope makes this run before pytest-django's function-scoped set-up.
    """
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)


def _reset_sequences():
    """The serialized rollback reloads rows with their ids but leaves PostgreSQL's id
    sequences behind them; move each sequence past the highest id (a no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.fixture
def site_url(_e2e_empty_database, django_db_serialized_rollback, live_server):
    """The live server's address, with the seeded site's pages resolving on it."""
    from wagtail.models import Site

    _reset_sequences()
    call_command("seed", verbosity=0)
    address = urlsplit(live_server.url)
    site = Site.objects.get(is_default_site=True)
    site.hostname = address.hostname
    site.port = address.port
    site.save()
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def editor(site_url, django_user_model):
    """A member of the Editors group (not a superuser), made before the browser starts."""
    from core import groups

    from .admin import make_user

    return make_user(django_user_model, "editor", groups.EDITORS)


@pytest.fixture
def moderator(site_url, django_user_model):
    from core import groups

    from .admin import make_user

    return make_user(django_user_model, "moderator", groups.MODERATORS)
