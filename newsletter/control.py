"""What a newsletter sender does to a campaign: start it, pause, resume or cancel it, and
send again what stayed unresolved. Each change is one conditional update, so two clicks
(or two senders) cannot interleave badly."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .emails import render_issue
from .models import Campaign, Delivery
from .sending import STALE_CLAIM, expire_stale_claims, finish_if_done, queue_deliveries
from .tasks import send_campaign


class AlreadySent(Exception):
    """The issue already has a campaign."""


def hand_to_workers(campaign):
    """Queue the campaign for the workers once the transaction that made it commits."""
    transaction.on_commit(lambda: send_campaign.enqueue(campaign.pk), robust=True)


def start(issue, user):
    """Freeze the issue's rendering, queue one delivery per recipient and hand the campaign
    to the workers."""
    rendered = render_issue(issue)
    try:
        with transaction.atomic():
            campaign = Campaign.objects.create(
                issue=issue,
                language=issue.locale.language_code,
                subject=rendered.subject,
                html=rendered.html,
                text=rendered.text,
                created_by=user,
            )
            queue_deliveries(campaign)
            hand_to_workers(campaign)
    except IntegrityError as error:
        raise AlreadySent from error
    return campaign


def recover_stalled(now=None):
    """For the scheduler (`manage.py recover_campaigns`, every few minutes): campaigns left
    "sending" by a worker that died. Their stale claims become unknown; a campaign with
    recipients still queued and no claim within STALE_CLAIM goes to the workers again
    (running it in two workers at once is safe), one with none left is finished. Returns
    the campaigns handed on."""
    now = now or timezone.now()
    handed = []
    for campaign in Campaign.objects.filter(status=Campaign.Status.SENDING):
        expire_stale_claims(campaign, now)
        deliveries = campaign.deliveries
        recent = now - STALE_CLAIM
        moving = campaign.created_at >= recent or deliveries.filter(claimed_at__gte=recent).exists()
        if deliveries.filter(status=Delivery.Status.QUEUED).exists():
            if not moving:
                with transaction.atomic():
                    hand_to_workers(campaign)
                handed.append(campaign)
        else:
            finish_if_done(campaign)
    return handed


def _move(campaign, from_statuses, to_status, **fields):
    return Campaign.objects.filter(pk=campaign.pk, status__in=from_statuses).update(
        status=to_status, **fields
    )


def pause(campaign):
    return _move(campaign, [Campaign.Status.SENDING], Campaign.Status.PAUSED)


@transaction.atomic
def resume(campaign):
    """Start the workers again: after a pause, after a provider error, or after a worker
    died (its stale claims then become unknown)."""
    moved = _move(
        campaign,
        [Campaign.Status.SENDING, Campaign.Status.PAUSED],
        Campaign.Status.SENDING,
        last_error="",
    )
    if moved:
        hand_to_workers(campaign)
    return moved


@transaction.atomic
def cancel(campaign):
    """Stop for good: what is still queued is never sent."""
    moved = _move(
        campaign,
        [Campaign.Status.SENDING, Campaign.Status.PAUSED],
        Campaign.Status.CANCELLED,
        finished_at=timezone.now(),
    )
    if moved:
        campaign.deliveries.filter(status=Delivery.Status.QUEUED).update(
            status=Delivery.Status.CANCELLED
        )
    return moved


@transaction.atomic
def resend_unresolved(campaign):
    """The explicit decision to mail again those whose outcome stayed unknown: they go back
    to the queue and the campaign runs again. Returns how many."""
    campaign.refresh_from_db(fields=["status"])
    if campaign.status == Campaign.Status.CANCELLED:
        return 0
    count = campaign.deliveries.filter(status=Delivery.Status.UNKNOWN).update(
        status=Delivery.Status.QUEUED, claim="", claimed_at=None, error=""
    )
    if count:
        Campaign.objects.filter(pk=campaign.pk).update(
            status=Campaign.Status.SENDING, finished_at=None
        )
        hand_to_workers(campaign)
    return count
