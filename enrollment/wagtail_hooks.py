"""The enrollment team's part of the admin, in one menu: the list of people, the
contact-person network, the volunteering areas and the meetings with kibbutzim; the audit
log's actions; and the members' menu item for a kibbutz's own contact people."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from core.groups import MEMBER_KIBBUTZIM
from core.menu import PermissionViewSet

from . import admin_views, audit
from .filters import PersonFilterSet
from .people import Interest, KibbutzMeeting, Person


class PersonPermissionPolicy(ModelPermissionPolicy):
    """Nobody adds or deletes a person in the admin, superusers included: only the person's
    own consent adds them, and only they erase themselves (with their consent log)."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


register_permission_policy(Person, PersonPermissionPolicy(Person))


class PersonViewSet(ModelViewSet):
    model = Person
    icon = "group"
    menu_label = _("People who joined")
    menu_order = 100
    index_view_class = admin_views.PersonIndexView
    edit_view_class = admin_views.PersonEditView
    filterset_class = PersonFilterSet
    search_fields = ["first_name"]  # turns the search box on; admin_views searches more
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    export_filename = "enrolled-people"  # the viewset hands its own name to the view

    def get_form_class(self, for_update=False):
        return admin_views.PersonForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("counts/", admin_views.CountsView.as_view(), name="counts"),
            path("appoint/<id:pk>/", admin_views.AppointView.as_view(), name="appoint"),
        ]


class InterestViewSet(SnippetViewSet):
    """The volunteering areas, in each language, in the order HQ sets."""

    model = Interest
    icon = "tag"
    menu_label = _("Volunteering areas")
    menu_order = 300
    list_display = ["name", "sort_order"]
    sort_order_field = "sort_order"
    copy_view_enabled = False


class MeetingViewSet(ModelViewSet):
    model = KibbutzMeeting
    icon = "date"
    menu_label = _("Meetings with kibbutzim")
    menu_order = 400
    form_fields = ["kibbutz", "met_on", "notes"]
    list_display = ["kibbutz", "met_on"]
    list_filter = ["kibbutz"]
    add_view_class = admin_views.MeetingCreateView
    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            queryset=KibbutzMeeting.objects.select_related("kibbutz"), **kwargs
        )


class EnrollmentGroup(ViewSetGroup):
    menu_label = _("Joining the movement")
    menu_icon = "group"
    menu_order = 360
    items = [
        PersonViewSet("enrollment_people", url_prefix="enrollment/people"),
        PermissionViewSet(
            "enrollment_network",
            url_prefix="enrollment/network",
            urlpatterns=[path("", admin_views.NetworkView.as_view(), name="index")],
            menu_label=_("The contact-person network"),
            menu_icon="site",
            menu_order=200,
            permission=admin_views.VIEW,
        ),
        InterestViewSet(),
        MeetingViewSet("enrollment_meetings", url_prefix="enrollment/meetings"),
    ]


@hooks.register("register_admin_viewset")
def enrollment_admin():
    return EnrollmentGroup()


@hooks.register("register_log_actions")
def log_actions(actions):
    audit.register(actions)


@hooks.register("register_members_menu_item")
def members_menu_items(request):
    """The kibbutz's contact people, for its representatives (members/menu.py)."""
    user = request.user
    if user.memberships.exists() and user.groups.filter(name=MEMBER_KIBBUTZIM).exists():
        return [(_("Our kibbutz’s contact people"), reverse("enrollment_contacts:list"))]
    return []
