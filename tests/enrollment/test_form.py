"""The join form against what visitors send: nothing, too much, the malformed and the
hostile. Each is answered with the form, its errors in the page's language and the rest of
what was written kept, as a 400; never a server error, and nothing stored."""

import pytest
from django.core import mail
from django.utils import translation

from enrollment.factories import InterestFactory
from enrollment.forms import OTHER
from enrollment.models import ConsentEvent, Person
from enrollment.views import RATE_LIMIT
from tests.html import soup

from .conftest import ADDRESS, started

pytestmark = pytest.mark.django_db
LONG = "א" * 101


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"first_name": ""}, "first_name"),
        ({"first_name": LONG}, "first_name"),
        ({"last_name": None}, "last_name"),
        ({"email": "not-an-address"}, "email"),
        ({"email": "רות@example.org"}, "email"),
        ({"email": "a" * 250 + "@example.org"}, "email"),
        ({"email": "ruth@example.org\r\nBcc: x@example.org"}, "email"),
        ({"phone": "03-6925418"}, "phone"),
        ({"phone": "12345"}, "phone"),
        ({"phone": "0" * 31}, "phone"),
        ({"kibbutz": ""}, "kibbutz"),
        ({"kibbutz": "999999"}, "kibbutz"),
        ({"kibbutz": "1 OR 1=1"}, "kibbutz"),
        ({"kibbutz": OTHER, "other_community": ""}, "other_community"),
        ({"kibbutz": OTHER, "other_community": "x" * 151}, "other_community"),
        ({"age_band": "200"}, "age_band"),
        ({"interests": ["999999"]}, "interests"),
        ({"interests": ["abc"]}, "interests"),
        ({"list_consent": None}, "list_consent"),
        ({"first_name": "<script>alert(1)</script>", "phone": "x"}, "phone"),
    ],
)
def test_invalid_input_is_a_400_with_the_field_marked(enroll, overrides, field):
    response = enroll(**overrides)
    page = soup(response, 400)
    assert page.select_one(f"#id_{field}_error, #id_{field}") is not None
    errors = page.select(".errorlist")
    assert errors, "the field's error is shown"
    assert page.select_one('[role="alert"]') is not None
    assert not Person.objects.exists() and not ConsentEvent.objects.exists()
    assert not mail.outbox
    # What was written is kept (escaped, never run).
    if field != "last_name":
        assert page.select_one("#id_last_name")["value"] == "כהן"
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_the_errors_are_in_the_readers_language(enroll):
    with translation.override("he"):
        expected = translation.gettext("This field is required.")
    assert expected in enroll(first_name="").content.decode()


def test_nul_bytes_are_refused(enroll):
    assert enroll(first_name="רות\x00").status_code == 400
    assert not Person.objects.exists()


def test_an_oversized_body_is_refused_without_reading_it(enroll):
    response = enroll(first_name="א" * 40_000)
    assert response.status_code == 400
    assert not Person.objects.exists()


def test_other_community_instead_of_a_kibbutz(enroll):
    assert enroll(kibbutz=OTHER, other_community="  קהילת גבעה  ").status_code == 200
    person = Person.objects.get()
    assert (person.kibbutz, person.other_community) == (None, "קהילת גבעה")


def test_a_community_with_a_kibbutz_chosen_is_not_kept(enroll, kibbutz):
    enroll(other_community="משהו")
    person = Person.objects.get()
    assert (person.kibbutz, person.other_community) == (kibbutz, "")


def test_the_kibbutzim_and_areas_are_the_readers(client, join_page, kibbutz, english):
    InterestFactory(name="חינוך")
    InterestFactory(name="Education", locale=english)
    page = soup(client.get(join_page.url))
    options = [option.text for option in page.select("#id_kibbutz option")]
    with translation.override("he"):
        other = translation.gettext("Other / not a kibbutz member")
    assert "קיבוץ משמר" in options and options[-1] == other
    areas = [label.text.strip() for label in page.select("#id_interests label")]
    assert "חינוך" in areas and "Education" not in areas
    for name in ("list_consent", "newsletter_consent", "wants_to_be_contact"):
        assert not page.select_one(f"#id_{name}").has_attr("checked"), "no box comes ticked"
    assert page.select_one('input[name="csrfmiddlewaretoken"]') is not None


def test_the_rate_limit_answers_429_in_the_readers_language(enroll):
    for n in range(RATE_LIMIT):
        assert enroll(email=f"p{n}@example.org").status_code == 200
    response = enroll(email="one-more@example.org")
    page = soup(response, 429)
    assert page.select_one('[role="alert"]') is not None
    assert page.select_one("#id_email")["value"] == "one-more@example.org", "the input is kept"
    assert not Person.objects.filter(email="one-more@example.org").exists()
    assert enroll(email="elsewhere@example.org", address="192.0.2.99").status_code == 200


def test_the_get_is_always_a_form(client, join_page):
    response = client.get(join_page.url)
    assert response.status_code == 200
    assert soup(response).select_one("#id_email") is not None
    assert client.put(join_page.url).status_code < 500


def test_the_address_is_stored_lowercased(enroll):
    enroll(email="Ruth@Example.ORG")
    assert Person.objects.get().email == ADDRESS


def test_a_stale_form_is_sent_back_with_what_was_written(enroll):
    page = soup(enroll(started=started(2 * 24 * 60 * 60)), 400)
    assert page.select_one("#id_first_name")["value"] == "רות"
    assert not Person.objects.exists()
