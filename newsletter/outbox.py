"""Mail from other apps to addresses of their own (an event's registrants, say), sent the
newsletter's way: a campaign whose deliveries the workers claim, send, recover and track
(sending.py, tracking.py). Mail that is not transactional carries a one-click unsubscribe
link and header to the sending app's own page. The one module of this app that other apps
may import (the import contracts in pyproject.toml)."""

from dataclasses import dataclass

from django.db import transaction

from .control import hand_to_workers
from .emails import UNSUBSCRIBE_MARKER
from .models import Campaign, Delivery, Suppression, email_hash
from .models.campaigns import TOKEN_MARKER

__all__ = ["TOKEN_MARKER", "UNSUBSCRIBE_MARKER", "Recipient", "deliverable", "send_to"]

# Addresses that no mail reaches: they do not exist, or their owner called our mail spam. An
# erasure from the newsletter withdraws consent to the newsletter, not to what the person
# asked of another app since (an event they registered for).
_SUPPRESSING = [Suppression.Reason.BOUNCED, Suppression.Reason.COMPLAINED]


@dataclass(frozen=True)
class Recipient:
    email: str
    # Theirs, in place of TOKEN_MARKER: in their unsubscribe URL and their other links.
    token: str


def deliverable(recipients):
    """The recipients that may be mailed: the first of each address, none suppressed."""
    unique = {}
    for recipient in recipients:
        unique.setdefault(recipient.email.strip().lower(), recipient)
    hashes = {email_hash(address): address for address in unique}
    suppressed = Suppression.objects.filter(reason__in=_SUPPRESSING, email_hash__in=hashes)
    for hashed in suppressed.values_list("email_hash", flat=True):
        del unique[hashes[hashed]]
    return list(unique.values())


def _check(subject, content, unsubscribe_pattern):
    if "\n" in subject or "\r" in subject:
        raise ValueError("A subject is one line.")
    if unsubscribe_pattern:
        if not unsubscribe_pattern.startswith(("https://", "http://")):
            raise ValueError("The unsubscribe pattern must be an absolute URL.")
        if TOKEN_MARKER not in unsubscribe_pattern:
            raise ValueError("The unsubscribe pattern must hold TOKEN_MARKER.")
    elif UNSUBSCRIBE_MARKER in content:
        raise ValueError("Transactional mail has no unsubscribe link.")


def send_to(recipients, subject, html, text, language, unsubscribe_pattern, user):
    """Queue one message per deliverable recipient and hand the campaign to the workers once
    the caller's transaction commits; returns the campaign.

    `html` and `text` hold UNSUBSCRIBE_MARKER where the unsubscribe link goes and
    TOKEN_MARKER in links of the recipient's own. `unsubscribe_pattern` is an absolute URL
    with TOKEN_MARKER, or empty for transactional mail (no unsubscribe link or header)."""
    _check(subject, html + text, unsubscribe_pattern)
    with transaction.atomic():
        campaign = Campaign.objects.create(
            language=language,
            subject=subject,
            html=html,
            text=text,
            unsubscribe_pattern=unsubscribe_pattern,
            created_by=user,
        )
        Delivery.objects.bulk_create(
            Delivery(campaign=campaign, email=recipient.email, unsubscribe_token=recipient.token)
            for recipient in deliverable(recipients)
        )
        hand_to_workers(campaign)
    return campaign
