from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.groups import NEWSLETTER_SENDERS


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")
    # What the seed grants (core/seed/groups.py).
    group_permissions = {
        NEWSLETTER_SENDERS: ["newsletter.send_campaign", "newsletter.view_subscriber"]
    }

    def ready(self):
        from . import tracking  # noqa: F401  (connects the provider-event receiver)

    def seed(self, seeding):
        """The newsletter's archive and first issue: this app's part of `manage.py seed`."""
        from .seed import seed_newsletter  # imports models, so not before the app registry is ready

        seed_newsletter(seeding.home, seeding.english)
