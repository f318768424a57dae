import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Locale, Site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the seeded site, as `make run` builds it."""
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


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
    """The session's uploads (generated seed images, renditions) go with it."""
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
