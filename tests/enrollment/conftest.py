"""A join page with its choices, and a way to send its form as a visitor does."""

import time

import pytest
from django.core import signing

from enrollment.factories import EnrollmentPageFactory, InterestFactory
from members.factories import KibbutzFactory

ADDRESS = "ruth@example.org"


@pytest.fixture
def join_page(home):
    return EnrollmentPageFactory(parent=home)


@pytest.fixture
def kibbutz(db):
    return KibbutzFactory(name_he="קיבוץ משמר", name_en="Kibbutz Mishmar")


@pytest.fixture
def interest(db):
    return InterestFactory(name="חינוך")


def started(seconds_ago=10):
    return signing.dumps(time.time() - seconds_ago, salt="enrollment.form-started")


def form_data(kibbutz, /, **overrides):
    data = {
        "first_name": "רות",
        "last_name": "כהן",
        "email": ADDRESS,
        "phone": "050-1234567",
        "kibbutz": str(kibbutz.pk),
        "other_community": "",
        "age_band": "30-40",
        "wants_to_be_contact": "on",
        "list_consent": "on",
        "started": started(),
    }
    return {key: value for key, value in (data | overrides).items() if value is not None}


@pytest.fixture
def enroll(client, join_page, kibbutz, django_capture_on_commit_callbacks):
    """Send the join form (with `overrides`; a None value leaves the field out) from one
    visitor's address, running what is queued for after the commit (the emails)."""

    def send(page=None, address="192.0.2.7", **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                (page or join_page).url,
                form_data(kibbutz, **overrides),
                REMOTE_ADDR=address,
                HTTP_USER_AGENT="pytest-browser",
            )

    return send
