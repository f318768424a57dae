"""Admin views of personal data: for the users who hold one permission, and never cached."""

from django.core.exceptions import PermissionDenied
from django.utils.cache import add_never_cache_headers


class PermissionRequired:
    """Before a view class in its bases: refuses users without `permission` (the admin
    turns PermissionDenied into its "no permission" answer) and marks every answer
    never-cache, since what these views show is people's details."""

    permission = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response
