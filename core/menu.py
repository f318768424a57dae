"""Admin menu items, and admin sections with their own menu item, shown only to users with a
given permission."""

from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class PermissionViewSet(ViewSet):
    """A section of the admin made of our own views: `urlpatterns` under
    /admin/<url_prefix>/ in the namespace `name`, and a main-menu item leading to the first
    of them, shown to users with `permission` (each view still checks what it requires)."""

    add_to_admin_menu = True
    urlpatterns = ()
    permission = None

    def get_urlpatterns(self):
        return self.urlpatterns

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
            permission=self.permission,
        )
