"""Campaigns and their deliveries: who gets an issue, and what became of each message."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .subscribers import Subscriber

# Stands for each recipient's token (Delivery.unsubscribe_token) in a campaign's unsubscribe
# pattern and content: links of their own besides the unsubscribe one (newsletter.outbox).
TOKEN_MARKER = "~recipient-token~"  # noqa: S105 (a placeholder, not a secret)


class Campaign(models.Model):
    """One sending of one message to many: an issue to the active subscribers of its
    language, or, with no issue, other mail to addresses given (newsletter.outbox). The
    message is frozen when the campaign starts, so every recipient gets the same one."""

    class Status(models.TextChoices):
        SENDING = "sending", _("sending")
        PAUSED = "paused", _("paused")
        CANCELLED = "cancelled", _("cancelled")
        DONE = "done", _("done")

    issue = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("issue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Mail that is not an issue: its recipients' unsubscribe URL, absolute, with TOKEN_MARKER
    # for the recipient's token; empty for transactional mail, which has no unsubscribe link
    # or header. An issue's is always the newsletter's own.
    unsubscribe_pattern = models.CharField(max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=255)
    html = models.TextField()
    text = models.TextField()
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        permissions = [("send_campaign", _("Can send a newsletter issue"))]
        # An issue is sent once: a second campaign would mail its readers twice. (Campaigns
        # with no issue are not constrained: NULLs are distinct.)
        constraints = [models.UniqueConstraint(fields=["issue"], name="one_campaign_per_issue")]

    def __str__(self):
        return f"{self.subject} ({self.get_language_display()})"

    def progress(self):
        """How many deliveries are in each state, every state listed."""
        counts = dict(
            self.deliveries.order_by().values_list("status").annotate(count=models.Count("pk"))
        )
        return {status: counts.get(status, 0) for status in Delivery.Status.values}


class Delivery(models.Model):
    """One recipient of one campaign: the unit that is claimed, sent and tracked.

    queued → claimed (by a worker) → sending (committed just before its provider call) →
    sent | failed | unknown; then the provider's events: delivered, bounced, complained.
    After a crash, claimed rows go back to the queue, and sending rows, whose outcome was
    lost, become unknown and are never re-sent on their own."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        CLAIMED = "claimed", _("claimed by a worker")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        UNKNOWN = "unknown", _("outcome unknown")
        DELIVERED = "delivered", _("delivered")
        BOUNCED = "bounced", _("bounced")
        COMPLAINED = "complained", _("complained")
        CANCELLED = "cancelled", _("not sent: cancelled")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    email = models.EmailField(max_length=254)
    unsubscribe_token = models.CharField(max_length=64)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    claim = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_id = models.CharField(max_length=255, blank=True, db_index=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self):
        return f"{self.email}: {self.get_status_display()}"


class ProviderEvent(models.Model):
    """What the email provider reported about a message (tracking webhook), recorded once
    per event id: providers retry their webhooks, and a repeat must change nothing."""

    event_id = models.CharField(max_length=255, unique=True)
    provider = models.CharField(_("provider"), max_length=40)
    kind = models.CharField(_("event"), max_length=30)
    at = models.DateTimeField(_("time"))
    delivery = models.ForeignKey(
        Delivery, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    message_id = models.CharField(max_length=255, blank=True)
    description = models.CharField(_("description"), max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("provider event")
        verbose_name_plural = _("provider events")

    def __str__(self):
        return f"{self.provider} {self.kind} {self.at:%Y-%m-%d %H:%M}"
