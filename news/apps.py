from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.groups import EDITORS, MODERATORS


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("HQ updates")
    # What the seed grants (core/seed/groups.py): editors sort updates into categories.
    group_permissions = {
        group: ["news.add_newscategory", "news.change_newscategory", "news.delete_newscategory"]
        for group in (EDITORS, MODERATORS)
    }

    def seed(self, seeding):
        """The HQ updates: this app's part of `manage.py seed`."""
        from .seed import seed_news  # imports models, so not before the app registry is ready

        seed_news(seeding.home, seeding.english)
