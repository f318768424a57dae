"""Storing a request and telling the people concerned, in that order: the request and its
files are saved in one transaction; the notices wait in an outbox and are mailed after the
commit, so a mail failure never loses a request."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from core.groups import LEGAL_COUNSEL

from .records import (
    Attachment,
    AuditEntry,
    CounselContact,
    LegalRequest,
    Notice,
    random_reference,
)
from .tasks import send_notices


def counsel_for(topic):
    """The counsel named for the topic, else those named for "other", else all counsel."""
    for wanted in (topic, "other"):
        chosen = [
            c.counsel
            for c in CounselContact.objects.filter(topic=wanted).select_related("counsel")
            if c.counsel.is_active
        ]
        if chosen:
            return chosen
    return list(get_user_model().objects.filter(groups__name=LEGAL_COUNSEL, is_active=True))


def _send_after_commit(legal_request):
    transaction.on_commit(lambda: send_notices.enqueue(legal_request.pk), robust=True)


def _save_with_a_reference(legal_request, attempts=5):
    """Insert the request under a random reference, drawing a new one if it is taken."""
    for attempt in range(attempts):
        legal_request.reference = random_reference(timezone.localdate().year)
        try:
            with transaction.atomic():  # a savepoint: the outer transaction goes on
                legal_request.save(force_insert=True)
            return
        except IntegrityError:
            taken = LegalRequest.objects.filter(reference=legal_request.reference).exists()
            if not taken or attempt == attempts - 1:
                raise


@transaction.atomic
def submit(form, user):
    legal_request = form.save(commit=False)
    legal_request.submitted_by = user
    legal_request.privacy_acknowledged_at = timezone.now()
    _save_with_a_reference(legal_request)
    for upload, name, content_type in form.cleaned_data["attachments"]:
        attachment = Attachment(
            request=legal_request, name=name, content_type=content_type, size=upload.size
        )
        attachment.file.save(name, upload, save=True)
    AuditEntry.record(legal_request, user, AuditEntry.Action.CREATED)
    language = translation.get_language()
    for counsel in counsel_for(legal_request.topic):
        if counsel.email:
            Notice.objects.create(
                request=legal_request, kind=Notice.Kind.NEW_REQUEST, to=counsel.email, language="he"
            )
    if user.email:
        Notice.objects.create(
            request=legal_request, kind=Notice.Kind.RECEIPT, to=user.email, language=language
        )
    _send_after_commit(legal_request)
    return legal_request


def notify_kibbutz_of_status(legal_request, language="he"):
    """Tell the kibbutz's representatives that something changed (no content: they read it
    after logging in)."""
    for membership in legal_request.kibbutz.memberships.select_related("user"):
        if membership.user.email and membership.user.is_active:
            Notice.objects.create(
                request=legal_request,
                kind=Notice.Kind.STATUS,
                to=membership.user.email,
                language=language,
            )
    _send_after_commit(legal_request)
