"""HQ's workspace in the admin: the list of people (filters, search, counts, exports),
editing a person, appointing a contact person, and the network of kibbutzim.

Who may do what is the model's permissions (the Enrollment group; superusers too): view
for the list, the counts and the network, change to edit and appoint, export_person to
download. Exports, edits and appointments are written to the audit log (audit.py)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.actions.edit import EditAction
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

from core.permitted import PermissionRequired

from . import audit, network
from .export import PeopleExport, interests
from .filters import Kibbutz, PersonFilterSet, search
from .people import Interest, Person
from .phone import normalise_mobile

VIEW = "enrollment.view_person"
CHANGE = "enrollment.change_person"
EXPORT = "enrollment.export_person"


def people():
    """Each person with what the list shows, in a fixed number of queries per page."""
    return Person.objects.select_related("kibbutz").prefetch_related(
        Prefetch("interests", queryset=Interest.objects.order_by("sort_order", "name"))
    )


def _community(person):
    return person.kibbutz or person.other_community


def _contact(person):
    if person.is_appointed:
        return _("appointed")
    return _("volunteers") if person.wants_to_be_contact else ""


def _phone(person):
    return format_html('<span dir="ltr">{}</span>', person.phone)


COLUMNS = [
    TitleColumn(
        "name",
        label=gettext_lazy("name"),
        accessor="full_name",
        url_name="enrollment_people:edit",
        sort_key="last_name",
    ),
    Column("email", label=gettext_lazy("email")),
    Column("phone", label=gettext_lazy("mobile phone"), accessor=_phone),
    Column("community", label=gettext_lazy("kibbutz or community"), accessor=_community),
    Column("age_band", label=gettext_lazy("age"), accessor="get_age_band_display"),
    Column("interests", label=gettext_lazy("volunteering areas"), accessor=interests),
    Column("contact", label=gettext_lazy("contact person"), accessor=_contact),
    Column("status", label=gettext_lazy("status"), accessor="get_status_display"),
    DateColumn("created_at", label=gettext_lazy("enrolled on"), sort_key="created_at"),
]


class PersonIndexView(PeopleExport, generic.IndexView):
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return people()

    def search_queryset(self, queryset):
        return search(queryset, self.search_query) if self.is_searching else queryset

    @cached_property
    def columns(self):
        return COLUMNS

    @cached_property
    def show_export_buttons(self):
        return self.request.user.has_perm(EXPORT)

    @cached_property
    def header_more_buttons(self):
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        counts = reverse("enrollment_people:counts") + (f"?{query.urlencode()}" if query else "")
        return [
            *super().header_more_buttons,
            Button(_("Counts per kibbutz and region"), url=counts, icon_name="table"),
        ]

    def get(self, request, *args, **kwargs):
        if not self.is_export:
            response = super().get(request, *args, **kwargs)
            add_never_cache_headers(response)
            return response
        if not request.user.has_perm(EXPORT):
            raise PermissionDenied
        export_format = request.GET["export"]
        found = self.get_queryset()
        filters = {key: request.GET.getlist(key) for key in request.GET if key != "export"}
        audit.log_export(request.user, export_format, filters, found.count())
        return self.as_spreadsheet(found, export_format)


class PersonForm(WagtailAdminModelForm):
    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "email",
            "phone",
            "kibbutz",
            "other_community",
            "age_band",
            "interests",
            "wants_to_be_contact",
        ]
        widgets = {
            "interests": forms.CheckboxSelectMultiple,
            "phone": forms.TextInput({"dir": "ltr", "inputmode": "tel"}),
            "email": forms.EmailInput({"dir": "ltr"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The areas of the person's language (and any they hold in another), not both lists.
        chosen = self.instance.interests.all() if self.instance.pk else Interest.objects.none()
        self.fields["interests"].queryset = Interest.objects.filter(
            Q(locale__language_code=self.instance.language) | Q(pk__in=chosen)
        )

    def clean_email(self):
        return self.cleaned_data["email"].lower()

    def clean_phone(self):
        return normalise_mobile(self.cleaned_data["phone"])


class PersonEditView(generic.EditView):
    def save_instance(self):
        # Logged as ours (which fields changed, never their values), not as "wagtail.edit",
        # whose entry would carry the person's name.
        with transaction.atomic():
            person = EditAction(
                self.form.instance, user=self.request.user, form=self.form, log_action=False
            ).execute(skip_permission_checks=True)
            audit.log_edit(person, self.request.user, self.form.changed_data)
        return person

    @cached_property
    def header_more_buttons(self):
        label = _("End the appointment") if self.object.is_appointed else _("Appoint")
        url = reverse("enrollment_people:appoint", args=[self.object.pk])
        return [*super().header_more_buttons, Button(label, url=url, icon_name="user")]


class _Permitted(PermissionRequired, WagtailAdminTemplateMixin, TemplateView):
    permission = VIEW


class AppointView(_Permitted):
    """Confirm, then appoint a confirmed person as their kibbutz's contact person, or end
    the appointment."""

    permission = CHANGE
    template_name = "enrollment/admin/appoint.html"
    header_icon = "user"

    @cached_property
    def person(self):
        return get_object_or_404(Person.objects.select_related("kibbutz"), pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("End the appointment") if self.person.is_appointed else _("Appoint")

    def get_page_subtitle(self):
        return self.person.full_name

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)

    def post(self, request, pk):
        person = self.person
        if not person.is_appointed and person.status != Person.Status.CONFIRMED:
            messages.error(request, _("Only a person who confirmed their email is appointed."))
            return redirect("enrollment_people:edit", person.pk)
        with transaction.atomic():
            person.contact_appointed_at = None if person.is_appointed else timezone.now()
            person.save(update_fields=["contact_appointed_at", "updated_at"])
            audit.log_appointment(person, request.user)
        done = (
            _("%(name)s is now a contact person.")
            if person.is_appointed
            else _("%(name)s is no longer a contact person.")
        )
        messages.success(request, done % {"name": person.full_name})
        return redirect("enrollment_people:edit", person.pk)


class CountsView(_Permitted):
    """How many of the people the list's filters and search find are in each region and
    each kibbutz, enrolled and pending."""

    template_name = "enrollment/admin/counts.html"
    page_title = gettext_lazy("Counts per kibbutz and region")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        filters = PersonFilterSet(self.request.GET or None, queryset=Person.objects.all())
        found = filters.qs if filters.is_bound and filters.is_valid() else Person.objects.all()
        text = self.request.GET.get("q", "").strip()[:200]
        if text:
            found = search(found, text)
        return super().get_context_data(
            regions=self.per_region(found),
            kibbutzim=self.per_kibbutz(found),
            total=found.count(),
            list_url=reverse("enrollment_people:index") + "?" + self.request.GET.urlencode(),
            **kwargs,
        )

    @staticmethod
    def _tally(prefix=""):
        status = f"{prefix}status"
        return {
            "total": Count(f"{prefix}pk"),
            "enrolled": Count(f"{prefix}pk", filter=Q(**{status: Person.Status.CONFIRMED})),
            "pending": Count(f"{prefix}pk", filter=Q(**{status: Person.Status.PENDING})),
        }

    def per_region(self, found):
        names = dict(Kibbutz._meta.get_field("region").choices)
        rows = found.order_by().values("kibbutz__region").annotate(**self._tally())
        return sorted(
            ({**row, "name": names.get(row["kibbutz__region"], _("No kibbutz"))} for row in rows),
            key=lambda row: -row["total"],
        )

    def per_kibbutz(self, found):
        return (
            Kibbutz.objects.filter(enrolled_people__in=found.order_by().values("pk"))
            .annotate(**self._tally("enrolled_people__"))
            .order_by("-total", "name_he")
        )


class NetworkFilter(forms.Form):
    region = forms.ChoiceField(
        label=gettext_lazy("region"),
        required=False,
        choices=[("", "—"), *Kibbutz._meta.get_field("region").choices],
    )
    status = forms.ChoiceField(
        label=gettext_lazy("kibbutz status"),
        required=False,
        choices=[("", "—"), *Kibbutz._meta.get_field("status").choices],
    )


class NetworkView(_Permitted):
    template_name = "enrollment/admin/network.html"
    page_title = gettext_lazy("The contact-person network")
    header_icon = "site"

    def get_context_data(self, **kwargs):
        form = NetworkFilter(self.request.GET or None)
        found = network.kibbutzim()
        if form.is_valid():
            for field in ("region", "status"):
                if form.cleaned_data[field]:
                    found = found.filter(**{field: form.cleaned_data[field]})
        return super().get_context_data(
            filter_form=form,
            kibbutzim=found,
            can_record=self.request.user.has_perm("enrollment.add_kibbutzmeeting"),
            **kwargs,
        )


class MeetingCreateView(generic.CreateView):
    """Recording a meeting, with the kibbutz given by the network's link."""

    def get_initial(self):
        initial = super().get_initial()
        kibbutz = self.request.GET.get("kibbutz", "")
        if kibbutz.isdigit():
            initial["kibbutz"] = kibbutz
        return initial
