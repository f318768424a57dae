"""An event with registration turned on, and a way to send its form as a visitor does."""

import time

import pytest
from django.core import signing

from media.factories import EventPageFactory
from registrations.models import Registration, RegistrationSetup


def started(seconds_ago=10):
    return signing.dumps(time.time() - seconds_ago, salt="registrations.form-started")


def form_data(**overrides):
    data = {
        "name": "רות כהן",
        "email": "ruth@example.org",
        "phone": "",
        "kibbutz": "קיבוץ משמר",
        "participants": "1",
        "note": "",
        "consent": "on",
        "started": started(),
    }
    return {key: value for key, value in (data | overrides).items() if value is not None}


def make_setup(parent, **fields):
    event = EventPageFactory(parent=parent)
    return RegistrationSetup.objects.create(
        event=event,
        **{"capacity": 3, "questions": ["kibbutz", "participants", "note"], **fields},
    )


def registration(setup, **fields):
    """A registration for the setup's event, as the form would have made it: confirmed, in
    Hebrew, with an address of its own unless given."""
    number = Registration.objects.count()
    defaults = {
        "name": f"אורח {number}",
        "email": f"guest{number}@example.org",
        "status": Registration.Status.CONFIRMED,
        "language": "he",
    }
    return Registration.objects.create(event=setup.event, **(defaults | fields))


@pytest.fixture
def setup(home):
    return make_setup(home)


@pytest.fixture
def register(client, setup, django_capture_on_commit_callbacks):
    """Send the registration form from one visitor's address (a None value leaves the field
    out), running what is queued for after the commit (the emails)."""

    def send(address="192.0.2.7", url=None, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                url or f"/events/{setup.event_id}/register/",
                form_data(**overrides),
                REMOTE_ADDR=address,
            )

    return send
