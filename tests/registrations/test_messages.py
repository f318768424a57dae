"""HQ writes to an event's registrants, through the newsletter's sending: each one chosen
gets it once, in their own language. Announcements can be stopped with one click; practical
information about the event cannot, and carries no such link. Bounced addresses are left
out, and only event organizers may write."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from core.groups import EDITORS, EVENT_ORGANIZERS
from core.privacy import email_hash
from core.seed.groups import ensure_groups
from newsletter.models import Suppression
from registrations.models import AnnouncementOptOut, RegistrantMessage, Registration
from tests.html import soup

from .conftest import registration

pytestmark = pytest.mark.django_db

SUBJECT = "שינוי מקום: נפגשים בחדר האוכל"


def _registration(setup, email, status="confirmed", language="he"):
    return registration(setup, name="רות", email=email, status=status, language=language)


@pytest.fixture
def registrants(setup):
    return {
        "he1": _registration(setup, "he1@example.org"),
        "he2": _registration(setup, "he2@example.org"),
        "en": _registration(setup, "en@example.org", language="en"),
        "waiting": _registration(setup, "waiting@example.org", status="waiting"),
        "cancelled": _registration(setup, "cancelled@example.org", status="cancelled"),
    }


def _login(client, django_user_model, group):
    ensure_groups()
    user = django_user_model.objects.create_user(
        username=group.replace(" ", "_"), email="hq@example.org", password="x"
    )
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.fixture
def organizer(client, django_user_model):
    return _login(client, django_user_model, EVENT_ORGANIZERS)


def _url(setup):
    return reverse("registration_messages:new", args=[setup.event_id])


def _fields(kind="practical", statuses=("confirmed",), subject=SUBJECT, **overrides):
    body = "נפגשים בחדר האוכל ולא במועדון.\n\nלפרטים: https://example.org/map <b>"
    return {"kind": kind, "statuses": list(statuses), "subject": subject, "body": body} | overrides


def _confirmation(review):
    """What the confirmation page's form sends: its hidden fields and the "send" button."""
    form = soup(review).select_one("main form")
    data = {}
    for field in form.select("input[type=hidden]"):
        data.setdefault(field["name"], []).append(field["value"])
    return data | {"step": "send"}


@pytest.fixture
def send(client, setup, django_capture_on_commit_callbacks):
    """Review a message, then send it from the confirmation page, as an organizer does; the
    workers run at once. Returns the review page."""

    def send(**fields):
        review = client.post(_url(setup), {**_fields(**fields), "step": "review"})
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(_url(setup), _confirmation(review))
        assert response.status_code == 302
        return review

    return send


def _parts(message):
    return message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()


def _received(smtp_server):
    return {
        envelope.rcpt_tos[0]: message
        for envelope, message in zip(smtp_server.envelopes, smtp_server.messages(), strict=True)
    }


def test_practical_information_reaches_each_confirmed_registrant_once_in_their_language(
    organizer, registrants, send, smtp_server
):
    review = send()
    assert review.context["total"] == 3
    assert [envelope.rcpt_tos for envelope in smtp_server.envelopes].count(["he1@example.org"]) == 1
    received = _received(smtp_server)
    assert sorted(received) == ["en@example.org", "he1@example.org", "he2@example.org"]
    for address, message in received.items():
        registration = Registration.objects.get(email=address)
        text, html = _parts(message)
        assert message["Subject"] == SUBJECT
        assert "List-Unsubscribe" not in message and "List-Unsubscribe-Post" not in message
        assert "/stop/" not in text and "/stop/" not in html
        prefix = "/en" if registration.language == "en" else ""
        link = f"http://testserver{prefix}/events/registration/{registration.token}/"
        assert link in text and link in html, "their own registration's link"
        bidi = "ltr" if registration.language == "en" else "rtl"
        assert f'<html lang="{registration.language}" dir="{bidi}">' in html
        assert "נפגשים בחדר האוכל" in text and "&lt;b&gt;" in html and "<b>" not in html
    message = RegistrantMessage.objects.get()
    assert (message.kind, message.recipients, sorted(message.campaigns)) == (
        "practical",
        3,
        ["en", "he"],
    )


