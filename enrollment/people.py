"""People who join the cooperative movement through the site (the vision's "personal
enrollment"), the volunteering areas they may choose, the evidence of their consent, and
HQ's meetings with each kibbutz. A person counts as enrolled once they confirm by email.

The kibbutz is members' Kibbutz, referred to by name: this app imports no other feature app
(the import contracts in pyproject.toml)."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from core.privacy import ConsentRecord


def new_token():
    return secrets.token_urlsafe(32)


class Interest(TranslatableMixin, models.Model):
    """A volunteering area a person may tick (education, media, economic models, young
    leadership…): a snippet HQ edits, in each language."""

    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("volunteering area")
        verbose_name_plural = _("volunteering areas")

    def __str__(self):
        return self.name


class AgeBand(models.TextChoices):
    # The vision's young leadership groups are for ages 20–40.
    UNDER_20 = "under-20", _("under 20")
    FROM_20 = "20-29", _("20–29")
    FROM_30 = "30-40", _("30–40")
    FROM_41 = "41-60", _("41–60")
    OVER_60 = "over-60", _("over 60")


class Person(models.Model):
    """One person on HQ's list: pending until they confirm the email, then enrolled."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("enrolled")

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("email"), max_length=254, unique=True)  # stored lowercased
    phone = models.CharField(_("mobile phone"), max_length=16)  # E.164: +9725XXXXXXXX
    kibbutz = models.ForeignKey(
        "members.Kibbutz",
        verbose_name=_("kibbutz"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrolled_people",
    )
    # When the person is not a member of a kibbutz on the list: where they live, or why.
    other_community = models.CharField(_("other community"), max_length=150, blank=True)
    age_band = models.CharField(_("age"), max_length=10, choices=AgeBand.choices)
    interests = models.ManyToManyField(
        Interest, verbose_name=_("volunteering areas"), blank=True, related_name="people"
    )
    wants_to_be_contact = models.BooleanField(_("willing to be a contact person"), default=False)
    contact_appointed_at = models.DateTimeField(
        _("appointed contact person"), null=True, blank=True
    )
    language = models.CharField(_("language"), max_length=8, default="he")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    # Opaque, per person: in the confirmation link and in every email's "your details" link.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("enrolled on"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("enrolled person")
        verbose_name_plural = _("enrolled people")
        permissions = [("export_person", _("Can export the list of enrolled people"))]
        indexes = [
            models.Index(fields=["status", "created_at"]),
            models.Index(fields=["kibbutz", "status"]),
        ]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def is_appointed(self):
        return self.contact_appointed_at is not None


class ConsentEvent(ConsentRecord):
    """Evidence of each consent given or withdrawn: what the person saw (the wording, in
    their language), when, and from where. Survives the person's erasure with the address
    reduced to its keyed hash."""

    class Kind(models.TextChoices):
        LIST_GIVEN = "list-given", _("agreed to be on HQ's list")
        LIST_CONFIRMED = "list-confirmed", _("confirmed by email")
        NEWSLETTER_GIVEN = "newsletter-given", _("asked for the newsletter")
        WITHDRAWN = "withdrawn", _("withdrew consent and was erased")

    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="consents"
    )
    kind = models.CharField(_("event"), max_length=20, choices=Kind.choices)
    wording = models.TextField(_("wording shown"), blank=True)


class DoNotContact(models.Model):
    """An erased person's address, as a keyed hash only: HQ's list never takes it again
    unless the person enrolls anew and confirms."""

    email_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("erased address")
        verbose_name_plural = _("erased addresses")

    def __str__(self):
        return f"{self.email_hash[:12]}…"


class KibbutzMeeting(models.Model):
    """HQ's record of a meeting with a kibbutz (the network view shows the last one)."""

    kibbutz = models.ForeignKey(
        "members.Kibbutz",
        verbose_name=_("kibbutz"),
        on_delete=models.CASCADE,
        related_name="hq_meetings",
    )
    met_on = models.DateField(_("date"), default=timezone.localdate)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-met_on", "-pk"]
        verbose_name = _("meeting with a kibbutz")
        verbose_name_plural = _("meetings with kibbutzim")

    def __str__(self):
        return f"{self.kibbutz} {self.met_on:%Y-%m-%d}"
