"""Each app seeds its own demo content: an app whose AppConfig has a `seed(seeding)` method
is called by `manage.py seed`, in INSTALLED_APPS order. The home app makes the home page, so
it comes before the apps whose pages hang under it."""

from functools import cached_property

from django.apps import apps
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Site


class Seeding:
    """What an app's seeder is given."""

    @cached_property
    def english(self):
        return Locale.objects.get(language_code="en")

    @property
    def home(self):
        """The Hebrew home page: the default site's root."""
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None or site.root_page.specific_class is Page:
            raise CommandError(
                "There is no home page yet: the app that makes it seeds first "
                "(apps seed in INSTALLED_APPS order)."
            )
        return site.root_page.specific


def seed_every_app():
    """Run every app's seeder; return the home page."""
    seeding = Seeding()
    for config in apps.get_app_configs():
        if hasattr(config, "seed"):
            config.seed(seeding)
    return seeding.home
