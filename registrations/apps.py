from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.groups import EVENT_ORGANIZERS


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = _("Event registration")
    # What the seed grants (core/seed/groups.py): HQ's event organizers open registration
    # for an event, see and export who registered, mark attendance and write to them.
    group_permissions = {
        EVENT_ORGANIZERS: [
            "registrations.add_registrationsetup",
            "registrations.change_registrationsetup",
            "registrations.view_registrationsetup",
            "registrations.view_registration",
            "registrations.change_registration",
            "registrations.export_registration",
            "registrations.message_registrants",
        ]
    }

    def seed(self, seeding):
        """Registration for the demo's events: this app's part of `manage.py seed`."""
        from .seed import seed_registrations  # imports models: not before the registry is ready

        seed_registrations(seeding.home)
