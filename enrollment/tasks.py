"""The emails of enrollment (inline in dev and tests, the database queue in production),
in the person's language, each with the link to their details: to see, correct or erase
them (the Privacy Protection Law's rights)."""

from django.urls import reverse
from django.utils import translation
from django_tasks import task

from core.links import absolute_url
from core.mail import render_email, send_mail

from .people import Person


def _send(person, template, url_name):
    with translation.override(person.language):
        action_path = reverse(url_name, args=[person.token])
        details_path = reverse("enrollment:details", args=[person.token])
    context = {
        "person": person,
        "action_url": absolute_url(action_path),
        "details_url": absolute_url(details_path),
    }
    subject, text, html = render_email(f"enrollment/email/{template}", context, person.language)
    send_mail(subject, text, [person.email], html=html)


@task()
def send_confirmation(person_id):
    """The confirmation link, to a person still pending (one confirmed or erased since the
    email was queued gets nothing)."""
    person = Person.objects.filter(pk=person_id, status=Person.Status.PENDING).first()
    if person is not None:
        _send(person, "confirm", "enrollment:confirm")


@task()
def send_already_enrolled(person_id):
    """To an enrolled person whose address was entered in the form again: they are on the
    list already, and here are their details."""
    person = Person.objects.filter(pk=person_id, status=Person.Status.CONFIRMED).first()
    if person is not None:
        _send(person, "already_enrolled", "enrollment:details")
