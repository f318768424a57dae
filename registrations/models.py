"""Registration for events: each event's setup (set by HQ in the admin) and the people who
registered. The event is media's EventPage, named by string: this app does not import media."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.privacy import email_hash


class Question(models.TextChoices):
    """The questions an event may ask, besides name, email and phone: code, not editors'."""

    KIBBUTZ = "kibbutz", _("Kibbutz")
    PARTICIPANTS = "participants", _("Number of participants")
    DIETARY = "dietary", _("Dietary needs")
    ACCESSIBILITY = "accessibility", _("Accessibility needs")
    NOTE = "note", _("A note to the organizers")


class RegistrationSetup(models.Model):
    event = models.OneToOneField(
        "media.EventPage",
        on_delete=models.CASCADE,
        related_name="registration_setup",
        verbose_name=_("event"),
    )
    enabled = models.BooleanField(_("registration is open"), default=True)
    capacity = models.PositiveIntegerField(
        _("places"), help_text=_("Beyond them, people go on the waiting list.")
    )
    opens_at = models.DateTimeField(
        _("opens at"), null=True, blank=True, help_text=_("Empty: open at once.")
    )
    closes_at = models.DateTimeField(
        _("closes at"), null=True, blank=True, help_text=_("Empty: when the event starts.")
    )
    questions = models.JSONField(_("questions"), default=list, blank=True)
    max_participants = models.PositiveSmallIntegerField(
        _("participants per registration, at most"),
        default=4,
        help_text=_("When the number of participants is asked."),
    )
    reminder_hours = models.PositiveSmallIntegerField(
        _("reminder, hours before the start"), default=24
    )

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")

    def __str__(self):
        return str(self.event)

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Registration must close after it opens.")})
        unknown = set(self.questions) - set(Question.values)
        if unknown:
            raise ValidationError({"questions": _("Unknown question.")})


def new_token():
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        OFFERED = "offered", _("offered a place")
        CANCELLED = "cancelled", _("cancelled")

    # Those holding a place: counted against the capacity.
    HOLDING = (Status.CONFIRMED, Status.OFFERED)

    event = models.ForeignKey(
        "media.EventPage",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("event"),
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    participants = models.PositiveSmallIntegerField(_("participants"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    offered_until = models.DateTimeField(_("offer valid until"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=5)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [
            ("export_registration", _("Can export registrations")),
            ("message_registrants", _("Can email an event's registrants")),
        ]
        ordering = ["created_at", "pk"]  # the waiting list's order
        constraints = [
            # One live registration per address and event: a second form for it is not a
            # second booking.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="one_live_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"


class RegistrantMessage(models.Model):
    """What HQ wrote to an event's registrants, sent as one newsletter campaign per language
    of registration (newsletter.outbox)."""

    class Kind(models.TextChoices):
        PRACTICAL = "practical", _("Practical information about the event")
        ANNOUNCEMENT = "announcement", _("Announcement")

    # Whom a message may be written to: those registered, not those who cancelled.
    STATUSES = (
        Registration.Status.CONFIRMED,
        Registration.Status.OFFERED,
        Registration.Status.WAITING,
    )

    event = models.ForeignKey(
        "media.EventPage",
        on_delete=models.CASCADE,
        related_name="registrant_messages",
        verbose_name=_("event"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"))
    statuses = models.JSONField(_("registration statuses"), default=list)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    # {language: newsletter campaign id}; ids, not keys: this app does not import newsletter's
    # models.
    campaigns = models.JSONField(default=dict)
    # The confirmation form's: a second click on "send" sends nothing.
    key = models.CharField(max_length=32, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("message to registrants")
        verbose_name_plural = _("messages to registrants")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject


class AnnouncementOptOut(models.Model):
    """An address that wants no more announcements about events, kept as its keyed hash.
    Practical messages about an event it registered for still reach it."""

    email_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("opt-out of event announcements")
        verbose_name_plural = _("opt-outs of event announcements")

    def __str__(self):
        return f"{self.email_hash[:12]}…"

    @classmethod
    def record(cls, email):
        cls.objects.get_or_create(email_hash=email_hash(email))
