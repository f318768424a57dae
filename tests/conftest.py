import email
import email.policy
import shutil
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Locale, Site

from tests.ports import free_port


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the seeded site, as `make run` builds it."""
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


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
    from aiosmtpd.controller import Controller

    port = free_port()
    handler = CapturingSmtpHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    yield handler
    controller.stop()
