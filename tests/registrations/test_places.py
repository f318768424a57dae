import datetime
import io
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection as db_connection
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from registrations import booking
from registrations.models import Registration

from .conftest import form_data, make_setup


def details(email, participants=1):
    return {
        "name": "אורח",
        "email": email,
        "phone": "",
        "participants": participants,
        "answers": {},
    }


def book(setup, email, participants=1):
    return booking.register(setup.event_id, details(email, participants), "he")


def statuses(setup):
    return {r.email: r.status for r in Registration.objects.filter(event=setup.event)}


def test_beyond_the_capacity_people_wait_in_line(setup):
    book(setup, "a@example.org", 2)
    book(setup, "b@example.org", 2)  # 2 + 2 > 3
    book(setup, "c@example.org", 1)  # would fit, but does not jump the line
    assert statuses(setup) == {
        "a@example.org": "confirmed",
        "b@example.org": "waiting",
        "c@example.org": "waiting",
    }


def test_a_cancellation_offers_the_place_to_the_next_in_line(
    client, setup, django_capture_on_commit_callbacks
):
    first = book(setup, "a@example.org", 3)
    book(setup, "b@example.org", 2)
    book(setup, "c@example.org", 1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/events/registration/{first.token}/cancel/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert statuses(setup) == {
        "a@example.org": "cancelled",
        "b@example.org": "offered",
        "c@example.org": "offered",
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["b@example.org", "c@example.org"]
    offered = Registration.objects.get(email="b@example.org")
    expected = timezone.now() + datetime.timedelta(hours=48)
    assert abs(offered.offered_until - expected) < datetime.timedelta(minutes=1)
    assert offered.token in mail.outbox[0].body or offered.token in mail.outbox[1].body


def test_a_get_never_cancels_and_cancelling_twice_is_harmless(client, setup):
    registration = book(setup, "a@example.org")
    assert client.get(f"/events/registration/{registration.token}/cancel/").status_code == 200
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    for _ in range(2):
        client.post(f"/events/registration/{registration.token}/cancel/")
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_an_offer_is_taken_by_post(client, setup, django_capture_on_commit_callbacks):
    first = book(setup, "a@example.org", 3)
    second = book(setup, "b@example.org", 1)
    booking.cancel(first)
    mail.outbox.clear()
    link = f"/events/registration/{second.token}/accept/"
    client.get(link)
    second.refresh_from_db()
    assert second.status == "offered"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 200 and not response.context["offer_gone"]
    second.refresh_from_db()
    assert second.status == "confirmed" and second.offered_until is None
    (message,) = mail.outbox
    assert message.attachments[0][0].endswith(".ics")


def test_an_expired_offer_moves_on_to_the_next(client, setup):
    first = book(setup, "a@example.org", 3)
    late = book(setup, "b@example.org", 3)
    book(setup, "c@example.org", 3)
    booking.cancel(first)
    Registration.objects.filter(pk=late.pk).update(
        offered_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    response = client.post(f"/events/registration/{late.token}/accept/")
    assert response.context["offer_gone"]
    call_command("registration_jobs", stdout=io.StringIO())
    assert statuses(setup) == {
        "a@example.org": "cancelled",
        "b@example.org": "cancelled",
        "c@example.org": "offered",
    }


def test_a_place_freed_once_the_event_has_started_is_offered_to_nobody(setup):
    first = book(setup, "a@example.org", 3)
    book(setup, "b@example.org", 1)
    type(setup.event).objects.filter(pk=setup.event_id).update(
        starts_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    setup.event.refresh_from_db()
    booking.cancel(first)
    assert statuses(setup) == {"a@example.org": "cancelled", "b@example.org": "waiting"}


# Outside a test transaction, so that the threads see each other's commits.
@pytest.mark.skipif(
    db_connection.vendor != "postgresql",
    reason="SQLite takes one writer at a time (no row locks to prove); needs PostgreSQL",
)
def test_parallel_registrations_never_overbook(committed_db):
    home = Site.objects.get(is_default_site=True).root_page.specific
    setup = make_setup(home, capacity=5)
    errors = []
    barrier = threading.Barrier(12)

    def visitor(n):
        try:
            client = Client()
            barrier.wait(10)
            response = client.post(
                f"/events/{setup.event_id}/register/",
                form_data(email=f"p{n}@example.org", participants="1"),
                REMOTE_ADDR=f"192.0.2.{n + 1}",
            )
            assert response.status_code == 200
        except Exception as error:  # surfaced below
            errors.append(error)
        finally:
            db_connection.close()

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    counts = list(statuses(setup).values())
    assert counts.count("confirmed") == 5
    assert counts.count("waiting") == 7
