"""The contact-person network in the admin: each kibbutz with its appointed contact people,
its enrolled, pending and volunteering people and HQ's last meeting with it, for the
enrollment team only, in the same number of queries however many people; the meetings and
the volunteering areas HQ keeps."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enrollment.factories import KibbutzMeetingFactory
from enrollment.models import Interest, KibbutzMeeting
from members.factories import UserFactory

from . import hq

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    client.force_login(hq.hq_user())
    return client


def _row(kibbutzim, kibbutz):
    (row,) = [k for k in kibbutzim if k.pk == kibbutz.pk]
    return row


def test_only_the_enrollment_team_and_superusers_get_in(client):
    assert client.get(hq.NETWORK).status_code == 302
    for outsider in hq.outsiders():
        client.force_login(outsider)
        assert client.get(hq.NETWORK).status_code in (302, 403)
    for insider in (hq.hq_user(), UserFactory(is_superuser=True)):
        client.force_login(insider)
        assert client.get(hq.NETWORK).status_code == 200


def test_each_kibbutz_with_its_contacts_counts_and_last_meeting(staff):
    mishmar = hq.kibbutz(name_he="משמר", region="valleys", status="deliberating")
    quiet = hq.kibbutz(name_he="שקט")
    contact = hq.appointed(first_name="רות", phone="+972501234567", kibbutz=mishmar)
    hq.person(kibbutz=mishmar)
    volunteer = hq.person(kibbutz=mishmar, wants_to_be_contact=True)
    hq.pending(kibbutz=mishmar, wants_to_be_contact=True)
    hq.pending(kibbutz=mishmar, contact_appointed_at=contact.contact_appointed_at)
    hq.appointed(kibbutz=quiet, first_name="אחר")
    KibbutzMeetingFactory(kibbutz=mishmar, met_on=datetime.date(2026, 3, 1))
    KibbutzMeetingFactory(kibbutz=mishmar, met_on=datetime.date(2026, 9, 14))
    response = staff.get(hq.NETWORK)
    row = _row(response.context["kibbutzim"], mishmar)
    assert [p.pk for p in row.contacts] == [contact.pk], "appointed and confirmed only"
    assert (row.enrolled, row.pending, row.volunteers) == (3, 2, 1)
    assert row.last_met == datetime.date(2026, 9, 14)
    assert _row(response.context["kibbutzim"], quiet).last_met is None
    page = response.content.decode()
    assert "+972501234567" in page and contact.email in page
    assert f"/admin/enrollment/meetings/new/?kibbutz={mishmar.pk}" in page
    assert f"kibbutz={mishmar.pk}&amp;wants_to_be_contact=true&amp;appointed=false" in page
    assert hq.listed(
        staff, f"?kibbutz={mishmar.pk}&wants_to_be_contact=true&appointed=false&status=confirmed"
    ) == {volunteer.pk}


def test_filtered_by_region_and_status(staff):
    north = hq.kibbutz(region="north", status="cooperative")
    south = hq.kibbutz(region="south", status="differential")
    shown = staff.get(f"{hq.NETWORK}?region=south").context["kibbutzim"]
    assert south.pk in {k.pk for k in shown} and north.pk not in {k.pk for k in shown}
    shown = staff.get(f"{hq.NETWORK}?status=cooperative").context["kibbutzim"]
    assert north.pk in {k.pk for k in shown} and south.pk not in {k.pk for k in shown}


def test_recording_a_meeting_from_the_network(staff):
    mishmar = hq.kibbutz()
    form = staff.get(f"/admin/enrollment/meetings/new/?kibbutz={mishmar.pk}").content.decode()
    assert f'<option value="{mishmar.pk}" selected>' in form
    response = staff.post(
        "/admin/enrollment/meetings/new/",
        {"kibbutz": mishmar.pk, "met_on": "2026-10-01", "notes": "פגישה עם המזכירות"},
    )
    assert response.status_code == 302
    assert KibbutzMeeting.objects.get().kibbutz == mishmar
    row = _row(staff.get(hq.NETWORK).context["kibbutzim"], mishmar)
    assert row.last_met == datetime.date(2026, 10, 1)
    assert staff.get("/admin/enrollment/meetings/").status_code == 200


def test_the_team_keeps_the_volunteering_areas(staff):
    listing = staff.get("/admin/snippets/enrollment/interest/")
    assert listing.status_code == 200
    response = staff.post(
        "/admin/snippets/enrollment/interest/add/", {"name": "חקלאות", "sort_order": 3}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Interest.objects.filter(name="חקלאות").exists()


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_same_queries_for_5_and_50_people(staff):
    kibbutzim = [hq.kibbutz() for _n in range(3)]
    hq.many(5, kibbutzim, [])
    hq.appointed(kibbutz=kibbutzim[0])
    KibbutzMeetingFactory(kibbutz=kibbutzim[0])
    staff.get(hq.NETWORK)
    few = _queries(staff, hq.NETWORK)
    more = kibbutzim + [hq.kibbutz() for _n in range(10)]
    hq.many(45, more, [])
    for kibbutz in more:
        hq.appointed(kibbutz=kibbutz)
        KibbutzMeetingFactory(kibbutz=kibbutz)
    assert _queries(staff, hq.NETWORK) == few


@pytest.mark.parametrize(
    "query",
    ["?region=<script>alert(1)</script>", "?status=%00", "?region=north&status=x", "?p=-1"],
)
def test_hostile_query_strings_never_fail(staff, query):
    hq.kibbutz()
    response = staff.get(f"{hq.NETWORK}{query}")
    assert response.status_code < 500
    assert b"<script>alert(1)" not in response.content
    assert staff.get(f"/admin/enrollment/meetings/new/?kibbutz={query}").status_code < 500
