import datetime

from django.core import mail
from django.utils import timezone

from registrations.models import Registration

from .conftest import started


def url(setup, language=""):
    return f"{language}/events/{setup.event_id}/register/"


def test_the_form_asks_the_chosen_questions_and_is_never_cached(client, setup):
    response = client.get(url(setup))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    form = response.context["form"]
    assert list(form.fields)[:6] == ["name", "email", "phone", "kibbutz", "participants", "note"]
    assert "dietary" not in form.fields
    html = response.content.decode()
    assert 'name="consent"' in html and "checked" not in html.split('name="consent"')[1][:80]


def test_the_form_is_not_served_from_the_page_cache(client, setup):
    stamps = {client.get(url(setup)).context["form"]["started"].value() for _ in range(2)}
    assert len(stamps) == 2  # each visitor gets a freshly signed form


def test_a_registration_takes_a_place_and_is_confirmed_by_email(register, setup):
    response = register(participants="2", note="נגיע ברכבת")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    registration = Registration.objects.get(event=setup.event)
    assert registration.status == "confirmed"
    assert registration.participants == 2
    assert registration.answers == {"kibbutz": "קיבוץ משמר", "note": "נגיע ברכבת"}
    assert registration.language == "he"
    (message,) = mail.outbox
    assert message.to == ["ruth@example.org"]
    assert registration.token in message.body


def test_english_registration_is_in_english(register, setup):
    register(url=url(setup, "/en"))
    assert Registration.objects.get().language == "en"
    assert mail.outbox[0].subject.startswith("Your place at")


def test_the_english_page_of_an_event_takes_the_same_places(client, register, setup, english):
    in_english = setup.event.copy_for_translation(english)
    in_english.title = "A dialogue workshop"
    in_english.save_revision().publish()
    form = client.get(f"/en/events/{in_english.pk}/register/")
    assert "A dialogue workshop" in form.content.decode()
    response = register(url=f"/en/events/{in_english.pk}/register/")
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert (registration.event_id, registration.language) == (setup.event_id, "en")
    assert "A dialogue workshop" in mail.outbox[0].subject
    assert "A dialogue workshop" in mail.outbox[0].attachments[0][1]


def test_without_consent_the_form_comes_back_with_a_hebrew_error(register):
    response = register(consent=None)
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    assert "consent" in response.context["form"].errors
    assert 'lang="he"' in response.content.decode()
    assert not Registration.objects.exists()


def test_more_participants_than_allowed_is_refused(register, setup):
    response = register(participants=str(setup.max_participants + 1))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_hostile_input_never_errors(register):
    for hostile in ("\x00", "a" * 5000, "<script>", "1e9"):
        response = register(name=hostile, email=hostile, participants=hostile)
        assert response.status_code == 400
    assert register(email="ruth@example.org\r\nBcc: x@example.org").status_code == 400
    assert not Registration.objects.exists()


def test_a_bot_is_thanked_and_nothing_is_kept(register):
    assert register(website="http://spam.example").status_code == 200
    assert register(started=started(seconds_ago=0)).status_code == 200
    assert not Registration.objects.exists()
    assert mail.outbox == []


def test_the_same_address_twice_is_answered_alike_and_booked_once(register, setup):
    first = register(participants="2")
    second = register(email="RUTH@example.org", participants="3")
    assert first.status_code == second.status_code == 200
    assert first.templates[0].name == second.templates[0].name
    registration = Registration.objects.get(event=setup.event)
    assert registration.participants == 2
    assert len(mail.outbox) == 2  # the registration sent again, as it is


def test_registration_not_yet_open_or_closed_says_so(client, setup):
    setup.opens_at = timezone.now() + datetime.timedelta(days=1)
    setup.save()
    response = client.post(url(setup), {})
    assert response.status_code == 200
    assert response.context["window"] == "not_yet"
    setup.opens_at, setup.closes_at = None, timezone.now() - datetime.timedelta(minutes=1)
    setup.save()
    response = client.get(url(setup))
    assert response.context["window"] == "closed"
    assert "no-store" in response["Cache-Control"]
    assert not Registration.objects.exists()


def test_registration_closes_when_the_event_starts(client, setup):
    setup.event.starts_at = timezone.now() - datetime.timedelta(minutes=1)
    setup.event.save()
    assert client.get(url(setup)).context["window"] == "closed"


def test_an_event_without_registration_is_not_found(client, setup):
    setup.enabled = False
    setup.save()
    assert client.get(url(setup)).status_code == 404
    assert client.get("/events/999999/register/").status_code == 404


def test_too_many_forms_from_one_address_are_refused(register):
    for n in range(10):
        register(email=f"person{n}@example.org")
    response = register(email="one-more@example.org")
    assert response.status_code == 429
    assert Registration.objects.count() == 10


def test_an_unknown_personal_link_is_not_found(client, db):
    response = client.get("/events/registration/nope/")
    assert response.status_code == 404
    assert "no-store" in response["Cache-Control"]
    assert client.get("/events/registration/" + "x" * 100 + "/").status_code == 404
