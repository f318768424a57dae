"""How long HQ's list keeps a person (the privacy notice promises it): an enrollment never
confirmed goes after ENROLLMENT_PENDING_DAYS, a confirmed one three years after its last
confirmation (ENROLLMENT_RETENTION_DAYS), unless the person erased it before. The consent
events stay, with the address as its keyed hash only: they are the evidence."""

import datetime

from django.conf import settings
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Person


def expired(now=None):
    """The people whose time on the list is over."""
    now = now or timezone.now()
    pending_since = now - datetime.timedelta(days=settings.ENROLLMENT_PENDING_DAYS)
    confirmed_since = now - datetime.timedelta(days=settings.ENROLLMENT_RETENTION_DAYS)
    return Person.objects.annotate(asked_at=Coalesce("confirmation_sent_at", "created_at")).filter(
        Q(status=Person.Status.PENDING, asked_at__lt=pending_since)
        | Q(status=Person.Status.CONFIRMED, confirmed_at__lt=confirmed_since)
    )


def purge(now=None):
    """Delete the people whose time is over; returns how many of each status went."""
    people = expired(now)
    counts = {status: people.filter(status=status).count() for status in Person.Status.values}
    people.delete()
    return counts
