"""Sending a campaign: every queued recipient is mailed once, or marked unknown.

A worker claims a batch of deliveries with one atomic update that is committed before the
provider is called. If the worker dies after the claim, the rows stay "claimed"; once the
claim is older than STALE_CLAIM they become "unknown", to be reconciled from the provider's
events, and only an explicit admin action mails them again. Nothing is re-sent blindly.
"""

import datetime
import logging
import secrets
import time

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from .models import Campaign, Delivery, Subscriber, Suppression, email_hash

logger = logging.getLogger(__name__)

STALE_CLAIM = datetime.timedelta(minutes=15)
QUEUE_CHUNK = 2000


def unsubscribe_url(token):
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("newsletter:unsubscribe", args=[token])


def queue_deliveries(campaign):
    """One delivery per active, unsuppressed subscriber of the campaign's language, added
    in chunks (the subscribers are streamed, never all loaded). Running it again adds only
    those still missing."""
    suppressed = set(Suppression.objects.values_list("email_hash", flat=True))
    subscribers = (
        Subscriber.objects.filter(status=Subscriber.Status.ACTIVE, language=campaign.language)
        .order_by("pk")
        .values_list("pk", "email", "token")
        .iterator(chunk_size=QUEUE_CHUNK)
    )
    chunk = []
    for pk, email, token in subscribers:
        if suppressed and email_hash(email) in suppressed:
            continue
        chunk.append(
            Delivery(campaign=campaign, subscriber_id=pk, email=email, unsubscribe_token=token)
        )
        if len(chunk) == QUEUE_CHUNK:
            Delivery.objects.bulk_create(chunk, ignore_conflicts=True)
            chunk = []
    Delivery.objects.bulk_create(chunk, ignore_conflicts=True)


def claim_batch(campaign, size):
    """Claim up to `size` queued deliveries for this worker and commit the claim.

    Rows locked by another worker are skipped (PostgreSQL), and the update re-checks the
    status, so two workers never hold the same delivery."""
    claim = secrets.token_hex(16)
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(campaign=campaign, status=Delivery.Status.QUEUED)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.CLAIMED, claim=claim, claimed_at=timezone.now()
        )
    return list(Delivery.objects.filter(claim=claim, status=Delivery.Status.CLAIMED))


def _message(campaign, delivery):
    url = unsubscribe_url(delivery.unsubscribe_token)
    message = EmailMultiAlternatives(
        subject=campaign.subject,
        body=campaign.text.replace("{{ unsubscribe_url }}", url),
        to=[delivery.email],
        headers={
            "List-Unsubscribe": f"<{url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(campaign.html.replace("{{ unsubscribe_url }}", url), "text/html")
    # Providers that support it (anymail) report events with this id.
    message.metadata = {"delivery_id": str(delivery.pk)}
    return message


class ProviderError(Exception):
    """The provider failed during a batch; the run stops and can be resumed."""


def send_batch(campaign, deliveries, connection):
    """Send the claimed deliveries, one message each, and record every outcome. When the
    provider fails, the message it failed on is marked unknown (it may have gone out), the
    untried rest of the batch goes back to the queue, and ProviderError is raised."""
    for index, delivery in enumerate(deliveries):
        try:
            sent = connection.send_messages([_message(campaign, delivery)])
        except Exception as error:
            logger.warning("Delivery %s: outcome unknown (%s)", delivery.pk, error)
            _record(delivery, Delivery.Status.UNKNOWN, error=str(error)[:500])
            for untried in deliveries[index + 1 :]:
                _record(untried, Delivery.Status.QUEUED, claim="", claimed_at=None)
            raise ProviderError(str(error)) from error
        status = Delivery.Status.SENT if sent else Delivery.Status.FAILED
        _record(delivery, status, sent_at=timezone.now())


def _record(delivery, status, **fields):
    Delivery.objects.filter(pk=delivery.pk, claim=delivery.claim).update(status=status, **fields)


def expire_stale_claims(campaign, now=None):
    """Claims whose worker died: their outcome is unknown."""
    cutoff = (now or timezone.now()) - STALE_CLAIM
    return Delivery.objects.filter(
        campaign=campaign, status=Delivery.Status.CLAIMED, claimed_at__lt=cutoff
    ).update(status=Delivery.Status.UNKNOWN, error="worker stopped during the send")


def run_campaign(campaign, batch_size=None, per_minute=None, connection=None):
    """Send until nothing is queued, or the campaign is paused or cancelled; a failing
    provider raises ProviderError (run again to resume). Safe to run in several workers at
    once. The campaign is done once no delivery is queued or claimed."""
    batch_size = batch_size or settings.NEWSLETTER_BATCH_SIZE
    per_minute = per_minute or settings.NEWSLETTER_RATE_PER_MINUTE
    connection = connection or get_connection()
    while True:
        campaign.refresh_from_db(fields=["status"])
        if campaign.status != Campaign.Status.SENDING:
            return
        expire_stale_claims(campaign)
        started = time.monotonic()
        batch = claim_batch(campaign, batch_size)
        if not batch:
            break
        send_batch(campaign, batch, connection)
        # Keep to the provider's rate: a batch of N may take no less than N/rate minutes.
        pause = len(batch) * 60 / per_minute - (time.monotonic() - started)
        if pause > 0:
            time.sleep(pause)
    finish_if_done(campaign)


def finish_if_done(campaign):
    busy = campaign.deliveries.filter(
        status__in=[Delivery.Status.QUEUED, Delivery.Status.CLAIMED]
    ).exists()
    if not busy:
        Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SENDING).update(
            status=Campaign.Status.DONE, finished_at=timezone.now()
        )
