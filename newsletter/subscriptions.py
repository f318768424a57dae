"""What happens to a subscriber, each step written to the consent log.

Double opt-in: a request makes (or re-arms) a pending subscriber and mails a confirmation
link; only the confirmation, a POST, makes them active. Every response to a request is the
same, so the form cannot be used to learn who subscribes.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from core.privacy import request_evidence

from .models import CONSENT_VERSION, ConsentEvent, Subscriber, Suppression, email_hash
from .tasks import send_confirmation

logger = logging.getLogger(__name__)

RESEND_AFTER = datetime.timedelta(minutes=10)


def _log(kind, subscriber, request, source=""):
    """request is None for what the email provider reported (a complaint, say)."""
    ConsentEvent.objects.create(
        subscriber=subscriber,
        email_hash=email_hash(subscriber.email),
        kind=kind,
        **request_evidence(request),
        source=source[:100],
        consent_version=CONSENT_VERSION,
    )


def _mail_confirmation(subscriber):
    subscriber.confirmation_sent_at = timezone.now()
    subscriber.save(update_fields=["confirmation_sent_at"])
    # robust: a failing mail server is logged; the subscriber is kept and can sign up again.
    transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk), robust=True)


@transaction.atomic
def request_subscription(email, language, request, source):
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        email=email, defaults={"language": language}
    )
    if created:
        _log(ConsentEvent.Kind.REQUESTED, subscriber, request, source)
        _mail_confirmation(subscriber)
    elif subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        subscriber.status, subscriber.language = Subscriber.Status.PENDING, language
        subscriber.save(update_fields=["status", "language"])
        _log(ConsentEvent.Kind.REQUESTED, subscriber, request, source)
        _mail_confirmation(subscriber)
    elif subscriber.status == Subscriber.Status.PENDING:
        last = subscriber.confirmation_sent_at
        if last is None or timezone.now() - last >= RESEND_AFTER:
            _mail_confirmation(subscriber)
    # An active subscriber is left as is: nothing is sent, nothing is said.


@transaction.atomic
def confirm(subscriber, request):
    if subscriber.status == Subscriber.Status.ACTIVE:
        return
    resubscribed = subscriber.confirmed_at is not None
    subscriber.status, subscriber.confirmed_at = Subscriber.Status.ACTIVE, timezone.now()
    subscriber.save(update_fields=["status", "confirmed_at"])
    kind = ConsentEvent.Kind.RESUBSCRIBED if resubscribed else ConsentEvent.Kind.CONFIRMED
    _log(kind, subscriber, request, "confirmation link")
    # New, confirmed consent lifts an earlier suppression of the address.
    Suppression.objects.filter(email_hash=email_hash(subscriber.email)).delete()


@transaction.atomic
def unsubscribe(subscriber, request, source):
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return
    subscriber.status, subscriber.unsubscribed_at = Subscriber.Status.UNSUBSCRIBED, timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])
    _log(ConsentEvent.Kind.UNSUBSCRIBED, subscriber, request, source)


@transaction.atomic
def erase(subscriber, request):
    """Forget the subscriber: the row goes, the consent log keeps only the hash, and the
    hash is suppressed so the address is not mailed again without new consent."""
    _log(ConsentEvent.Kind.ERASED, subscriber, request, "erasure request")
    Suppression.objects.get_or_create(
        email_hash=email_hash(subscriber.email),
        defaults={"reason": Suppression.Reason.ERASED},
    )
    subscriber.delete()
