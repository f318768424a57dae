"""What the lists of people (newsletter subscribers, the people who joined) share to keep
their promises under the Privacy Protection Law: a keyed hash that recognises an erased or
suppressed address without keeping it, and append-only evidence of consent."""

import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.client_address import client_address


def email_hash(email):
    """A keyed hash of a normalised address (EMAIL_HASH_KEY: keep it stable, or the hashes
    already kept no longer recognise their addresses)."""
    key = settings.EMAIL_HASH_KEY.encode()
    return hmac.new(key, email.strip().lower().encode(), hashlib.sha256).hexdigest()


def request_evidence(request):
    """Where a consent came from, for the consent logs: the visitor's address (behind our
    proxies) and browser. Empty when no request made the change (a provider's report)."""
    if request is None:
        return {"ip": None, "user_agent": ""}
    return {
        "ip": client_address(request) or None,
        "user_agent": request.META.get("HTTP_USER_AGENT", "")[:300],
    }


class AppendOnly(models.Model):
    """A record that is written once and never changed or deleted: evidence."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError(f"{type(self).__name__} records are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError(f"{type(self).__name__} records are append-only.")


class ConsentRecord(AppendOnly):
    """Evidence of a consent given or withdrawn: when, from where, and for which address,
    kept as its keyed hash so that the record outlives the person's erasure. Each list adds
    what was consented to (`kind`, with its choices) and whose record it is."""

    email_hash = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(_("time"), default=timezone.now)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=300, blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]
        verbose_name = _("consent event")
        verbose_name_plural = _("consent events")

    def __str__(self):
        return f"{self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"
