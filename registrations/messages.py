"""HQ writes to an event's registrants (the admin's form: messages_admin.py). Practical
information about the event they registered for is transactional: it reaches everyone
chosen, with no unsubscribe link. An announcement skips those who opted out of
announcements and carries a one-click way to opt out (stop_views.py).

Each message goes as one newsletter campaign per language of registration, through the
newsletter's outbox: its workers send, recover and track the mail, and bounced or
complained addresses are left out."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from core.links import absolute_url
from core.mail import render_email
from core.privacy import email_hash
from newsletter import outbox

from .events import in_language
from .models import AnnouncementOptOut, RegistrantMessage, Registration

Kind = RegistrantMessage.Kind


class AlreadySent(Exception):
    """This confirmation was sent before: its key is taken."""


def recipients(event_id, statuses, kind):
    """{language: [outbox.Recipient]}: those registered for the event in `statuses` whom a
    message of `kind` will reach."""
    registrations = Registration.objects.filter(event_id=event_id, status__in=statuses)
    people = [
        (registration.language, outbox.Recipient(registration.email, registration.token))
        for registration in registrations.order_by("pk")
    ]
    if kind == Kind.ANNOUNCEMENT:
        hashes = {recipient: email_hash(recipient.email) for _, recipient in people}
        opted_out = set(
            AnnouncementOptOut.objects.filter(email_hash__in=hashes.values()).values_list(
                "email_hash", flat=True
            )
        )
        people = [(language, r) for language, r in people if hashes[r] not in opted_out]
    deliverable = set(outbox.deliverable(recipient for _, recipient in people))
    by_language = {}
    for language, recipient in people:
        if recipient in deliverable:
            by_language.setdefault(language, []).append(recipient)
    return by_language


def _render(message, language, unsubscribe_pattern):
    """Subject, text and HTML in `language`, with the markers the outbox fills in for each
    recipient: their own registration's link, and the opt-out link of an announcement."""
    with translation.override(language):
        link = absolute_url(reverse("registrations:registration", args=[outbox.TOKEN_MARKER]))
    context = {
        "message": message,
        "event": in_language(message.event, language),
        "link_url": link,
        "unsubscribe_url": outbox.UNSUBSCRIBE_MARKER if unsubscribe_pattern else None,
    }
    return render_email("registrations/email/message", context, language)


def _unsubscribe_pattern(kind, language):
    if kind != Kind.ANNOUNCEMENT:
        return ""
    with translation.override(language):
        return absolute_url(reverse("registrations:stop", args=[outbox.TOKEN_MARKER]))


@transaction.atomic
def send(event, *, kind, subject, body, statuses, key, user):
    """Record the message and queue it for its recipients; the mail leaves once this
    commits. AlreadySent if a message with this key was sent."""
    try:
        with transaction.atomic():
            message = RegistrantMessage.objects.create(
                event=event,
                kind=kind,
                subject=subject,
                body=body,
                statuses=statuses,
                key=key,
                created_by=user,
            )
    except IntegrityError as error:
        raise AlreadySent from error
    for language, people in recipients(event.pk, statuses, kind).items():
        pattern = _unsubscribe_pattern(kind, language)
        subject, text, html = _render(message, language, pattern)
        campaign = outbox.send_to(people, subject, html, text, language, pattern, user)
        message.campaigns[language] = campaign.pk
        message.recipients += len(people)
    message.save(update_fields=["campaigns", "recipients"])
    return message
