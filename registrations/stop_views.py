"""The opt-out of event announcements, from the link and the List-Unsubscribe header of
each announcement. A GET only shows a button (link scanners open links too); the POST is
RFC 8058's one-click: no cookie, login or CSRF token, and a plain 200."""

from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt

from .models import AnnouncementOptOut
from .views import with_registration


@csrf_exempt
@with_registration
def stop(request, registration):
    context = {"registration": registration}
    if request.method == "POST":
        AnnouncementOptOut.record(registration.email)
        return TemplateResponse(request, "registrations/stopped.html", context)
    return TemplateResponse(request, "registrations/stop.html", context)
