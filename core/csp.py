"""The Content-Security-Policy header: strict for the public site, looser for the admin.

The Wagtail admin relies on inline scripts and styles; the public templates use none, so
the public policy stays at 'self'.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts
