"""Subscribers, the consent log that proves their consent, and the suppression list that
outlives an erasure."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.privacy import ConsentRecord, email_hash

# Bump when the consent text shown next to the checkbox changes: each consent event records
# the version the subscriber saw.
CONSENT_VERSION = "2026-11"


def new_token():
    return secrets.token_urlsafe(32)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        ACTIVE = "active", _("active")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = models.EmailField(_("email"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    # Opaque, per subscriber: goes into confirmation and unsubscribe links.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        indexes = [models.Index(fields=["status", "language"])]

    def __str__(self):
        return self.email


class ConsentEvent(ConsentRecord):
    """Append-only evidence of consent (Communications Law §30A): who asked for what,
    when, from where, having seen which consent text. Survives the subscriber's erasure
    with the address reduced to its hash."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", _("requested")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        RESUBSCRIBED = "resubscribed", _("resubscribed")
        ERASED = "erased", _("erased")

    subscriber = models.ForeignKey(
        Subscriber, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    kind = models.CharField(_("event"), max_length=16, choices=Kind.choices)
    source = models.CharField(_("source"), max_length=100, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=20, blank=True)


class Suppression(models.Model):
    """Addresses never to be mailed again without new consent, kept only as hashes."""

    class Reason(models.TextChoices):
        ERASED = "erased", _("erased on request")
        BOUNCED = "bounced", _("hard bounce")
        COMPLAINED = "complained", _("spam complaint")

    email_hash = models.CharField(max_length=64, unique=True)
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self):
        return f"{self.get_reason_display()} {self.email_hash[:12]}…"

    @classmethod
    def covers(cls, email):
        return cls.objects.filter(email_hash=email_hash(email)).exists()
