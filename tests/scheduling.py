"""Time passing for a scheduled page, without waiting for it."""

import datetime

from django.core.management import call_command
from django.utils import timezone


def go_live_date_passes(page):
    """Moves the go-live date of the page's scheduled revision a minute into the past, then
    runs `publish_scheduled`, as cron does in production."""
    revision = page.get_latest_revision()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
