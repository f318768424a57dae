"""Deleting closed requests, and their files, when the retention period has passed."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .records import AuditEntry, LegalRequest

logger = logging.getLogger(__name__)


def purge(now=None):
    """Delete every request closed more than LEGAL_RETENTION_DAYS ago; return their
    references. The audit log keeps a "purged" entry with the reference."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.LEGAL_RETENTION_DAYS)
    expired = LegalRequest.objects.filter(status=LegalRequest.Status.CLOSED, closed_at__lt=cutoff)
    purged = []
    for legal_request in expired.iterator():
        files = [a.file for a in legal_request.attachments.all()]
        with transaction.atomic():
            AuditEntry.record(legal_request, None, AuditEntry.Action.PURGED)
            legal_request.delete()
            # The files go only once the rows are gone for good.
            transaction.on_commit(lambda files=files: [f.delete(save=False) for f in files])
        logger.info("Purged legal request %s (%d files)", legal_request.reference, len(files))
        purged.append(legal_request.reference)
    return purged
