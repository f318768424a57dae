from django.contrib.auth.models import AbstractUser
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """The project's own user model, in place from the first migration, so that members,
    editors and counsel can gain fields (kibbutz membership, two-factor settings) later
    without swapping the user model on a live database."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")
