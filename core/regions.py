"""The movement's regions: a kibbutz's (members) and an event's (media) share these."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    NORTH = "north", _("North")
    VALLEYS = "valleys", _("Valleys")
    CENTER = "center", _("Center")
    SOUTH = "south", _("South")
