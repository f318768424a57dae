import datetime
import hashlib
import secrets

from axes.utils import reset
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.regions import Region


class User(AbstractUser):
    """The project's own user model, in place from the first migration, so that members,
    editors and counsel can gain fields (kibbutz membership, two-factor settings) later
    without swapping the user model on a live database."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def save(self, *args, **kwargs):
        password_changed = self._password is not None  # set_password() was called
        super().save(*args, **kwargs)
        if password_changed:
            # A new password (a reset, as the lock-out page advises) lifts the lock-outs on
            # this username: the guesses were against the old one.
            reset(username=self.get_username())


class Kibbutz(models.Model):
    """A member kibbutz of the association."""

    Region = Region

    class Status(models.TextChoices):
        COOPERATIVE = "cooperative", _("cooperative")
        DELIBERATING = "deliberating", _("deliberating")
        DIFFERENTIAL = "differential", _("differential")

    name_he = models.CharField(_("name in Hebrew"), max_length=100, unique=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.COOPERATIVE
    )

    class Meta:
        ordering = ["name_he"]
        verbose_name = _("kibbutz")
        verbose_name_plural = _("kibbutzim")

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The name in the reader's language (Hebrew when there is no English one)."""
        if get_language() == "en" and self.name_en:
            return self.name_en
        return self.name_he


class Membership(models.Model):
    """A user who represents a kibbutz: who may submit its legal requests and see them."""

    class Role(models.TextChoices):
        SECRETARY = "secretary", _("secretary")
        REPRESENTATIVE = "representative", _("representative")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    kibbutz = models.ForeignKey(Kibbutz, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "kibbutz"], name="one_membership_per_kibbutz")
        ]

    def __str__(self):
        return f"{self.user} – {self.kibbutz}"


def _token_digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


class Invitation(models.Model):
    """HQ invites a kibbutz's representative by email. Only the digest of the link's token
    is stored, so the table does not hold working links; the link expires."""

    VALID_FOR = datetime.timedelta(days=7)

    email = models.EmailField(_("email"))
    kibbutz = models.ForeignKey(
        Kibbutz, verbose_name=_("kibbutz"), on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires"), editable=False)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} – {self.kibbutz}"

    def issue_token(self):
        """A new secret for the link (returned once, to be mailed), valid from now."""
        token = secrets.token_urlsafe(32)
        self.token_digest = _token_digest(token)
        self.created_at = timezone.now()
        self.expires_at = self.created_at + self.VALID_FOR
        return token

    @classmethod
    def open_for(cls, token):
        """The unexpired, unaccepted invitation of this token, or None."""
        if not token or len(token) > 100:
            return None
        return cls.objects.filter(
            token_digest=_token_digest(token),
            accepted_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).first()
