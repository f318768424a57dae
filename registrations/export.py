"""An event's registrations as a spreadsheet: the columns HQ works with (core/spreadsheet.py
writes them)."""

from django.utils.translation import gettext as _

from core.spreadsheet import ColumnsExport

from .models import Question, Registration


def field_label(field_name):
    return Registration._meta.get_field(field_name).verbose_name


def _answer(question):
    return lambda registration: registration.answers.get(question, "")


def _attended(registration):
    return {True: _("yes"), False: _("no")}.get(registration.attended, "")


# What an export holds, in this order: (heading, value of a registration).
EXPORT_COLUMNS = {
    "event": (field_label("event"), lambda r: r.event.title),
    "name": (field_label("name"), lambda r: r.name),
    "email": (field_label("email"), lambda r: r.email),
    "phone": (field_label("phone"), lambda r: r.phone),
    "participants": (field_label("participants"), lambda r: r.participants),
    "status": (field_label("status"), lambda r: r.get_status_display()),
    **{
        question.value: (question.label, _answer(question.value))
        for question in Question
        if question != Question.PARTICIPANTS
    },
    "created_at": (field_label("created_at"), lambda r: r.created_at),
    "attended": (field_label("attended"), _attended),
}


class RegistrationsExport(ColumnsExport):
    """For an index view of registrations (before Wagtail's IndexView in its bases)."""

    export_columns = EXPORT_COLUMNS
