"""Attendance: the sheet HQ prints for the event's door (those confirmed, by kibbutz, a box
to sign), and marking afterwards who attended. Marking is a POST from the list (a GET
changes nothing)."""

from django.contrib import messages
from django.db.models import Sum
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from wagtail.admin.utils import get_valid_next_url_from_request

from core.permitted import PermissionRequired

from .admin_views import CHANGE, VIEW, Attendance, by_kibbutz, event_url, registrations
from .models import Registration, RegistrationSetup


class AttendanceSheetView(PermissionRequired, TemplateView):
    """A page of its own, not the admin's, to print on A4 in the reader's language."""

    permission = VIEW
    template_name = "registrations/admin/attendance_sheet.html"

    def get_context_data(self, **kwargs):
        setup = get_object_or_404(
            RegistrationSetup.objects.select_related("event"), event_id=self.kwargs["event_id"]
        )
        confirmed = by_kibbutz(
            registrations().filter(event_id=setup.event_id, status=Registration.Status.CONFIRMED)
        )
        return super().get_context_data(
            event=setup.event,
            registrations=confirmed,
            participants=confirmed.aggregate(total=Sum("participants"))["total"] or 0,
            **kwargs,
        )


class MarkAttendedView(PermissionRequired, View):
    """Mark one registration attended, not attended, or not marked."""

    permission = CHANGE
    http_method_names = ["post"]

    def post(self, request, pk):
        registration = get_object_or_404(Registration, pk=pk)
        if request.POST.get("attended") in Attendance.values:
            mark = Attendance(request.POST["attended"])
            registration.attended = mark.attended
            registration.save(update_fields=["attended"])
            messages.success(
                request,
                _("%(name)s: %(attended)s.") % {"name": registration.name, "attended": mark.label},
            )
        return redirect(
            get_valid_next_url_from_request(request) or event_url(registration.event_id)
        )
