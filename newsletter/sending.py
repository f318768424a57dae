"""Sending a campaign: every queued recipient is mailed once, or marked unknown.

A worker claims a batch of deliveries with one atomic update, and before each provider call
marks that call's rows "sending", committed before the call. If the worker dies, once its
claim is older than STALE_CLAIM the rows it had not reached go back to the queue (nobody
was mailed), and only the rows of the call in flight become "unknown", to be reconciled
from the provider's events; only an explicit admin action mails them again. Nothing is
re-sent blindly, and nothing is dropped but that one call's recipients.
"""

import datetime
import logging
import secrets
import time
from collections import defaultdict

from anymail.message import AnymailMessage
from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.message import make_msgid
from django.db import transaction
from django.utils import timezone

from core.mail import EmailMessage

from . import providers
from .emails import UNSUBSCRIBE_MARKER
from .headers import ONE_CLICK, sender, unsubscribe_headers, unsubscribe_url
from .models import Campaign, Delivery, Subscriber, Suppression, email_hash
from .models.campaigns import TOKEN_MARKER

logger = logging.getLogger(__name__)

# A claim this old belongs to a worker that died (a batch takes seconds).
STALE_CLAIM = datetime.timedelta(seconds=settings.NEWSLETTER_STALE_CLAIM_SECONDS)
QUEUE_CHUNK = 2000


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
        # The ids first, then the update: PostgreSQL may run an IN (SELECT … LIMIT … FOR
        # UPDATE) subquery more than once, and the update would then take more than `size`.
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(campaign=campaign, status=Delivery.Status.QUEUED)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        Delivery.objects.filter(pk__in=ids, status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.CLAIMED, claim=claim, claimed_at=timezone.now()
        )
    claimed = Delivery.objects.filter(claim=claim, status=Delivery.Status.CLAIMED)
    # Only what the send reads: the other columns would be converted for nothing.
    return list(claimed.order_by("pk").only("email", "unsubscribe_token", "claim"))


def _message_id():
    # In the sender's domain rather than this host's name: mailbox providers check it.
    return make_msgid(domain=settings.DEFAULT_FROM_EMAIL.rpartition("@")[2])


def _unsubscribe_pattern(campaign):
    """The campaign's unsubscribe URL with TOKEN_MARKER for the recipient's token: an
    issue's is the newsletter's, other mail's its campaign's pattern, and transactional mail
    (no pattern) has none. Made once per batch, not per recipient (reverse() is slow);
    tokens are URL-safe, so reverse() would have written them unchanged."""
    if campaign.issue_id is not None:
        return unsubscribe_url(TOKEN_MARKER, campaign.language)
    return campaign.unsubscribe_pattern


# What stands for each recipient's own values in a campaign's content, by merge-field name.
_MARKERS = {"unsubscribe_url": UNSUBSCRIBE_MARKER, "token": TOKEN_MARKER}


def _own_values(pattern, delivery):
    """The recipient's own values, by merge-field name (no unsubscribe URL: transactional)."""
    token = delivery.unsubscribe_token
    values = {"unsubscribe_url": pattern.replace(TOKEN_MARKER, token), "token": token}
    return {name: value for name, value in values.items() if value}


def _fill(content, values):
    for name, value in values.items():
        content = content.replace(_MARKERS[name], value)
    return content


def _single_message(campaign, delivery, from_email, pattern):
    """One recipient's own message: their unsubscribe URL, if any, and token written in."""
    values = _own_values(pattern, delivery)
    url = values.get("unsubscribe_url")
    message = EmailMessage(
        subject=campaign.subject,
        body=_fill(campaign.text, values),
        from_email=from_email,
        to=[delivery.email],
        headers={**(unsubscribe_headers(url) if url else {}), "Message-ID": _message_id()},
    )
    message.attach_alternative(_fill(campaign.html, values), "text/html")
    # anymail passes these to the provider, whose events then name the delivery.
    message.metadata = {"campaign_id": str(campaign.pk), "delivery_id": str(delivery.pk)}
    return message


def _batch_message(campaign, deliveries, provider, from_email, pattern):
    """One provider call for many recipients; each still gets a message of their own, with
    their own unsubscribe link and header, if any, and token (anymail batch sending)."""
    own = {d.email: _own_values(pattern, d) for d in deliveries}
    content = campaign.html + campaign.text
    merged = [name for name, marker in _MARKERS.items() if marker in content]
    fields = {name: provider.field(name) for name in merged if name in own[deliveries[0].email]}
    message = AnymailMessage(
        subject=campaign.subject,
        body=_fill(campaign.text, fields),
        from_email=from_email,
        to=[delivery.email for delivery in deliveries],
    )
    message.attach_alternative(_fill(campaign.html, fields), "text/html")
    message.merge_data = {email: {name: own[email][name] for name in fields} for email in own}
    urls = {email: values.get("unsubscribe_url") for email, values in own.items()}
    if all(urls.values()):  # one campaign: every recipient has a URL, or none has
        message.extra_headers.update(ONE_CLICK)
        message.merge_headers = {
            email: {"List-Unsubscribe": f"<{url}>"} for email, url in urls.items()
        }
    message.merge_metadata = {d.email: {"delivery_id": str(d.pk)} for d in deliveries}
    message.metadata = {"campaign_id": str(campaign.pk)}
    return message


class ProviderError(Exception):
    """The provider failed during a batch; the run stops and can be resumed."""


