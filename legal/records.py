"""Legal-advice requests of member kibbutzim: the request, its files, the conversation with
counsel, the notices to send, and the audit log of everyone who looked or acted.

Privacy Protection Law (amendment 13): only what counsel needs is collected; the files live
in private storage with no public URL; every view, download and change is logged; closed
requests are deleted when the retention period ends (`manage.py purge_legal_requests`).

The page with the form is in legal.models, above the forms and views; everything else of
the app builds on these records."""

import secrets
import uuid

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.groups import LEGAL_COUNSEL
from core.storage import private_storage


class Topic(models.TextChoices):
    LAND = "land", _("Land and property rights")
    BYLAWS = "bylaws", _("Bylaws and governance")
    MEMBERSHIP = "membership", _("Membership and personal status")
    TAX = "tax", _("Taxation")
    PENSIONS = "pensions", _("Pensions and welfare")
    EMPLOYMENT = "employment", _("Employment")
    MODEL = "model", _("Transition to or from the differential model")
    OTHER = "other", _("Other")


class CounselContact(models.Model):
    """Who is notified of new requests on a topic (managed by HQ in the admin)."""

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    counsel = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("counsel"),
        on_delete=models.CASCADE,
        related_name="legal_topics",
        limit_choices_to={"groups__name": LEGAL_COUNSEL},
    )

    class Meta:
        verbose_name = _("counsel contact")
        verbose_name_plural = _("counsel contacts")
        constraints = [
            models.UniqueConstraint(fields=["topic", "counsel"], name="one_contact_per_topic")
        ]

    def __str__(self):
        return f"{self.get_topic_display()}: {self.counsel}"


# No 0/O or 1/I: a reference is read out on the phone and copied from paper.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def random_reference(year):
    """LR-2026-7KQ3XM: random, so that references do not tell how many requests the
    association gets; 32⁶ (about a billion) a year, so a collision is rare, and the caller
    draws again on one (legal.submission)."""
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"LR-{year}-{code}"


class LegalRequest(models.Model):
    class Urgency(models.TextChoices):
        ROUTINE = "routine", _("Routine")
        SOON = "soon", _("Within two weeks")
        URGENT = "urgent", _("Urgent: within days")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        AWAITING_KIBBUTZ = "awaiting_kibbutz", _("Awaiting the kibbutz")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    # In URLs; the reference is for people.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    kibbutz = models.ForeignKey(
        "members.Kibbutz",
        verbose_name=_("kibbutz"),
        on_delete=models.PROTECT,
        related_name="legal_requests",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="legal_requests",
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), max_length=10000)
    urgency = models.CharField(
        _("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.ROUTINE
    )
    phone = models.CharField(_("contact phone"), max_length=20)
    privacy_acknowledged_at = models.DateTimeField()
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_legal_requests",
    )
    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("legal request")
        verbose_name_plural = _("legal requests")
        permissions = [("work_on_requests", _("Can read and answer legal requests"))]
        indexes = [models.Index(fields=["status", "closed_at"])]

    def __str__(self):
        return self.reference


def _attachment_path(attachment, filename):
    # A random name on disk: the member's file name is kept in the row, never in a path.
    return f"legal/{attachment.request.public_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    request = models.ForeignKey(LegalRequest, on_delete=models.CASCADE, related_name="attachments")
    # In URLs: a sequential id would tell how many files the association holds.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(storage=private_storage, upload_to=_attachment_path, max_length=200)
    name = models.CharField(_("file name"), max_length=160)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.name


class Message(models.Model):
    """counsel's internal note, or a reply the kibbutz sees."""

    class Kind(models.TextChoices):
        NOTE = "note", _("Internal note")
        REPLY = "reply", _("Reply to the kibbutz")

    request = models.ForeignKey(LegalRequest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField(_("text"), max_length=10000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"


class AuditEntry(models.Model):
    """Who saw or did what to which request. Kept when the request is purged (the
    reference stays, the link goes)."""

    class Action(models.TextChoices):
        CREATED = "created", _("submitted")
        VIEWED = "viewed", _("viewed")
        DOWNLOADED = "downloaded", _("downloaded a file")
        STATUS = "status", _("changed the status")
        ASSIGNED = "assigned", _("assigned")
        NOTE = "note", _("added a note")
        REPLY = "reply", _("replied")
        PURGED = "purged", _("deleted at the end of retention")

    request = models.ForeignKey(
        LegalRequest, null=True, on_delete=models.SET_NULL, related_name="audit"
    )
    reference = models.CharField(max_length=20)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    detail = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.reference} {self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"

    @classmethod
    def record(cls, request_obj, user, action, detail=""):
        return cls.objects.create(
            request=request_obj,
            reference=request_obj.reference,
            user=user if user and user.is_authenticated else None,
            action=action,
            detail=detail[:200],
        )


class Notice(models.Model):
    """An email about a request waiting to be sent (an outbox): it carries no content of
    the request, only its reference, and stays until the mail server took it."""

    class Kind(models.TextChoices):
        NEW_REQUEST = "new_request", "new request (to counsel)"
        RECEIPT = "receipt", "receipt (to the submitter)"
        STATUS = "status", "status changed (to the kibbutz)"

    request = models.ForeignKey(LegalRequest, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    to = models.EmailField()
    language = models.CharField(max_length=8, default="he")
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["sent_at"])]

    def __str__(self):
        return f"{self.request} {self.kind} → {self.to}"


class RefusedAccess(models.Model):
    """A logged-in account answered "not found" on a request, one of its files or counsel's
    screens (legal.refusals): who, when, from where, what they asked for. Read-only in the
    admin, for HQ; kept when the request is purged (the reference stays, the link goes)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    address = models.CharField(_("IP address"), max_length=45, blank=True)
    method = models.CharField(_("method"), max_length=10)
    path = models.CharField(_("path"), max_length=300)
    request = models.ForeignKey(
        LegalRequest,
        verbose_name=_("legal request"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="refusals",
    )
    reference = models.CharField(_("reference"), max_length=20, blank=True)
    # HQ was emailed when this refusal made the account's count reach LEGAL_PROBE_LIMIT.
    hq_notified = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("refused attempt")
        verbose_name_plural = _("refused attempts")
        indexes = [models.Index(fields=["user", "at"])]

    def __str__(self):
        return f"{self.user} {self.method} {self.path} {self.at:%Y-%m-%d %H:%M}"

    @admin.display(description=_("kind of request"))
    def kind(self):
        """The HTTP method in words HQ reads (GET is a look, POST a form sent)."""
        return _("viewing") if self.method in ("GET", "HEAD") else _("sending a form")
