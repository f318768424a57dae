import datetime
import io

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from registrations import booking, reminders
from registrations.models import Registration


def book(setup, email, language="he"):
    details = {"name": "רות", "email": email, "phone": "", "participants": 1, "answers": {}}
    return booking.register(setup.event_id, details, language)


def test_the_confirmation_on_the_wire_has_the_link_and_the_calendar_file(
    setup, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = book(setup, "ruth@example.org")
    (message,) = smtp_server.messages()
    assert setup.event.title in message["Subject"]
    html = message.get_body(("html",)).get_content()
    assert 'dir="rtl"' in html and 'lang="he"' in html
    assert (
        f"/events/registration/{registration.token}/" in message.get_body(("plain",)).get_content()
    )
    (attachment,) = message.iter_attachments()
    assert attachment.get_content_type() == "text/calendar"
    calendar = icalendar.Calendar.from_ical(attachment.get_content())
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == setup.event.title
    assert event.decoded("dtstart") == setup.event.starts_at


def test_the_waiting_list_email_has_no_calendar_file(setup, django_capture_on_commit_callbacks):
    setup.capacity = 0
    setup.save()
    with django_capture_on_commit_callbacks(execute=True):
        book(setup, "ruth@example.org", language="en")
    (message,) = mail.outbox
    assert message.subject.startswith("You are on the waiting list")
    assert message.attachments == []


@pytest.fixture
def soon(setup):
    """The event starts in 20 hours: its 24-hour reminder is due."""
    setup.event.starts_at = timezone.now() + datetime.timedelta(hours=20)
    setup.event.ends_at = setup.event.starts_at + datetime.timedelta(hours=2)
    setup.event.save()
    return setup


def test_the_reminder_is_sent_once_however_often_the_job_runs(soon):
    book(soon, "a@example.org")
    book(soon, "b@example.org")
    Registration.objects.filter(email="b@example.org").update(status="cancelled")
    mail.outbox.clear()
    for _ in range(2):
        call_command("registration_jobs", stdout=io.StringIO())
    (message,) = mail.outbox
    assert message.to == ["a@example.org"]
    assert message.attachments[0][0].endswith(".ics")
    assert Registration.objects.get(email="a@example.org").reminded_at is not None


def test_no_reminder_before_its_time(setup):
    book(setup, "a@example.org")  # the event is a week away
    mail.outbox.clear()
    assert reminders.send_reminders() == 0


def test_a_crash_between_claim_and_send_never_sends_twice(soon, monkeypatch):
    book(soon, "a@example.org")
    mail.outbox.clear()

    def crash(registration, kind):
        raise SystemExit("the worker died")

    monkeypatch.setattr(reminders, "send", crash)
    with pytest.raises(SystemExit):
        reminders.send_reminders()
    monkeypatch.undo()
    assert reminders.send_reminders() == 0
    assert mail.outbox == []
