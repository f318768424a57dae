"""The user groups of the HQ and what each may do.

Editors write, publish, schedule, unpublish and delete pages (HQ's editors are the
publishers: the site's news cannot wait for a second person); an editor who wants a second
reading submits the page to the approval workflow, where Moderators approve it. Moderators
also keep the site's settings and the member kibbutzim. Newsletter senders, Legal counsel,
Enrollment, Event organizers and Member kibbutzim exist for the apps that define their work.

Here are the permissions of Wagtail and of core; an app grants those of its own models with
a `group_permissions` attribute on its AppConfig ({group name: ["app_label.codename", ...]}).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
)

from core.groups import (
    EDITORS,
    ENROLLMENT,
    EVENT_ORGANIZERS,
    LEGAL_COUNSEL,
    MEMBER_KIBBUTZIM,
    MODERATORS,
    NEWSLETTER_SENDERS,
)

ADMIN_ACCESS = "wagtailadmin.access_admin"
GROUPS = {
    EDITORS: {
        "permissions": [ADMIN_ACCESS, "wagtail_localize.submit_translation"],
        "pages": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collections": ["add", "change", "choose"],
    },
    MODERATORS: {
        "permissions": [
            ADMIN_ACCESS,
            "wagtail_localize.submit_translation",
            "core.change_sitesettings",
        ],
        "pages": [
            "add_page",
            "change_page",
            "publish_page",
            "bulk_delete_page",
            "lock_page",
            "unlock_page",
        ],
        "collections": ["add", "change", "choose", "delete"],
    },
    NEWSLETTER_SENDERS: {"permissions": [ADMIN_ACCESS], "pages": [], "collections": []},
    LEGAL_COUNSEL: {"permissions": [ADMIN_ACCESS], "pages": [], "collections": []},
    ENROLLMENT: {"permissions": [ADMIN_ACCESS], "pages": [], "collections": []},
    EVENT_ORGANIZERS: {"permissions": [ADMIN_ACCESS], "pages": [], "collections": []},
    MEMBER_KIBBUTZIM: {"permissions": [], "pages": [], "collections": []},
}


def _permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_groups():
    """Create the groups and grant their permissions; adds what is missing, never removes
    what an administrator granted since."""
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for name, grants in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*(_permission(p) for p in grants["permissions"]))
        for codename in grants["pages"]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=_permission(f"wagtailcore.{codename}"),
            )
        for action in grants["collections"]:
            for model in ("image", "document"):
                app = "wagtailimages" if model == "image" else "wagtaildocs"
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(f"{app}.{action}_{model}"),
                )
    for config in apps.get_app_configs():
        for name, permissions in getattr(config, "group_permissions", {}).items():
            group, _created = Group.objects.get_or_create(name=name)
            group.permissions.add(*(_permission(p) for p in permissions))


# Wagtail's migrations name the approval workflow and its task in English; names are data,
# shown as they are in the Hebrew admin ("Submit to Moderators approval"), so the seed gives
# them the Hebrew names HQ's editors use.
WAGTAIL_WORKFLOW_NAME = WAGTAIL_TASK_NAME = "Moderators approval"


def name_the_approval_workflow():
    Workflow.objects.filter(name=WAGTAIL_WORKFLOW_NAME).update(name="אישור")
    GroupApprovalTask.objects.filter(name=WAGTAIL_TASK_NAME).update(name="אישור מאשרים")
