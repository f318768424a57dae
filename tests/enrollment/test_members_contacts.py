"""A kibbutz's representative sees its appointed contact people on the members' side, and
nothing else: not someone pending or not appointed, not another kibbutz's; never cached."""

import pytest
from django.utils import timezone

from core.groups import MEMBER_KIBBUTZIM
from members.factories import MembershipFactory, UserFactory

from . import hq

pytestmark = pytest.mark.django_db
PAGE = "/account/contacts/"


@pytest.fixture
def two_kibbutzim():
    a, b = hq.kibbutz(name_he="קיבוץ א"), hq.kibbutz(name_he="קיבוץ ב")
    people = {
        "a_contact": hq.appointed(kibbutz=a, first_name="רות", phone="+972501234567"),
        "a_volunteer": hq.person(kibbutz=a, first_name="מתנדב", wants_to_be_contact=True),
        "a_member": hq.person(kibbutz=a, first_name="חבר"),
        "a_pending": hq.pending(kibbutz=a, first_name="ממתין", contact_appointed_at=timezone.now()),
        "b_contact": hq.appointed(kibbutz=b, first_name="יעל"),
    }
    return a, b, people


def _page(client, user):
    client.force_login(user)
    response = client.get(PAGE)
    assert response.status_code == 200
    return response.content.decode()


def test_a_secretary_sees_only_their_kibbutzs_appointed_contacts(client, two_kibbutzim):
    a, b, people = two_kibbutzim
    page = _page(client, hq.secretary(a))
    contact = people["a_contact"]
    assert contact.full_name in page and contact.email in page and "+972501234567" in page
    for hidden in ("a_volunteer", "a_member", "a_pending", "b_contact"):
        assert people[hidden].full_name not in page, hidden
        assert people[hidden].email not in page, hidden
    page_b = _page(client, hq.secretary(b))
    assert people["b_contact"].full_name in page_b
    assert contact.full_name not in page_b


def test_others_see_no_one(client, two_kibbutzim):
    a, _b, people = two_kibbutzim
    assert "/account/login/" in client.get(PAGE)["Location"]
    no_kibbutz = UserFactory(groups=[MEMBER_KIBBUTZIM])
    outside_the_group = MembershipFactory(kibbutz=a, user=UserFactory()).user
    for user in (*hq.outsiders(), hq.hq_user(), no_kibbutz, outside_the_group):
        page = _page(client, user)
        assert all(p.email not in page for p in people.values()), user


def test_in_the_members_menu_for_representatives_only(client, two_kibbutzim):
    a, _b, _people = two_kibbutzim
    client.force_login(hq.secretary(a))
    assert PAGE in client.get("/account/").content.decode()
    client.force_login(hq.outsiders()[0])
    assert PAGE not in client.get("/account/").content.decode()


def test_never_cached_and_always_fresh(client, two_kibbutzim):
    a, _b, _people = two_kibbutzim
    client.force_login(hq.secretary(a))
    response = client.get(PAGE)
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    newcomer = hq.appointed(kibbutz=a, first_name="חדשה")
    assert newcomer.full_name in client.get(PAGE).content.decode()
    assert "noindex" in response.content.decode()
