import email
import email.policy
import shutil
import time

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS
from django.test.utils import setup_databases, teardown_databases
from wagtail.models import Locale, Site

from tests import seeded_database
from tests.ports import free_port


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """One database per test process (the xdist suffix: `test_shitufi_gw0`...). On PostgreSQL,
    commits do not wait for the disk: a test database need not survive a crash, and the
    migrations and the seed commit thousands of times."""
    database = settings.DATABASES[DEFAULT_DB_ALIAS]
    if database["ENGINE"] == "django.db.backends.postgresql":
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """The test database, migrated and seeded once per test process, and its copy
    (tests/seeded_database.py).

    Ordinary tests run in a transaction on top of it; they build what they assert on with the
    apps' factories, and those that read the demo content say so (the `seeded` marker). Set up
    for every session, unlike pytest-django's own, which makes no database when no collected
    test asks for `db`: then the seed would run on the real one."""
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        databases = setup_databases(
            verbosity=verbosity,
            interactive=False,
            aliases={DEFAULT_DB_ALIAS},
            serialized_aliases=set(),
        )
        call_command("seed", verbosity=0)
        seeded_database.take()
    yield
    with django_db_blocker.unblock():
        teardown_databases(databases, verbosity=verbosity)


@pytest.fixture
def committed_db(request, django_db_setup, django_db_blocker):
    """Database access outside a transaction, for a test whose data other threads must see
    (a live server, concurrent workers); the seeded site is put back after it."""
    if {"db", "transactional_db"} & set(request.fixturenames) or request.node.get_closest_marker(
        "django_db"
    ):
        pytest.fail(
            "`db` (which `django_user_model` and `admin_client` ask for) or the django_db "
            "marker would keep this test's data in a transaction other threads cannot see, "
            "or flush the seeded site"
        )
    with django_db_blocker.unblock():
        try:
            yield
        finally:
            seeded_database.restore()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The end-to-end tests first (pytest-django's ordering would put them last, with the
    tests that use no database): with one queue for both processes (`make test`), the
    longest tests start at once and short ones fill the end. Order does not matter
    otherwise: every test finds the seeded site."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is None)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The tests of one process share its memory cache (and the page cache in it); each test
    starts with it empty, as after a deployment."""
    cache.clear()


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def hebrew(db):
    return Locale.objects.get(language_code="he")


def pytest_sessionfinish(session, exitstatus):
    """The session's uploads (seed images, renditions, legal files) go with it."""
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.PRIVATE_ROOT, ignore_errors=True)


class CapturingSmtpHandler:
    """What a real SMTP server received: each message's envelope, as bytes on the wire."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"

    def messages(self):
        return [
            email.message_from_bytes(envelope.content, policy=email.policy.default)
            for envelope in self.envelopes
        ]

    def wait_for_message(self, count, timeout=15):
        """The `count`-th message, once it arrived: the server's thread may lag behind the
        request that sent it."""
        deadline = time.monotonic() + timeout
        while len(self.envelopes) < count:
            assert time.monotonic() < deadline, f"{len(self.envelopes)} of {count} emails"
            time.sleep(0.1)
        return self.messages()[count - 1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on loopback, and Django's SMTP backend pointed at it."""

    port = free_port()
    handler = CapturingSmtpHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield handler
    controller.stop()
