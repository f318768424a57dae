"""Mailing the notices of legal requests. A notice names the request by its reference and
links to it; it never carries the subject, the description or a file (a mailbox is not a
safe place for them). A notice the mail server refused stays in the outbox for the next
run (`manage.py send_legal_notices`, run every few minutes)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task
from wagtail.models import Site

from core.links import absolute_url
from core.mail import send_mail
from core.models import SiteSettings

from .records import Notice

logger = logging.getLogger(__name__)

_TEMPLATES = {
    "new_request": "legal/email/new_request",
    "receipt": "legal/email/receipt",
    "status": "legal/email/status",
}


def _link(notice):
    if notice.kind == "new_request":
        path = reverse("legal_admin:detail", args=[notice.request.public_id])
    else:
        with translation.override(notice.language):
            path = reverse("legal:detail", args=[notice.request.public_id])
    return absolute_url(path)


def send_pending(notices):
    """Send each notice once; a failure is recorded and left for the next run."""
    sent = 0
    for notice in notices.select_related("request"):
        with translation.override(notice.language):
            context = {"request": notice.request, "url": _link(notice)}
            template = _TEMPLATES[notice.kind]
            subject = render_to_string(f"{template}_subject.txt", context).strip()
            body = render_to_string(f"{template}.txt", context)
        try:
            send_mail(subject, body, [notice.to])
        except Exception as error:  # the outbox keeps it for the next run
            logger.warning("Legal notice %s not sent: %s", notice.pk, error)
            notice.attempts += 1
            notice.last_error = str(error)[:300]
            notice.save(update_fields=["attempts", "last_error"])
            continue
        notice.sent_at = timezone.now()
        notice.attempts += 1
        notice.save(update_fields=["sent_at", "attempts"])
        sent += 1
    return sent


@task()
def send_notices(request_id):
    send_pending(Notice.objects.filter(request_id=request_id, sent_at__isnull=True))


@task()
def tell_hq_of_probing(user_id, count):
    """Tell HQ (the site settings' email) that an account was refused `count` times within
    the probe window (legal.refusals): who, how often, and where the attempts are listed;
    nothing of any request. A failure is logged: the attempts stay listed in the admin."""
    user = get_user_model().objects.get(pk=user_id)
    hq = SiteSettings.for_site(Site.objects.get(is_default_site=True)).email
    with translation.override("he"):  # HQ reads Hebrew
        context = {
            "account": user.email or user.get_username(),
            "count": count,
            "minutes": settings.LEGAL_PROBE_WINDOW_SECONDS // 60,
            "url": absolute_url(reverse("legal_refusals:index") + f"?user={user.pk}"),
        }
        subject = render_to_string("legal/email/probing_subject.txt", context).strip()
        body = render_to_string("legal/email/probing.txt", context)
    try:
        send_mail(subject, body, [hq])
    except Exception as error:  # whatever the mail server says, the attempts stay listed
        logger.warning("HQ not told of refused attempts by user %s: %s", user_id, error)
