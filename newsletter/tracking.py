"""What the email provider reports back (anymail tracking webhooks): each event is kept
once, moves its delivery on, and a hard bounce or a complaint suppresses the address.

Events also reconcile deliveries whose outcome was unknown: a "sent" or "delivered" event
proves the message went out, so it will not be sent again."""

import hashlib

from anymail.signals import EventType, tracking
from django.db import transaction
from django.dispatch import receiver
from django.utils import timezone

from . import subscriptions
from .models import Delivery, ProviderEvent, Subscriber, Suppression, email_hash

S = Delivery.Status
# event type: (the delivery states it may move from, the state it moves to)
_TRANSITIONS = {
    EventType.QUEUED: ({S.UNKNOWN}, S.SENT),
    EventType.SENT: ({S.UNKNOWN}, S.SENT),
    EventType.DELIVERED: ({S.UNKNOWN, S.SENT}, S.DELIVERED),
    EventType.REJECTED: ({S.UNKNOWN, S.SENT}, S.FAILED),
    EventType.FAILED: ({S.UNKNOWN, S.SENT}, S.FAILED),
    EventType.BOUNCED: ({S.UNKNOWN, S.SENT, S.DELIVERED}, S.BOUNCED),
    EventType.COMPLAINED: ({S.UNKNOWN, S.SENT, S.DELIVERED, S.BOUNCED}, S.COMPLAINED),
}
_SUPPRESSING = {
    EventType.BOUNCED: Suppression.Reason.BOUNCED,
    EventType.COMPLAINED: Suppression.Reason.COMPLAINED,
}


def _event_id(event, esp_name):
    if event.event_id:
        return f"{esp_name}:{event.event_id}"[:255]
    # Some providers give no id: the same report always yields the same digest.
    raw = "|".join(
        str(part) for part in (event.message_id, event.event_type, event.timestamp, event.recipient)
    )
    return f"{esp_name}:sha256:{hashlib.sha256(raw.encode()).hexdigest()}"


def _delivery(event):
    """The delivery an event is about: by the id we put in its metadata, else by the
    provider's message id; the recipient must match either way."""
    recipient = (event.recipient or "").lower()
    delivery_id = str((event.metadata or {}).get("delivery_id", ""))
    candidates = Delivery.objects.none()
    if delivery_id.isdecimal():  # what int() reads; isdigit() also passes "²"
        candidates = Delivery.objects.filter(pk=int(delivery_id))
    elif event.message_id:
        candidates = Delivery.objects.filter(message_id=str(event.message_id)[:255])
    return next((d for d in candidates if d.email.lower() == recipient), None)


def _storable(text):
    """The text without what the database cannot store: NUL (refused by PostgreSQL) and
    lone surrogates (not encodable as UTF-8)."""
    return text.replace("\x00", "").encode("utf-8", "replace").decode()


def _clean(event):
    """Providers pass on what remote mail servers wrote (a bounce's description, say), so
    the report's text may hold anything; it is made storable before it is looked up by or
    kept."""
    for name in ("event_id", "message_id", "recipient", "description"):
        value = getattr(event, name)
        if isinstance(value, str):
            setattr(event, name, _storable(value))


@transaction.atomic
def record(event, esp_name):
    _clean(event)
    delivery = _delivery(event)
    _, created = ProviderEvent.objects.get_or_create(
        event_id=_event_id(event, esp_name),
        defaults={
            "provider": esp_name[:40],
            "kind": event.event_type[:30],
            "at": event.timestamp or timezone.now(),
            "delivery": delivery,
            "message_id": str(event.message_id or "")[:255],
            "description": (event.description or "")[:500],
        },
    )
    if not created:
        return  # a retried webhook: already applied
    if delivery is not None and event.event_type in _TRANSITIONS:
        sources, target = _TRANSITIONS[event.event_type]
        Delivery.objects.filter(pk=delivery.pk, status__in=sources).update(status=target)
    if not event.recipient:
        return
    if event.event_type in _SUPPRESSING:
        Suppression.objects.get_or_create(
            email_hash=email_hash(event.recipient),
            defaults={"reason": _SUPPRESSING[event.event_type]},
        )
    if event.event_type in (EventType.COMPLAINED, EventType.UNSUBSCRIBED):
        subscriber = Subscriber.objects.filter(email=event.recipient.strip().lower()).first()
        if subscriber is not None:
            subscriptions.unsubscribe(subscriber, None, source=f"{esp_name} {event.event_type}")


@receiver(tracking)
def on_tracking_event(sender, event, esp_name, **kwargs):
    record(event, esp_name)
