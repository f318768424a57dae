"""Headers every response carries besides those Django and django-csp set."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Turns off the browser features the site never uses (camera, location…), so that
    no script, ours or an embedded player's, can ask for them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
