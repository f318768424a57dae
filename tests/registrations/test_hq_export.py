"""An event's registrations as CSV and XLSX: the list's filters, Hebrew intact with the BOM,
formulas written as text, local times, the exporter's language, and its own permission."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from openpyxl import load_workbook
from wagtail.users.models import UserProfile

from core.groups import EVENT_ORGANIZERS
from core.seed.groups import ensure_groups
from members.factories import UserFactory
from registrations.export import EXPORT_COLUMNS
from registrations.models import Registration

from .conftest import make_setup, registration

pytestmark = pytest.mark.django_db
Status = Registration.Status


def export_url(setup, query=""):
    return f"/admin/registrations/event/{setup.event_id}/?export=csv{query}"


def organizer(**fields):
    ensure_groups()
    return UserFactory(groups=[EVENT_ORGANIZERS], **fields)


@pytest.fixture
def staff(client):
    client.force_login(organizer())
    return client


def rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming, "streamed, not built in memory"
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff"), "the BOM, for spreadsheet programs"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_csv_is_the_events_filtered_list(staff, setup, home):
    registration(
        setup,
        name="רות כהן",
        email="ruth@example.org",
        phone="+972501234567",
        participants=2,
        answers={"kibbutz": "משמר העמק", "dietary": "צמחונית"},
        attended=True,
    )
    registration(setup, name='=HYPERLINK("http://x")', phone="-1+1")
    registration(setup, name="ממתין", status=Status.WAITING)
    registration(make_setup(home), name="באירוע אחר")
    header, *found = rows(staff.get(export_url(setup, "&status=confirmed")))
    with translation.override("he"):
        assert header == [str(capfirst(label)) for label, _value in EXPORT_COLUMNS.values()]
        yes = gettext("yes")
    assert header[1] == "שם"
    by_name = {row[1]: dict(zip(EXPORT_COLUMNS, row, strict=True)) for row in found}
    assert set(by_name) == {"רות כהן", '\'=HYPERLINK("http://x")'}, "a formula as text"
    ruth = by_name["רות כהן"]
    assert ruth["event"] == setup.event.title
    assert ruth["phone"] == "+972501234567", "an E.164 number stays as it is"
    assert (ruth["kibbutz"], ruth["dietary"]) == ("משמר העמק", "צמחונית")
    assert (ruth["participants"], ruth["attended"]) == ("2", yes)
    assert by_name['\'=HYPERLINK("http://x")']["phone"] == "'-1+1"


def test_times_are_in_israels_time(staff, setup):
    someone = registration(setup)
    at = datetime.datetime(2026, 7, 1, 9, 30, tzinfo=datetime.UTC)
    Registration.objects.filter(pk=someone.pk).update(created_at=at)
    header, row = rows(staff.get(export_url(setup)))
    assert "2026-07-01 12:30" in row, "UTC+3 in summer"


def test_the_csv_is_in_the_exporters_admin_language(client, setup):
    registration(setup)
    exporter = organizer()
    profile = UserProfile.get_for_user(exporter)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(exporter)
    header, _row = rows(client.get(export_url(setup)))
    assert header[:3] == ["Event", "Name", "Email"]


def test_the_xlsx_export_opens(staff, setup):
    for n in range(3):
        registration(setup, name=f"אדם {n}", answers={"kibbutz": "גבעה"})
    response = staff.get(f"/admin/registrations/event/{setup.event_id}/?export=xlsx")
    assert response.status_code == 200
    assert f"registrations-{setup.event_id}.xlsx" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    header, *found = list(workbook.active.iter_rows(values_only=True))
    assert header[1] == "שם"
    assert sorted(row[1] for row in found) == ["אדם 0", "אדם 1", "אדם 2"]
    registered_at = list(EXPORT_COLUMNS).index("created_at")
    assert isinstance(found[0][registered_at], datetime.datetime)


def test_exporting_needs_its_own_permission(client, setup):
    registration(setup, email="ruth@example.org")
    viewer = UserFactory()
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registration"),
    )
    client.force_login(viewer)
    page = client.get(f"/admin/registrations/event/{setup.event_id}/")
    assert page.status_code == 200
    assert "export=csv" not in page.content.decode()
    response = client.get(export_url(setup))
    assert response.status_code in (302, 403)
    assert not response.streaming and b"ruth@example.org" not in response.content


def test_the_whole_list_exports_every_events_registrations(staff, setup, home):
    registration(setup, name="רות")
    registration(make_setup(home), name="דן")
    response = staff.get("/admin/registrations/?export=csv")
    assert 'filename="registrations.csv"' in response["Content-Disposition"]
    header, *found = rows(response)
    assert sorted(row[1] for row in found) == ["דן", "רות"]
