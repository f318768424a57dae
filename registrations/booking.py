"""Places without double booking: every change to who holds a place happens in a
transaction that first locks the event's RegistrationSetup row, so two registrations (or a
cancellation and a registration) for one event are counted one after the other.

Those holding a place are the confirmed and those offered one; the rest wait in the order
they registered. A freed place is offered to the first in line who fits, for
REGISTRATION_OFFER_HOURS; an offer not taken in time moves on to the next."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from .models import Registration, RegistrationSetup
from .tasks import send_registration_email

Status = Registration.Status


def _email(registration, kind):
    kind = str(kind)  # the queue stores its arguments as JSON
    # robust: a failing mail server is logged; the booking stands.
    transaction.on_commit(
        lambda: send_registration_email.enqueue(registration.pk, kind), robust=True
    )


def _taken(event_id):
    places = Registration.objects.filter(event_id=event_id, status__in=Registration.HOLDING)
    return places.aggregate(total=Sum("participants"))["total"] or 0


def places_left(setup):
    """How many places a new registration could take now: none while people wait."""
    if Registration.objects.filter(event_id=setup.event_id, status=Status.WAITING).exists():
        return 0
    return max(setup.capacity - _taken(setup.event_id), 0)


def _lock(event_id):
    return RegistrationSetup.objects.select_for_update().get(event_id=event_id)


@transaction.atomic
def register(event_id, details, language):
    """Book a place, or a place on the waiting list, for `details` (name, email, phone,
    participants, answers). An address already registered for the event is sent its
    registration again and keeps it as it was."""
    setup = _lock(event_id)
    live = Registration.objects.filter(event_id=event_id, email=details["email"])
    existing = live.exclude(status=Status.CANCELLED).first()
    if existing is not None:
        _email(existing, existing.status)
        return existing
    waiting = Registration.objects.filter(event_id=event_id, status=Status.WAITING).exists()
    fits = _taken(event_id) + details["participants"] <= setup.capacity
    registration = Registration.objects.create(
        event_id=event_id,
        language=language,
        status=Status.CONFIRMED if fits and not waiting else Status.WAITING,
        **details,
    )
    _email(registration, registration.status)
    return registration


def _offer_free_places(setup):
    """Offer freed places to those waiting, in order; the first who does not fit stops the
    line (nobody jumps it with a smaller group). Once the event has started, a freed place
    is of no use to anyone, and nobody is offered it. Call with the setup locked."""
    now = timezone.now()
    if setup.event.starts_at <= now:
        return
    free = setup.capacity - _taken(setup.event_id)
    until = now + datetime.timedelta(hours=settings.REGISTRATION_OFFER_HOURS)
    for registration in Registration.objects.filter(event_id=setup.event_id, status=Status.WAITING):
        if registration.participants > free:
            break
        free -= registration.participants
        registration.status, registration.offered_until = Status.OFFERED, until
        registration.save(update_fields=["status", "offered_until"])
        _email(registration, Status.OFFERED)


@transaction.atomic
def cancel(registration):
    setup = _lock(registration.event_id)
    registration.refresh_from_db()
    if registration.status == Status.CANCELLED:
        return
    registration.status, registration.cancelled_at = Status.CANCELLED, timezone.now()
    registration.save(update_fields=["status", "cancelled_at"])
    _offer_free_places(setup)


@transaction.atomic
def accept(registration):
    """Take an offered place; False when the offer is no longer open."""
    _lock(registration.event_id)
    registration.refresh_from_db()
    if registration.status == Status.CONFIRMED:
        return True
    if registration.status != Status.OFFERED or registration.offered_until <= timezone.now():
        return False
    registration.status, registration.offered_until = Status.CONFIRMED, None
    registration.save(update_fields=["status", "offered_until"])
    _email(registration, Status.CONFIRMED)
    return True


def expire_offers():
    """Offers past their time are cancelled and their places offered on; returns how many
    expired. Each event in its own transaction."""
    expired = 0
    now = timezone.now()
    events = (
        Registration.objects.filter(status=Status.OFFERED, offered_until__lte=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    for event_id in list(events):
        with transaction.atomic():
            setup = _lock(event_id)
            expired += Registration.objects.filter(
                event_id=event_id, status=Status.OFFERED, offered_until__lte=now
            ).update(status=Status.CANCELLED, cancelled_at=now)
            _offer_free_places(setup)
    return expired
