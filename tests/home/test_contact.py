"""The contact form: kept in the admin, emailed to the HQ, closed to bots and floods."""

import time

import pytest
from django.core import mail, signing
from django.core.cache import cache
from wagtail.contrib.forms.models import FormSubmission

from home.models import ContactPage
from tests.html import soup

pytestmark = [pytest.mark.django_db, pytest.mark.seeded]
SALT = "home.contact-form-started"
TEXT = {"name": "רות כהן", "email": "ruth@example.org", "message": "שלום, רציתי לשאול."}


def _started(seconds_ago=10):
    return signing.dumps(time.time() - seconds_ago, salt=SALT)


def _message(**overrides):
    """A message as a person sends it, some seconds after the form was shown."""
    return {**TEXT, "started": _started()} | overrides


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


@pytest.fixture
def contact(home):
    return ContactPage.objects.child_of(home).get().specific


def test_contact_page_shows_details_and_an_accessible_form(client, contact):
    page = soup(client.get(contact.url))
    assert page.select_one("main a[href='mailto:shitufi@tkz.co.il']")
    for name in ("name", "email", "message"):
        field = page.select_one(f"form [name={name}]")
        assert page.select_one(f"label[for={field['id']}]"), name
    honeypot = page.select_one("form [name=website]")
    assert honeypot["tabindex"] == "-1"
    assert "form__honeypot" in honeypot.find_parent("div", class_="form__field")["class"]
    started = page.select_one("form input[type=hidden][name=started]")
    assert time.time() - signing.loads(started["value"], salt=SALT) < 60


def test_a_message_is_kept_and_emailed_to_the_hq(client, contact):
    response = client.post(contact.url, _message())
    assert response.status_code == 200
    assert "home/contact_page_landing.html" in [t.name for t in response.templates]
    submission = FormSubmission.objects.filter(page=contact).latest("submit_time")
    assert submission.get_data()["message"] == TEXT["message"]
    assert "website" not in submission.form_data and "started" not in submission.form_data
    (email,) = mail.outbox
    assert email.to == ["shitufi@tkz.co.il"]
    assert TEXT["message"] in email.body
    assert "started" not in email.body


def test_a_failing_mail_server_loses_no_message(client, contact, settings):
    settings.EMAIL_BACKEND = "tests.home.failing_mail.Backend"
    response = client.post(contact.url, _message())
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=contact).count() == 1


# Made when the test runs: a stamp made at collection would have aged by then.
BOTS = {
    "honeypot": lambda: {"website": "http://spam.example"},
    "too-fast": lambda: {"started": _started(seconds_ago=0)},
    "another-forms-stamp": lambda: {
        "started": signing.dumps(time.time() - 10, salt="newsletter.form-started")
    },
    "forged": lambda: {"started": "forged"},
    "no-stamp": lambda: {"started": ""},
}


@pytest.mark.parametrize("bot", BOTS)
def test_a_bot_is_thanked_and_forgotten(client, contact, bot):
    response = client.post(contact.url, _message(**BOTS[bot]()))
    assert response.status_code == 200
    assert "home/contact_page_landing.html" in [t.name for t in response.templates]
    assert not FormSubmission.objects.filter(page=contact).exists()
    assert mail.outbox == []


def test_a_form_left_open_for_days_is_asked_again_with_the_message_kept(client, contact):
    response = client.post(contact.url, _message(started=_started(seconds_ago=2 * 24 * 60 * 60)))
    page = soup(response)
    assert "נא לבדוק את מה שכתבת ולשלוח אותו שוב" in page.select_one("[role=alert]").get_text()
    assert page.select_one("textarea[name=message]").get_text().strip() == TEXT["message"]
    assert not FormSubmission.objects.filter(page=contact).exists()
    fresh_stamp = page.select_one("input[name=started]")["value"]
    assert signing.loads(fresh_stamp, salt="home.contact-form-started") > time.time() - 60


@pytest.mark.parametrize(
    "data",
    [
        {},
        {**TEXT, "email": "not-an-address"},
        {**TEXT, "email": "a@example.org\r\nBcc: victim@example.org"},
        {**TEXT, "name": "x" * 5000},
    ],
)
def test_bad_input_is_refused_with_the_rest_kept(client, contact, data):
    response = client.post(contact.url, data | {"started": _started()})
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one("[role=alert]")
    assert page.select_one(".errorlist")
    assert not FormSubmission.objects.filter(page=contact).exists()
    if data.get("message"):
        assert page.select_one("textarea[name=message]").get_text().strip() == data["message"]


def test_a_flood_is_rate_limited(client, contact):
    statuses = [client.post(contact.url, _message()).status_code for _ in range(7)]
    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429, 429]
    assert FormSubmission.objects.filter(page=contact).count() == 5


def test_english_contact_page(client, contact, english):
    page = soup(client.get(contact.get_translation(english).url))
    assert page.html["lang"] == "en"
    labels = [label.get_text(strip=True) for label in page.select("main form label")]
    assert labels[:3] == ["Full name", "Email", "Message"]
