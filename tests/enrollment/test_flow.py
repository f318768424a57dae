"""Enrolling, confirming, enrolling again; the consent evidence; the newsletter's own
double opt-in; the emails on the wire; and the page cache, which keeps none of it."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from core.privacy import email_hash
from enrollment.factories import EnrollmentPageFactory, InterestFactory, PersonFactory
from enrollment.forms import LIST_CONSENT, NEWSLETTER_CONSENT
from enrollment.models import ConsentEvent, DoNotContact, Person
from newsletter.models import Subscriber

from .conftest import ADDRESS, form_data

pytestmark = pytest.mark.django_db
# What differs between any two answers: the CSP nonce and the footer form's time stamp.
PER_REQUEST = re.compile(rb' nonce="[^"]*"|name="started" value="[^"]*"')
# The subjects, as translated (the catalogs are compiled apart from the code).
CONFIRM = "Please confirm that you join the cooperative movement"
ALREADY = "You are already on the cooperative movement's list"


def _in(language, text):
    with translation.override(language):
        return translation.gettext(str(text))


def _link(kind, text=None):
    """The path of the `kind` link (confirm, details) in the last email, or in `text`."""
    text = text if text is not None else mail.outbox[-1].body
    return re.search(rf"http://testserver((?:/en)?/join/{kind}/[^/\s]+/)", text)[1]


def test_enroll_then_confirm_by_post(client, enroll, kibbutz, interest):
    response = enroll(interests=[str(interest.pk)])
    assert response.status_code == 200
    assert "תודה שהצטרפתם" in response.content.decode()  # the page's thank-you text
    person = Person.objects.get(email=ADDRESS)
    assert person.status == Person.Status.PENDING
    assert (person.phone, person.kibbutz, person.language) == ("+972501234567", kibbutz, "he")
    assert person.wants_to_be_contact and list(person.interests.all()) == [interest]
    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject == _in("he", CONFIRM)
    confirm_url = _link("confirm")
    assert _link("details") == f"/join/details/{person.token}/"

    # A GET, as a link scanner makes, changes nothing.
    assert client.get(confirm_url).status_code == 200
    person.refresh_from_db()
    assert person.status == Person.Status.PENDING

    assert client.post(confirm_url).status_code == 200
    person.refresh_from_db()
    assert person.status == Person.Status.CONFIRMED and person.confirmed_at is not None
    assert client.post(confirm_url).status_code == 200, "confirming twice is harmless"
    kinds = list(person.consents.values_list("kind", flat=True))
    assert kinds == [ConsentEvent.Kind.LIST_GIVEN, ConsentEvent.Kind.LIST_CONFIRMED]


def test_the_consent_evidence(enroll):
    enroll()
    given = ConsentEvent.objects.get(kind=ConsentEvent.Kind.LIST_GIVEN)
    assert given.email_hash == email_hash(ADDRESS)
    assert (given.ip, given.user_agent) == ("192.0.2.7", "pytest-browser")
    assert given.wording == _in("he", LIST_CONSENT)  # as shown, in the page's language


def test_the_visitor_behind_our_proxy_is_recorded(client, join_page, kibbutz, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    client.post(
        join_page.url,
        form_data(kibbutz),
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.9",
    )
    assert ConsentEvent.objects.get().ip == "198.51.100.9"


def test_in_english(enroll, home, english):
    page = EnrollmentPageFactory(parent=home.get_translation(english), title="Join")
    assert page.locale == english
    areas = InterestFactory(name="Education", locale=english)
    response = enroll(page=page, interests=[str(areas.pk)])
    assert response.status_code == 200
    person = Person.objects.get()
    assert person.language == "en" and list(person.interests.all()) == [areas]
    assert ConsentEvent.objects.get().wording == str(LIST_CONSENT)
    assert mail.outbox[0].subject == CONFIRM
    assert _link("details") == f"/en/join/details/{person.token}/"
    assert "Thank you for joining" in mail.outbox[0].body


def _page_text(response):
    return PER_REQUEST.sub(b"", response.content)


def test_the_same_answer_for_a_new_a_pending_and_an_enrolled_address(enroll):
    """Nobody learns from the form who is on the list."""
    new = enroll()
    pending = enroll(first_name="רותי", address="192.0.2.8")
    PersonFactory(email="dana@example.org")
    enrolled = enroll(email="dana@example.org", address="192.0.2.9")
    assert new.status_code == pending.status_code == enrolled.status_code == 200
    assert _page_text(new) == _page_text(pending) == _page_text(enrolled)


def test_enrolling_again_while_pending_updates_the_details_and_mails_once(enroll, kibbutz):
    enroll()
    enroll(first_name="רותי", kibbutz="other", other_community="תל אביב")
    person = Person.objects.get()
    assert (person.first_name, person.kibbutz, person.other_community) == (
        "רותי",
        None,
        "תל אביב",
    )
    assert len(mail.outbox) == 1, "one email per address in ten minutes"
    assert person.consents.filter(kind=ConsentEvent.Kind.LIST_GIVEN).count() == 2


def test_an_enrolled_person_is_told_by_email_and_nothing_changes(enroll):
    person = PersonFactory(email=ADDRESS, first_name="רות")
    enroll(first_name="מישהו אחר", phone="052-7654321")
    person.refresh_from_db()
    assert (person.first_name, person.status) == ("רות", Person.Status.CONFIRMED)
    (message,) = mail.outbox
    assert message.subject == _in("he", ALREADY)
    assert _link("details", message.body) == f"/join/details/{person.token}/"
    assert not person.consents.exists()


def test_an_erased_address_joins_again_only_by_confirming(client, enroll):
    DoNotContact.objects.create(email_hash=email_hash(ADDRESS))
    enroll()
    assert Person.objects.get().status == Person.Status.PENDING
    assert DoNotContact.objects.exists(), "not yet: the new consent is not confirmed"
    client.post(_link("confirm"))
    assert not DoNotContact.objects.exists()
    assert Person.objects.get().status == Person.Status.CONFIRMED


def test_the_newsletter_through_its_own_double_opt_in(enroll):
    enroll(newsletter_consent="on")
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert (subscriber.status, subscriber.language) == (Subscriber.Status.PENDING, "he")
    assert subscriber.events.get().source == "enrollment"
    given = ConsentEvent.objects.get(kind=ConsentEvent.Kind.NEWSLETTER_GIVEN)
    assert given.wording == _in("he", NEWSLETTER_CONSENT)
    subjects = {message.subject for message in mail.outbox}
    assert subjects == {_in("he", CONFIRM), "נא לאשר את ההרשמה לניוזלטר"}


def test_no_newsletter_without_its_box_ticked(enroll):
    enroll()
    assert not Subscriber.objects.exists()
    assert not ConsentEvent.objects.filter(kind=ConsentEvent.Kind.NEWSLETTER_GIVEN).exists()


def test_a_bot_is_thanked_and_nothing_is_kept(enroll):
    assert enroll(website="http://spam.example").status_code == 200
    assert enroll(email="fast@example.org", started=None).status_code == 200
    assert not Person.objects.exists() and not ConsentEvent.objects.exists()
    assert not mail.outbox


def test_a_mail_failure_loses_nothing(enroll, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens
    assert enroll().status_code == 200
    assert Person.objects.get().status == Person.Status.PENDING


def test_the_confirmation_email_on_the_wire(client, enroll, smtp_server):
    enroll()
    (message,) = smtp_server.messages()
    person = Person.objects.get()
    assert message["To"] == ADDRESS
    assert message["Subject"] == _in("he", CONFIRM)
    assert message.get_content_type() == "multipart/alternative"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert '<html lang="he" dir="rtl">' in html
    assert "רות" in text
    for part in (text, html):
        assert f"http://testserver/join/confirm/{person.token}/" in part
        assert f"http://testserver/join/details/{person.token}/" in part
    client.post(_link("confirm", text))
    person.refresh_from_db()
    assert person.status == Person.Status.CONFIRMED


def _never_stored(response):
    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_page_cache_keeps_nothing_of_the_flow(join_page, enroll):
    visitor = Client()
    for _ in range(2):
        _never_stored(visitor.get(join_page.url))
    _never_stored(enroll())
    person = Person.objects.get()
    for url in (
        f"/join/confirm/{person.token}/",
        f"/join/details/{person.token}/",
        f"/join/details/{person.token}/erase/",
        "/join/details/unknown/",
    ):
        for _ in range(2):
            _never_stored(visitor.get(url))
