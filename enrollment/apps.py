from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.groups import ENROLLMENT


class EnrollmentConfig(AppConfig):
    name = "enrollment"
    verbose_name = _("Joining the movement")
    # What the seed grants (core/seed/groups.py): HQ's enrollment team keeps the list of
    # people who joined, the volunteering areas, and the record of meetings with kibbutzim.
    group_permissions = {
        ENROLLMENT: [
            "enrollment.view_person",
            "enrollment.change_person",
            "enrollment.export_person",
            "enrollment.add_interest",
            "enrollment.change_interest",
            "enrollment.delete_interest",
            "enrollment.add_kibbutzmeeting",
            "enrollment.change_kibbutzmeeting",
            "enrollment.view_kibbutzmeeting",
        ]
    }

    def seed(self, seeding):
        """The join page and the volunteering areas: this app's part of `manage.py seed`."""
        from .seed import seed_enrollment  # imports models, so not before the app registry is ready

        seed_enrollment(seeding.home, seeding.english)
