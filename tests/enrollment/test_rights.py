"""The person's rights (Privacy Protection Law, amendment 13), by the link in every email:
see what is stored, correct it, erase it; each change by POST."""

import pytest
from django.core import mail

from core.privacy import email_hash
from enrollment.factories import InterestFactory, PersonFactory
from enrollment.forms import OTHER
from enrollment.models import ConsentEvent, DoNotContact, Person
from tests.html import soup

from .conftest import ADDRESS

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(kibbutz, interest):
    person = PersonFactory(email=ADDRESS, first_name="רות", kibbutz=kibbutz, interests=[interest])
    ConsentEvent.objects.create(
        person=person, email_hash=email_hash(ADDRESS), kind="list-given", wording="נוסח ההסכמה"
    )
    return person


def _details(person):
    return f"/join/details/{person.token}/"


def _correction(person, **overrides):
    data = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "phone": person.phone,
        "kibbutz": str(person.kibbutz_id),
        "age_band": person.age_band,
    }
    return data | overrides


def test_the_details_page_shows_what_is_stored(client, person, kibbutz, interest):
    page = soup(client.get(_details(person)))
    text = page.get_text(" ")
    for shown in (ADDRESS, person.phone, "רות", kibbutz.name_he, interest.name, "נוסח ההסכמה"):
        assert shown in text
    assert page.select_one("#id_first_name")["value"] == "רות"
    assert page.select_one(f'a[href="/join/details/{person.token}/erase/"]') is not None


def test_correcting_the_details(client, person, english):
    area = InterestFactory(name="תקשורת")
    response = client.post(
        _details(person),
        _correction(
            person,
            first_name="רותי",
            phone="052 765 4321",
            kibbutz=OTHER,
            other_community="חיפה",
            interests=[str(area.pk)],
            wants_to_be_contact="on",
        ),
    )
    assert response.status_code == 200
    assert soup(response).select_one('[role="status"]') is not None
    person.refresh_from_db()
    assert (person.first_name, person.phone) == ("רותי", "+972527654321")
    assert (person.kibbutz, person.other_community) == (None, "חיפה")
    assert list(person.interests.all()) == [area] and person.wants_to_be_contact
    assert person.email == ADDRESS, "the address is not corrected here"


def test_an_invalid_correction_changes_nothing(client, person):
    response = client.post(_details(person), _correction(person, first_name="", phone="03-1"))
    assert response.status_code == 400
    person.refresh_from_db()
    assert person.first_name == "רות"


def test_erasing_asks_first_then_keeps_only_the_hash_and_the_withdrawal(client, person):
    erase_url = f"/join/details/{person.token}/erase/"
    assert client.get(erase_url).status_code == 200
    assert Person.objects.filter(pk=person.pk).exists(), "a GET erases nothing"

    response = client.post(erase_url, REMOTE_ADDR="192.0.2.5", HTTP_USER_AGENT="pytest")
    assert response.status_code == 200
    assert not Person.objects.exists()
    assert list(DoNotContact.objects.values_list("email_hash", flat=True)) == [email_hash(ADDRESS)]
    events = ConsentEvent.objects.order_by("at", "pk")
    assert [e.kind for e in events] == [ConsentEvent.Kind.LIST_GIVEN, ConsentEvent.Kind.WITHDRAWN]
    assert all(e.person_id is None and e.email_hash == email_hash(ADDRESS) for e in events)
    withdrawn = events.last()
    assert (withdrawn.ip, withdrawn.user_agent) == ("192.0.2.5", "pytest")
    # Nothing of the address is left in the rows that stay.
    assert ADDRESS not in str(list(ConsentEvent.objects.values()))
    # The link now leads nowhere.
    assert client.get(_details(person)).status_code == 404


@pytest.mark.parametrize("token", ["unknown", "x" * 65, "x" * 64, "%3Cscript%3E", "' OR '1'='1"])
def test_an_unknown_or_overlong_token_is_a_localized_404(client, token):
    urls = [f"/join/details/{token}/", f"/join/details/{token}/erase/", f"/join/confirm/{token}/"]
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 404
            assert soup(response, 404).html["lang"] == "he"


def test_the_404_in_english(client):
    assert soup(client.get("/en/join/details/nobody/"), 404).html["lang"] == "en"


def test_every_email_carries_the_details_link(enroll):
    enroll()
    PersonFactory(email="dana@example.org")
    enroll(email="dana@example.org", address="192.0.2.8")
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        token = Person.objects.get(email=message.to[0]).token
        assert f"/join/details/{token}/" in message.body
        assert f"/join/details/{token}/" in message.alternatives[0][0]