def test_an_announcement_is_stopped_with_one_click_and_practical_information_still_goes(
    organizer, registrants, send, smtp_server
):
    send(kind="announcement")
    received = _received(smtp_server)
    assert len(received) == 3
    for message in received.values():
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        url = re.fullmatch(r"<(https?://[^>]+)>", message["List-Unsubscribe"].strip())[1]
        text, html = _parts(message)
        assert url in text and url in html
    token = registrants["he1"].token
    url = re.fullmatch(r"<(.+)>", received["he1@example.org"]["List-Unsubscribe"].strip())[1]
    assert urlsplit(url).path == f"/events/registration/{token}/stop/"

    # The mailbox provider's one-click POST: no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        urlsplit(url).path, {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert AnnouncementOptOut.objects.filter(email_hash=email_hash("he1@example.org")).exists()
    assert not AnnouncementOptOut.objects.filter(email_hash__contains="example").exists()

    smtp_server.envelopes.clear()
    review = send(kind="announcement", subject="הכנס השנתי")
    assert review.context["total"] == 2
    assert sorted(_received(smtp_server)) == ["en@example.org", "he2@example.org"]

    smtp_server.envelopes.clear()
    send(kind="practical", subject="שינוי שעה")
    received = _received(smtp_server)
    assert sorted(received) == ["en@example.org", "he1@example.org", "he2@example.org"]
    assert "List-Unsubscribe" not in received["he1@example.org"]


@pytest.mark.parametrize(("prefix", "language"), [("", "he"), ("/en", "en")])
def test_the_stop_page_asks_before_it_stops(client, registrants, prefix, language):
    url = f"{prefix}/events/registration/{registrants['en'].token}/stop/"
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'lang="{language}"' in html
    assert '<form method="post"><button type="submit"' in html
    assert "no-store" in page["Cache-Control"]
    assert not AnnouncementOptOut.objects.exists(), "a GET changes nothing"
    done = client.post(url)
    assert 'role="status"' in done.content.decode()
    assert AnnouncementOptOut.objects.count() == 1
    assert client.post(url).status_code == 200, "again: still stopped"
    assert client.get(f"{prefix}/events/registration/{'x' * 65}/stop/").status_code == 404


def test_bounced_and_complained_addresses_are_left_out(organizer, registrants, send, smtp_server):
    Suppression.objects.create(email_hash=email_hash("HE1@example.org"), reason="bounced")
    Suppression.objects.create(email_hash=email_hash("he2@example.org"), reason="complained")
    review = send(statuses=["confirmed", "waiting"])
    assert review.context["total"] == 2
    assert sorted(_received(smtp_server)) == ["en@example.org", "waiting@example.org"]


def test_a_second_click_on_send_sends_nothing(
    client, organizer, setup, registrants, smtp_server, django_capture_on_commit_callbacks
):
    review = client.post(_url(setup), {**_fields(), "step": "review"})
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(_url(setup), _confirmation(review)).status_code == 302
    assert RegistrantMessage.objects.count() == 1
    assert len(smtp_server.envelopes) == 3


def test_only_event_organizers_may_write(client, django_user_model, setup, registrants):
    url = _url(setup)
    assert "/admin/login/" in client.get(url)["Location"]
    _login(client, django_user_model, EDITORS)
    assert client.get(url).status_code == 403
    assert client.post(url, {**_fields(), "step": "review"}).status_code == 403
    assert not RegistrantMessage.objects.exists()
    client.force_login(_login(Client(), django_user_model, EVENT_ORGANIZERS))
    page = client.get(url)
    assert page.status_code == 200
    assert 'lang="he"' in page.content.decode()


def test_no_such_event(client, organizer, setup):
    assert (
        client.get(f"/admin/registrations/event/{setup.event_id + 999}/message/").status_code == 404
    )
    huge = "/admin/registrations/event/99999999999999999999999/message/"
    assert client.get(huge).status_code == 404


REQUIRED = "שדה חובה"  # "This field is required.", in the Hebrew of the admin (Wagtail)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"subject": ""}, "subject"),
        ({"body": "  "}, "body"),
        ({"statuses": []}, "statuses"),
        ({"subject": "שינוי\r\nBcc: all@example.org"}, "subject"),
        ({"subject": "x" * 151}, "subject"),
        ({"body": "x" * 5001}, "body"),
        ({"body": "a\x1bb"}, "body"),
        ({"kind": "spam"}, "kind"),
        ({"statuses": ["cancelled"]}, "statuses"),
        ({"step": "send", "key": "../../etc"}, "key"),
        ({"step": "send"}, "key"),
    ],
)
def test_hostile_or_empty_input_is_answered_with_the_form_and_its_error(
    client, organizer, setup, registrants, fields, field
):
    response = client.post(_url(setup), {"step": "review", **_fields(**fields)})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert field in response.context["form"].errors
    assert not RegistrantMessage.objects.exists()


def test_the_errors_are_in_the_admins_language(client, organizer, setup):
    response = client.post(_url(setup), {"step": "review", **_fields(subject="")})
    assert REQUIRED in response.content.decode()


def test_an_oversized_post_is_not_read(client, organizer, setup):
    response = client.post(_url(setup), {"step": "review", **_fields(body="x" * 70_000)})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not RegistrantMessage.objects.exists()
