"""The Content-Security-Policy header: strict for the public site, looser for the admin.

The Wagtail admin relies on inline scripts and styles; the public templates use none, so
the public policy stays at 'self'. A preview is a public page rendered for the admin's
preview panel (Wagtail runs the whole middleware chain on a dummy request for the page's
public address): the public policy, except that the admin may frame it.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        elif getattr(request, "is_preview", False):
            parts.update = {**(parts.update or {}), "frame-ancestors": ["'self'"]}
        return parts
