"""The emails of registration (inline in dev and tests, the database queue in production),
in the registration's language, each with the personal link (to see or cancel it); those
that confirm a place, and the reminder, carry the event's calendar file."""

from django.urls import reverse
from django.utils import translation
from django_tasks import task

from core.links import absolute_url
from core.mail import EmailMessage, render_email

from .events import in_language
from .models import Registration

Status = Registration.Status
# Which email each kind is, and the status a registration must still have for it to go
# (one cancelled since the email was queued gets nothing).
KINDS = {
    Status.CONFIRMED: Status.CONFIRMED,
    Status.WAITING: Status.WAITING,
    Status.OFFERED: Status.OFFERED,
    "reminder": Status.CONFIRMED,
}
WITH_CALENDAR = {Status.CONFIRMED, "reminder"}


def calendar_file(event):
    """The event's .ics, as its own `ics/` address serves it (media's EventPage route,
    reached through the page: this app does not import media)."""
    return event.ics_file(None).content


def send(registration, kind):
    with translation.override(registration.language):
        link = absolute_url(reverse("registrations:registration", args=[registration.token]))
    event = in_language(registration.event, registration.language)
    context = {"registration": registration, "event": event, "link_url": link}
    subject, text, html = render_email(
        f"registrations/email/{kind}", context, registration.language
    )
    message = EmailMessage(subject=subject, body=text, to=[registration.email])
    message.attach_alternative(html, "text/html")
    if kind in WITH_CALENDAR:
        message.attach(
            f"{event.slug}.ics",
            calendar_file(event),
            "text/calendar; charset=utf-8",
        )
    message.send()


@task()
def send_registration_email(registration_id, kind):
    registration = (
        Registration.objects.filter(pk=registration_id, status=KINDS[kind])
        .select_related("event")
        .first()
    )
    if registration is not None:
        send(registration, kind)
