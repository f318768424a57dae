"""Links that leave the site in an email: absolute, on the site's public address."""

from django.conf import settings


def absolute_url(path=""):
    """The site's base URL (WAGTAILADMIN_BASE_URL) followed by `path`."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
