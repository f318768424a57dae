from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.groups import LEGAL_COUNSEL, MODERATORS


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = _("Legal advice")
    # What the seed grants (core/seed/groups.py): counsel work on the requests, moderators
    # choose who hears of each topic and see who was refused a request (legal.refusals).
    group_permissions = {
        LEGAL_COUNSEL: ["legal.work_on_requests"],
        MODERATORS: [
            "legal.add_counselcontact",
            "legal.change_counselcontact",
            "legal.delete_counselcontact",
            "legal.view_refusedaccess",
        ],
    }
    default_auto_field = "django.db.models.BigAutoField"

    def seed(self, seeding):
        """The legal request page: this app's part of `manage.py seed`."""
        from .seed import seed_legal  # imports models, so not before the app registry is ready

        seed_legal(seeding.home, seeding.english)
