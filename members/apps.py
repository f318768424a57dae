from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from core.groups import MODERATORS


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")
    # What the seed grants (core/seed/groups.py): moderators keep the member kibbutzim.
    group_permissions = {
        MODERATORS: ["members.add_kibbutz", "members.change_kibbutz", "members.add_invitation"]
    }
