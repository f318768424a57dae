"""The reminder before an event, at most once per person: each registration is claimed by
setting its reminded_at in a transaction that commits before the email is sent, so a second
run (or a second worker) skips it. A crash between the claim and the send loses that one
reminder rather than ever sending it twice."""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import Registration
from .tasks import send


def due(now):
    candidates = Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        reminded_at__isnull=True,
        event__starts_at__gt=now,
        event__registration_setup__isnull=False,
    ).select_related("event__registration_setup")
    for registration in candidates:
        hours = registration.event.registration_setup.reminder_hours
        if registration.event.starts_at - datetime.timedelta(hours=hours) <= now:
            yield registration


def claim(registration, now):
    with transaction.atomic():
        return bool(
            Registration.objects.filter(
                pk=registration.pk,
                status=Registration.Status.CONFIRMED,
                reminded_at__isnull=True,
            ).update(reminded_at=now)
        )


def send_reminders():
    """Send the reminders that are due; returns how many were sent."""
    now = timezone.now()
    sent = 0
    for registration in list(due(now)):
        if claim(registration, now):
            send(registration, "reminder")
            sent += 1
    return sent
