"""What HQ does to the list, in Wagtail's audit log (the admin's site history and each
person's history): exports, edits, appointments.

Entries name a person by number, not by name: the log outlives a person who erases their
details. An export is logged against the list itself (Person's content type), so only
superusers see it in the site history: who exported is for HQ's administrators to review."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from .people import Person

EXPORT = "enrollment.export"
EDIT = "enrollment.edit"
APPOINT = "enrollment.appoint"
UNAPPOINT = "enrollment.unappoint"


def _title(person):
    return f"{Person._meta.verbose_name} #{person.pk}"


def log_export(user, export_format, filters, rows):
    """`filters`: the list's query parameters as given (search included)."""
    log(
        instance=ContentType.objects.get_for_model(Person),
        action=EXPORT,
        user=user,
        title=str(Person._meta.verbose_name_plural),
        data={"format": export_format, "filters": filters, "rows": rows},
    )


def log_edit(person, user, changed_fields):
    """`changed_fields`: the names of the fields changed (not their values: personal data
    stays out of the log)."""
    log(
        instance=person,
        action=EDIT,
        user=user,
        title=_title(person),
        data={"fields": changed_fields},
        content_changed=bool(changed_fields),
    )


def log_appointment(person, user):
    action = APPOINT if person.is_appointed else UNAPPOINT
    log(instance=person, action=action, user=user, title=_title(person))


class ExportFormatter(LogFormatter):
    label = _("Export of the list of enrolled people")

    def format_message(self, entry):
        return _("Exported %(rows)s rows (%(format)s), filters: %(filters)s") % {
            "rows": entry.data.get("rows"),
            "format": entry.data.get("format", "").upper(),
            "filters": _describe(entry.data.get("filters") or {}),
        }


def _describe(filters):
    return "; ".join(f"{key}={', '.join(values)}" for key, values in filters.items()) or "—"


class EditFormatter(LogFormatter):
    label = _("Edit of an enrolled person")

    def format_message(self, entry):
        names = [_field_label(name) for name in entry.data.get("fields") or []]
        return _("Edited: %(fields)s") % {"fields": ", ".join(names) or "—"}


def _field_label(name):
    try:
        return str(Person._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a field since removed
        return name


def register(actions):
    actions.register_action(EXPORT)(ExportFormatter)
    actions.register_action(EDIT)(EditFormatter)
    actions.register_action(
        APPOINT, _("Appointment of a contact person"), _("Appointed as a contact person")
    )
    actions.register_action(
        UNAPPOINT,
        _("End of a contact person's appointment"),
        _("No longer a contact person"),
    )
