"""Attendance: the printable sheet (those confirmed, by kibbutz then name, in the reader's
language and direction, A4 with logical CSS) and marking who attended (a POST with its
permission; a GET changes nothing)."""

import re

import pytest
from django.contrib.auth.models import Permission
from wagtail.users.models import UserProfile

from core.groups import EDITORS, EVENT_ORGANIZERS
from core.seed.groups import ensure_groups
from members.factories import UserFactory
from registrations.models import Registration

from .conftest import registration

pytestmark = pytest.mark.django_db
Status = Registration.Status


def sheet_url(setup):
    return f"/admin/registrations/event/{setup.event_id}/attendance-sheet/"


def mark_url(registration):
    return f"/admin/registrations/attended/{registration.pk}/"


def organizer():
    ensure_groups()
    return UserFactory(groups=[EVENT_ORGANIZERS])


def editor():
    ensure_groups()
    return UserFactory(groups=[EDITORS])


@pytest.fixture
def staff(client):
    client.force_login(organizer())
    return client


def refused(response):
    """The admin answers a PermissionDenied with a redirect to its dashboard (and a 403 to
    a script)."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_the_sheet_lists_the_confirmed_by_kibbutz_then_name(staff, setup):
    registration(setup, name="תמר", answers={"kibbutz": "גבעה"}, participants=2)
    registration(setup, name="אבי", answers={"kibbutz": "גבעה"}, phone="050-1234567")
    registration(setup, name="בני", answers={"kibbutz": "אילות"})
    registration(setup, name="גלית")  # no kibbutz: last
    registration(setup, name="ממתין", status=Status.WAITING, answers={"kibbutz": "א"})
    registration(setup, name="מוצע", status=Status.OFFERED)
    registration(setup, name="ביטל", status=Status.CANCELLED)
    response = staff.get(sheet_url(setup))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert [r.name for r in response.context["registrations"]] == ["בני", "אבי", "תמר", "גלית"]
    assert response.context["participants"] == 5
    html = response.content.decode()
    assert re.search(r'<html lang="he" dir="rtl">', html)
    assert setup.event.title in html and setup.event.location in html
    assert '<span dir="ltr">050-1234567</span>' in html
    for absent in ("ממתין", "מוצע", "ביטל"):
        assert absent not in html
    assert "size: A4" in html and "margin: 15mm" in html
    assert not re.search(r"(margin|padding|border)-(left|right)|text-align: (left|right)", html)
    assert "window.print()" in html and "@media print" in html
    assert "wagtail" not in html.lower(), "its own page, not the admin's"


def test_the_sheet_is_in_the_readers_language(client, setup):
    registration(setup)
    reader = organizer()
    profile = UserProfile.get_for_user(reader)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(reader)
    html = client.get(sheet_url(setup)).content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Signature" in html


def test_the_sheet_is_for_organizers_only(client, setup):
    registration(setup, name="רות")
    response = client.get(sheet_url(setup))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(editor())
    response = client.get(sheet_url(setup))
    assert refused(response) and "רות".encode() not in response.content
    client.force_login(organizer())
    assert client.get("/admin/registrations/event/999999/attendance-sheet/").status_code == 404


def test_marking_who_attended_is_a_post(staff, setup):
    someone = registration(setup)
    assert staff.get(f"{mark_url(someone)}?attended=yes").status_code == 405
    someone.refresh_from_db()
    assert someone.attended is None
    listing = f"/admin/registrations/event/{setup.event_id}/"
    response = staff.post(mark_url(someone), {"attended": "yes", "next": f"{listing}?p=1"})
    assert response.status_code == 302 and response["Location"] == f"{listing}?p=1"
    someone.refresh_from_db()
    assert someone.attended is True
    staff.post(mark_url(someone), {"attended": "no"})
    someone.refresh_from_db()
    assert someone.attended is False
    staff.post(mark_url(someone), {"attended": "unknown"})
    someone.refresh_from_db()
    assert someone.attended is None


def test_the_list_has_the_marking_buttons_with_csrf(staff, setup):
    someone = registration(setup)
    html = staff.get(f"/admin/registrations/event/{setup.event_id}/").content.decode()
    assert f'action="{mark_url(someone)}"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_hostile_marks_change_nothing(staff, setup):
    someone = registration(setup)
    for data in ({"attended": "maybe"}, {}, {"attended": "yes", "next": "https://evil.example/"}):
        response = staff.post(mark_url(someone), data)
        assert response.status_code < 500
        assert "evil.example" not in response.get("Location", "")
    someone.refresh_from_db()
    assert someone.attended is True, "only the valid mark"
    assert (
        staff.post("/admin/registrations/attended/999999/", {"attended": "yes"}).status_code == 404
    )


def test_marking_needs_the_change_permission(client, setup):
    someone = registration(setup)
    client.force_login(editor())
    assert refused(client.post(mark_url(someone), {"attended": "yes"}))
    viewer = UserFactory()
    viewer.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_registration"])
    )
    client.force_login(viewer)
    assert refused(client.post(mark_url(someone), {"attended": "yes"}))
    html = client.get(f"/admin/registrations/event/{setup.event_id}/").content.decode()
    assert mark_url(someone) not in html
    someone.refresh_from_db()
    assert someone.attended is None
