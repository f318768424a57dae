"""HQ's list of people in the admin: who gets in, every filter and the search, the counts,
the CSV and XLSX exports of what the filters find (and their audit log), editing and
appointing (logged), a fixed number of queries per page, and hostile query strings."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from enrollment import audit
from enrollment.models import AgeBand, Person
from members.factories import UserFactory

from . import hq

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    client.force_login(hq.hq_user())
    return client


def test_only_the_enrollment_team_and_superusers_get_in(client):
    hq.person()
    assert client.get(hq.LIST).status_code == 302, "anonymous: to the login"
    assert "/admin/login/" in client.get(hq.LIST)["Location"]
    for outsider in hq.outsiders():
        client.force_login(outsider)
        for url in (hq.LIST, hq.COUNTS, f"{hq.LIST}?export=csv"):
            response = client.get(url)
            assert response.status_code in (302, 403), (outsider, url)
            assert b"example.org" not in response.content
    for insider in (hq.hq_user(), UserFactory(is_superuser=True)):
        client.force_login(insider)
        assert client.get(hq.LIST).status_code == 200
        assert client.get(hq.COUNTS).status_code == 200


def test_the_menu_shows_the_workspace_to_the_team_only(client):
    client.force_login(hq.hq_user())
    menu = client.get("/admin/").content.decode()
    assert hq.LIST in menu and hq.NETWORK in menu
    client.force_login(hq.outsiders()[0])
    assert hq.LIST not in client.get("/admin/").content.decode()


def test_each_filter(staff):
    north = hq.kibbutz(region="north", status="cooperative")
    south = hq.kibbutz(region="south", status="deliberating")
    education = hq.interest("חינוך")
    a = hq.person(kibbutz=north, age_band=AgeBand.FROM_20, interests=[education])
    b = hq.pending(kibbutz=south, wants_to_be_contact=True, created_at=hq.days_ago(40))
    c = hq.appointed(kibbutz=south)
    d = hq.person(other_community="חיפה", age_band=AgeBand.OVER_60)
    everyone = {a.pk, b.pk, c.pk, d.pk}
    assert hq.listed(staff) == everyone
    assert hq.listed(staff, f"?kibbutz={north.pk}") == {a.pk}
    assert hq.listed(staff, "?region=south") == {b.pk, c.pk}
    assert hq.listed(staff, "?kibbutz_status=deliberating") == {b.pk, c.pk}
    assert hq.listed(staff, f"?interest={education.pk}") == {a.pk}
    assert hq.listed(staff, "?age_band=over-60") == {d.pk}
    assert hq.listed(staff, "?wants_to_be_contact=true") == {b.pk, c.pk}
    assert hq.listed(staff, "?appointed=true") == {c.pk}
    assert hq.listed(staff, "?appointed=false") == {a.pk, b.pk, d.pk}
    assert hq.listed(staff, "?status=pending") == {b.pk}
    assert hq.listed(staff, "?status=confirmed") == {a.pk, c.pk, d.pk}
    since = hq.days_ago(30).date().isoformat()
    assert hq.listed(staff, f"?created_at_from={since}") == {a.pk, c.pk, d.pk}
    assert hq.listed(staff, f"?created_at_to={since}") == {b.pk}
    assert hq.listed(staff, "?region=south&wants_to_be_contact=true&appointed=false") == {b.pk}


def test_an_area_chosen_in_english_counts_as_the_hebrew_one(staff, english):
    hebrew = hq.interest("חינוך")
    in_english = hebrew.copy_for_translation(english)
    in_english.name = "Education"
    in_english.save()
    reader = hq.person(interests=[in_english])
    hq.person()
    assert hq.listed(staff, f"?interest={hebrew.pk}") == {reader.pk}


def test_search_by_name_email_phone_and_community(staff):
    mishmar = hq.kibbutz(name_he="משמר העמק", name_en="Mishmar HaEmek")
    ruth = hq.person(
        first_name="רות",
        last_name="כהן",
        email="ruth@example.org",
        phone="+972501234567",
        kibbutz=mishmar,
    )
    dan = hq.person(
        first_name="דן", last_name="לוי", phone="+972529876543", other_community="קריית טבעון"
    )
    assert hq.listed(staff, "?q=רות") == {ruth.pk}
    assert hq.listed(staff, "?q=רות כהן") == {ruth.pk}, "every word, in any field"
    assert hq.listed(staff, "?q=RUTH@example") == {ruth.pk}
    assert hq.listed(staff, "?q=050-1234567") == {ruth.pk}, "as people write it"
    assert hq.listed(staff, "?q=%2B972529876543") == {dan.pk}
    assert hq.listed(staff, "?q=משמר") == {ruth.pk}
    assert hq.listed(staff, "?q=mishmar") == {ruth.pk}
    assert hq.listed(staff, "?q=טבעון") == {dan.pk}
    assert hq.listed(staff, "?q=טבעון&status=pending") == set()
    assert hq.listed(staff, "?q=nobody-at-all") == set()


def test_counts_per_region_and_kibbutz_follow_the_filters(staff):
    north = hq.kibbutz(name_he="צפוני", region="north")
    south = hq.kibbutz(name_he="דרומי", region="south")
    for _n in range(3):
        hq.person(kibbutz=north)
    hq.pending(kibbutz=north)
    hq.person(kibbutz=south, wants_to_be_contact=True)
    hq.person(other_community="חיפה")
    response = staff.get(hq.COUNTS)
    context = response.context
    assert context["total"] == 6
    by_region = {row["kibbutz__region"]: row for row in context["regions"]}
    assert (by_region["north"]["total"], by_region["north"]["enrolled"]) == (4, 3)
    assert by_region["north"]["pending"] == 1
    assert by_region[None]["total"] == 1, "people outside the listed kibbutzim"
    by_kibbutz = {k.pk: k for k in context["kibbutzim"]}
    assert (by_kibbutz[north.pk].total, by_kibbutz[south.pk].total) == (4, 1)
    listing = staff.get(f"{hq.LIST}?wants_to_be_contact=true&p=1").content.decode()
    assert f'href="{hq.COUNTS}?wants_to_be_contact=true"' in listing, "the list's filters"
    filtered = staff.get(f"{hq.COUNTS}?wants_to_be_contact=true").context
    assert filtered["total"] == 1
    assert [k.pk for k in filtered["kibbutzim"]] == [south.pk]
    assert "צפוני" in response.content.decode()


def _rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff"), "the BOM, for spreadsheet programs"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_the_csv_export_is_the_filtered_list(staff):
    north = hq.kibbutz(name_he="צפוני", region="north")
    ruth = hq.person(
        first_name="רות",
        kibbutz=north,
        phone="+972501234567",
        interests=[hq.interest("חינוך"), hq.interest("תקשורת")],
    )
    hq.person(first_name='=HYPERLINK("http://x")', kibbutz=north)
    hq.pending(first_name="ממתין", kibbutz=north)
    hq.person(first_name="דרומי", kibbutz=hq.kibbutz(region="south"))
    response = staff.get(f"{hq.LIST}?region=north&status=confirmed&export=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming, "streamed, not built in memory"
    header, *rows = _rows(response)
    assert header[:2] == ["שם פרטי", "שם משפחה"] and len(header) == 15
    assert len(rows) == 2
    by_name = {row[0]: row for row in rows}
    assert by_name["רות"][3] == "+972501234567"
    assert by_name["רות"][4] == "צפוני"
    assert "חינוך" in by_name["רות"][9] and "תקשורת" in by_name["רות"][9]
    assert '\'=HYPERLINK("http://x")' in by_name, "a formula is written as text"
    assert ruth.email in by_name["רות"]


def test_the_csv_is_in_the_exporters_admin_language(client):
    hq.person()
    exporter = hq.hq_user()
    profile = UserProfile.get_for_user(exporter)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(exporter)
    header, _row = _rows(client.get(f"{hq.LIST}?export=csv"))
    assert header[:2] == ["First name", "Last name"]


def test_the_xlsx_export_opens(staff):
    for n in range(3):
        hq.person(first_name=f"אדם {n}", kibbutz=hq.kibbutz())
    response = staff.get(f"{hq.LIST}?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "שם פרטי"
    assert sorted(row[0] for row in rows[1:]) == ["אדם 0", "אדם 1", "אדם 2"]


def test_an_export_is_in_the_audit_log(client, staff):
    hq.person(kibbutz=hq.kibbutz(region="south"))
    hq.person(kibbutz=hq.kibbutz(region="north"))
    exporter = hq.hq_user(email="exporter@example.org")
    client.force_login(exporter)
    b"".join(client.get(f"{hq.LIST}?region=south&q=ישראלי&export=csv").streaming_content)
    entry = ModelLogEntry.objects.get(action=audit.EXPORT)
    assert entry.user == exporter
    assert entry.data == {
        "format": "csv",
        "filters": {"region": ["south"], "q": ["ישראלי"]},
        "rows": 1,
    }
    client.force_login(UserFactory(is_superuser=True))
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "region=south" in history
    assert exporter.first_name in history


def test_exporting_needs_its_own_permission(client):
    hq.person()
    viewer = UserFactory()
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_person"),
    )
    client.force_login(viewer)
    page = client.get(hq.LIST)
    assert page.status_code == 200
    assert "export=csv" not in page.content.decode()
    assert client.get(f"{hq.LIST}?export=csv").status_code in (302, 403)
    assert not ModelLogEntry.objects.filter(action=audit.EXPORT).exists()


def test_editing_a_person_is_logged_without_their_details(staff):
    someone = hq.person(first_name="רות", phone="+972501234567", kibbutz=hq.kibbutz())
    data = {
        "first_name": "רות",
        "last_name": someone.last_name,
        "email": "Ruth.New@Example.org",
        "phone": "052-111 2233",
        "kibbutz": someone.kibbutz_id,
        "other_community": "",
        "age_band": someone.age_band,
    }
    response = staff.post(f"/admin/enrollment/people/edit/{someone.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    someone.refresh_from_db()
    assert (someone.email, someone.phone) == ("ruth.new@example.org", "+972521112233")
    entry = ModelLogEntry.objects.get(action=audit.EDIT)
    assert set(entry.data["fields"]) == {"email", "phone"}
    assert "רות" not in entry.label and "ruth" not in str(entry.data).lower()
    history = staff.get(f"/admin/enrollment/people/history/{someone.pk}/").content.decode()
    with translation.override("he"):
        assert str(Person._meta.get_field("phone").verbose_name) in history


def test_a_bad_phone_is_refused(staff):
    someone = hq.person()
    response = staff.post(
        f"/admin/enrollment/people/edit/{someone.pk}/",
        {
            "first_name": "א",
            "last_name": "ב",
            "email": someone.email,
            "phone": "04-8123456",
            "age_band": someone.age_band,
        },
    )
    assert response.status_code == 200
    someone.refresh_from_db()
    assert someone.phone != "04-8123456"


def test_appointing_and_ending_an_appointment_are_logged(staff):
    volunteer = hq.person(wants_to_be_contact=True, kibbutz=hq.kibbutz())
    url = f"/admin/enrollment/people/appoint/{volunteer.pk}/"
    assert staff.get(url).status_code == 200
    assert staff.post(url).status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.is_appointed
    assert staff.post(url).status_code == 302
    volunteer.refresh_from_db()
    assert not volunteer.is_appointed
    actions = ModelLogEntry.objects.filter(object_id=str(volunteer.pk)).order_by("timestamp")
    assert [entry.action for entry in actions] == [audit.APPOINT, audit.UNAPPOINT]


def test_someone_pending_is_not_appointed(staff):
    waiting = hq.pending(wants_to_be_contact=True)
    staff.post(f"/admin/enrollment/people/appoint/{waiting.pk}/")
    waiting.refresh_from_db()
    assert not waiting.is_appointed


def test_outsiders_cannot_edit_or_appoint(client):
    someone = hq.person(wants_to_be_contact=True)
    for outsider in hq.outsiders():
        client.force_login(outsider)
        client.post(f"/admin/enrollment/people/appoint/{someone.pk}/")
        client.post(f"/admin/enrollment/people/edit/{someone.pk}/", {"first_name": "X"})
    someone.refresh_from_db()
    assert not someone.is_appointed and someone.first_name != "X"


def test_nobody_adds_or_deletes_a_person_in_the_admin(client):
    someone = hq.person()
    client.force_login(UserFactory(is_superuser=True))
    assert client.get("/admin/enrollment/people/new/").status_code in (302, 403)
    client.post(f"/admin/enrollment/people/delete/{someone.pk}/")
    assert Person.objects.filter(pk=someone.pk).exists()


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("query", ["", "?region=north&q=ישראלי&appointed=false"])
def test_the_list_takes_the_same_queries_for_5_and_50_people(staff, query):
    kibbutzim = [hq.kibbutz() for _n in range(5)]
    interests = [hq.interest("א"), hq.interest("ב")]
    hq.many(5, kibbutzim, interests)
    url = f"{hq.LIST}{query}"
    staff.get(url)  # the session's and the admin's own first-request queries
    few = _queries(staff, url)
    hq.many(45, kibbutzim + [hq.kibbutz() for _n in range(10)], interests)
    assert _queries(staff, url) == few
    assert _queries(staff, f"{hq.COUNTS}{query}") == _queries(staff, f"{hq.COUNTS}{query}")


@pytest.mark.parametrize(
    "query",
    [
        "?kibbutz=abc",
        "?kibbutz=999999999",
        "?region=<script>alert(1)</script>",
        "?interest=-1",
        "?age_band=%00",
        "?appointed=maybe",
        "?created_at_from=not-a-date&created_at_to=2026-13-45",
        "?p=99999999999999999999",
        "?p=-3",
        "?ordering=password",
        "?q=" + "א" * 5000,
        "?q=<script>alert(1)</script>",
        "?export=pdf",
        "?export=csv&kibbutz=abc",
    ],
)
def test_hostile_query_strings_never_fail(staff, query):
    hq.person()
    response = staff.get(f"{hq.LIST}{query}")
    assert response.status_code < 500
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"<script>alert(1)" not in body
    counts = staff.get(f"{hq.COUNTS}{query}")
    assert counts.status_code < 500
    assert b"<script>alert(1)" not in counts.content
