"""HQ's list of an event's registrations in the admin: who gets in (Event organizers, not
editors), the filters, the search and the counts, the way there from the registration
setups, the buttons of the list's header, and hostile query strings."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from core.groups import EDITORS, EVENT_ORGANIZERS
from core.seed.groups import ensure_groups
from members.factories import UserFactory
from registrations.admin_views import Attendance
from registrations.models import Registration

from .conftest import make_setup, registration

Status = Registration.Status


def list_url(setup):
    return f"/admin/registrations/event/{setup.event_id}/"


@pytest.fixture
def organizer(db):
    ensure_groups()
    return UserFactory(groups=[EVENT_ORGANIZERS])


@pytest.fixture
def staff(client, organizer):
    client.force_login(organizer)
    return client


def refused(response):
    """The admin answers a PermissionDenied with a redirect to its dashboard and a message
    (wagtail.admin.auth.permission_denied), and a 403 to a script."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def listed(client, setup, query=""):
    """The names the list shows (its first page)."""
    response = client.get(f"{list_url(setup)}{query}")
    assert response.status_code == 200, response.status_code
    return {row.name for row in response.context["object_list"]}


def test_event_organizers_get_in_and_editors_do_not(client, setup):
    registration(setup, name="רות", email="ruth@example.org")
    url = list_url(setup)
    response = client.get(url)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    ensure_groups()
    client.force_login(UserFactory(groups=[EDITORS]))
    for refused_url in (url, "/admin/registrations/", f"{url}?export=csv"):
        response = client.get(refused_url)
        assert refused(response), refused_url
        assert b"ruth@example.org" not in response.content
    client.force_login(UserFactory(groups=[EVENT_ORGANIZERS]))
    response = client.get(url)
    assert response.status_code == 200
    assert "ruth@example.org" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_menu_shows_the_events_group_to_organizers(staff, client):
    menu = staff.get("/admin/").content.decode()
    assert "/admin/registration_setups/" in menu and "/admin/registrations/" in menu
    client.force_login(UserFactory(groups=[EDITORS]))
    assert "/admin/registrations/" not in client.get("/admin/").content.decode()


def test_an_unknown_event_is_not_found(staff):
    assert staff.get("/admin/registrations/event/999999/").status_code == 404


def test_only_the_events_registrations_are_listed(staff, setup, home):
    registration(setup, name="רות")
    other = make_setup(home)
    registration(other, name="דן")
    assert listed(staff, setup) == {"רות"}
    everyone = staff.get("/admin/registrations/")
    assert {r.name for r in everyone.context["object_list"]} == {"רות", "דן"}


def test_the_filters(staff, setup):
    registration(setup, name="בא", attended=True)
    registration(setup, name="לא בא", attended=False)
    registration(setup, name="ממתין", status=Status.WAITING)
    registration(setup, name="ביטל", status=Status.CANCELLED)
    assert listed(staff, setup, "?status=waiting") == {"ממתין"}
    assert listed(staff, setup, "?status=cancelled") == {"ביטל"}
    assert listed(staff, setup, "?attended=yes") == {"בא"}
    assert listed(staff, setup, "?attended=no") == {"לא בא"}
    assert listed(staff, setup, "?attended=unknown") == {"ממתין", "ביטל"}
    assert listed(staff, setup, "?status=confirmed&attended=unknown") == set()


def test_search_by_name_email_and_kibbutz(staff, setup):
    registration(setup, name="רות כהן", email="ruth@example.org", answers={"kibbutz": "משמר"})
    registration(setup, name="דן לוי", email="dan@example.org", answers={"kibbutz": "גבעה"})
    assert listed(staff, setup, "?q=רות") == {"רות כהן"}
    assert listed(staff, setup, "?q=DAN@example") == {"דן לוי"}
    assert listed(staff, setup, "?q=משמר") == {"רות כהן"}
    assert listed(staff, setup, "?q=רות גבעה") == set(), "every word"
    assert listed(staff, setup, "?q=nobody") == set()


def test_the_list_shows_the_columns_with_the_phone_left_to_right(staff, setup):
    registration(setup, phone="050-1234567", participants=3, answers={"kibbutz": "משמר"})
    html = staff.get(list_url(setup)).content.decode()
    assert '<span dir="ltr">050-1234567</span>' in html
    assert "משמר" in html
    assert 'lang="he"' in html


def test_the_counts_are_the_events(staff, setup, home):
    registration(setup, participants=2, attended=True)
    registration(setup, participants=1, attended=False)
    registration(setup, status=Status.OFFERED, participants=2)
    registration(setup, status=Status.WAITING, participants=3)
    registration(setup, status=Status.WAITING, participants=1)
    registration(setup, status=Status.CANCELLED, participants=4)
    registration(make_setup(home), participants=4)
    response = staff.get(f"{list_url(setup)}?status=waiting")
    counts = response.context["counts"]
    assert [label for label, _n, _people in counts] == [
        Status.CONFIRMED.label,
        Status.OFFERED.label,
        Status.WAITING.label,
        Status.CANCELLED.label,
        Attendance.YES.label,
    ]
    assert [(n, people) for _label, n, people in counts] == [
        (2, 3),
        (1, 2),
        (2, 4),
        (1, 4),
        (1, 2),
    ], "the event's, whatever the list's filters"
    assert response.context["setup"].capacity == 3


def test_the_setups_list_and_edit_view_lead_to_the_registrations(staff, setup):
    registration(setup)
    registration(setup)
    registration(setup, status=Status.CANCELLED)
    listing = staff.get("/admin/registration_setups/").content.decode()
    with translation.override("he"):
        label = gettext("Registrations (%(count)s)") % {"count": 2}
    assert f'href="{list_url(setup)}">{label}</a>' in listing, "not the cancelled"
    edit = staff.get(f"/admin/registration_setups/edit/{setup.pk}/").content.decode()
    assert f'href="{list_url(setup)}"' in edit


def test_the_header_buttons(staff, setup):
    html = staff.get(list_url(setup)).content.decode()
    assert f"/admin/registrations/event/{setup.event_id}/attendance-sheet/" in html
    assert "export=csv" in html and "export=xlsx" in html
    assert f"/admin/registrations/event/{setup.event_id}/message/" in html


def test_nobody_adds_or_deletes_a_registration_in_the_admin(client, setup):
    client.force_login(UserFactory(is_superuser=True))
    someone = registration(setup)
    html = client.get(list_url(setup)).content.decode()
    assert "/admin/registrations/new/" not in html
    assert client.get("/admin/registrations/new/").status_code == 404
    client.post(f"/admin/registrations/delete/{someone.pk}/")
    assert Registration.objects.filter(pk=someone.pk).exists()


@pytest.mark.parametrize(
    "query",
    [
        "?status=<script>alert(1)</script>",
        "?attended=maybe",
        "?attended=%00",
        "?p=99999999999999999999",
        "?p=-3",
        "?ordering=token",
        "?ordering=<script>alert(1)</script>",
        "?q=" + "א" * 5000,
        "?q=<script>alert(1)</script>",
        "?q=%00",
        "?export=pdf",
        "?export=csv&status=nope",
        "?_w_filter_fragment=1",
    ],
)
def test_hostile_query_strings_never_fail(staff, setup, query):
    registration(setup)
    for url in (list_url(setup), "/admin/registrations/"):
        response = staff.get(f"{url}{query}")
        assert response.status_code < 500, (url, query)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"<script>alert(1)" not in body