# What anymail's per-recipient status means for a delivery.
_OUTCOMES = {
    "sent": Delivery.Status.SENT,
    "queued": Delivery.Status.SENT,
    "rejected": Delivery.Status.FAILED,
    "invalid": Delivery.Status.FAILED,
    "failed": Delivery.Status.FAILED,
}


def send_batch(campaign, deliveries, connection):
    """Send the claimed deliveries and record every outcome. When the provider fails, the
    message(s) of the failing call are marked unknown (they may have gone out), the untried
    rest goes back to the queue, and ProviderError is raised."""
    provider = providers.for_connection(connection)
    from_email = sender(campaign.language)
    pattern = _unsubscribe_pattern(campaign)
    if provider.batches:
        step = provider.batch_size
        calls = [deliveries[i : i + step] for i in range(0, len(deliveries), step)]
    else:
        calls = [[delivery] for delivery in deliveries]
    for index, group in enumerate(calls):
        group = _mark_sending(group)
        if not group:  # the claim went stale and another worker has these rows
            continue
        if provider.batches:
            message = _batch_message(campaign, group, provider, from_email, pattern)
        else:
            message = _single_message(campaign, group[0], from_email, pattern)
        try:
            accepted = connection.send_messages([message])
        except Exception as error:
            logger.warning("Deliveries %s…: outcome unknown (%s)", group[0].pk, error)
            _record(group, Delivery.Status.UNKNOWN, error=str(error)[:500])
            untried = [d for rest in calls[index + 1 :] for d in rest]
            _record(untried, **_REQUEUE, held=Delivery.Status.CLAIMED)
            raise ProviderError(str(error)) from error
        _record_outcomes(group, message, accepted)


def _outcome(delivery, message, accepted):
    """(status, provider message id) of one recipient of a sent message."""
    statuses = getattr(getattr(message, "anymail_status", None), "recipients", None)
    if statuses is None:  # not anymail: the backend only says whether it took the message
        status = Delivery.Status.SENT if accepted else Delivery.Status.FAILED
        return status, message.extra_headers.get("Message-ID", "")
    recipient = statuses.get(delivery.email)
    if recipient is None:
        return Delivery.Status.UNKNOWN, ""
    message_id = "" if recipient.message_id is None else str(recipient.message_id)[:255]
    return _OUTCOMES.get(recipient.status, Delivery.Status.UNKNOWN), message_id


def _record_outcomes(group, message, accepted):
    # One update per distinct outcome: a batch call usually has one for all its recipients.
    now = timezone.now()
    outcomes = defaultdict(list)
    for delivery in group:
        outcomes[_outcome(delivery, message, accepted)].append(delivery)
    for (status, message_id), deliveries in outcomes.items():
        _record(deliveries, status, message_id=message_id, sent_at=now)


_REQUEUE = {"status": Delivery.Status.QUEUED, "claim": "", "claimed_at": None}


def _held(group, status):
    """The rows of `group` this worker still holds in `status`: a claim that went stale may
    have been handed on meanwhile, and is then left alone."""
    return Delivery.objects.filter(
        pk__in=[d.pk for d in group], claim=group[0].claim if group else "", status=status
    )


def _mark_sending(group):
    """Commits "sending" on the rows about to go to the provider; returns those still held."""
    marked = _held(group, Delivery.Status.CLAIMED).update(status=Delivery.Status.SENDING)
    if marked == len(group):  # the usual case: every row still ours, no need to read back
        return group
    held = set(_held(group, Delivery.Status.SENDING).values_list("pk", flat=True))
    return [delivery for delivery in group if delivery.pk in held]


def _record(group, status, held=Delivery.Status.SENDING, **fields):
    if group:
        _held(group, held).update(status=status, **fields)


def expire_stale_claims(campaign, now=None):
    """Claims whose worker died: rows it had not reached go back to the queue; those of the
    provider call in flight are of unknown outcome. Returns how many became unknown."""
    cutoff = (now or timezone.now()) - STALE_CLAIM
    stale = Delivery.objects.filter(campaign=campaign, claimed_at__lt=cutoff)
    stale.filter(status=Delivery.Status.CLAIMED).update(**_REQUEUE)
    return stale.filter(status=Delivery.Status.SENDING).update(
        status=Delivery.Status.UNKNOWN, error="worker stopped during the send"
    )


def run_campaign(campaign, batch_size=None, per_minute=None, connection=None):
    """Send until nothing is queued, or the campaign is paused or cancelled; a failing
    provider raises ProviderError (run again to resume). Safe to run in several workers at
    once. The campaign is done once no delivery is queued, claimed or being sent."""
    connection = connection or get_connection()
    batch_size = batch_size or providers.for_connection(connection).batch_size
    per_minute = per_minute or settings.NEWSLETTER_RATE_PER_MINUTE
    connection.open()  # one connection for the whole run (SMTP: one session)
    try:
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
            # Keep to the provider's rate: a batch of N takes no less than N/rate minutes.
            pause = len(batch) * 60 / per_minute - (time.monotonic() - started)
            if pause > 0:
                time.sleep(pause)
    finally:
        connection.close()
    finish_if_done(campaign)


def finish_if_done(campaign):
    busy = campaign.deliveries.filter(
        status__in=[Delivery.Status.QUEUED, Delivery.Status.CLAIMED, Delivery.Status.SENDING]
    ).exists()
    if not busy:
        Campaign.objects.filter(pk=campaign.pk, status=Campaign.Status.SENDING).update(
            status=Campaign.Status.DONE, finished_at=timezone.now()
        )
