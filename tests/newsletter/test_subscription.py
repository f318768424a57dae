"""Double opt-in, the consent log, one-click unsubscribe and erasure."""

import re
import time

import pytest
from bs4 import BeautifulSoup
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client

from home.factories import StandardPageFactory
from newsletter.forms import SubscribeForm
from newsletter.models import ConsentEvent, Subscriber, Suppression, email_hash
from tests.html import soup

pytestmark = pytest.mark.django_db
ADDRESS = "ruth@example.org"


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def _started(seconds_ago, salt="newsletter.form-started"):
    return signing.dumps(time.time() - seconds_ago, salt=salt)


def _form_data(**overrides):
    data = {"email": ADDRESS, "language": "he", "consent": "on", "started": _started(10)}
    return data | overrides


def _signup(client, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            "/subscription/",
            _form_data(**overrides),
            REMOTE_ADDR="192.0.2.7",
            HTTP_USER_AGENT="pytest-browser",
        )


def _email_link(kind):
    """The path of the last email's `kind` link (confirm, unsubscribe), in either language."""
    pattern = rf"http://testserver((?:/en)?/subscription/{kind}/[^/\s]+/)"
    return re.search(pattern, mail.outbox[-1].body)[1]


def _confirm_url():
    return _email_link("confirm")


def test_signup_confirm_by_post_and_the_consent_evidence(
    client, django_capture_on_commit_callbacks
):
    response = _signup(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == Subscriber.Status.PENDING
    (message,) = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject == "נא לאשר את ההרשמה לניוזלטר"
    html = message.alternatives[0][0]
    assert 'dir="rtl"' in html

    url = _confirm_url()
    page = soup(client.get(url))
    assert page.select_one("main form[method=post] button")
    assert Subscriber.objects.get(pk=subscriber.pk).status == Subscriber.Status.PENDING, (
        "a GET (a link scanner) never confirms"
    )
    client.post(url, REMOTE_ADDR="192.0.2.7")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE

    events = list(ConsentEvent.objects.filter(subscriber=subscriber))
    assert [e.kind for e in events] == ["requested", "confirmed"]
    assert events[0].ip == "192.0.2.7"
    assert events[0].user_agent == "pytest-browser"
    assert events[0].consent_version
    assert events[0].email_hash == email_hash(ADDRESS)


def test_the_answer_is_the_same_for_new_pending_and_active(
    client, django_capture_on_commit_callbacks
):
    first = _signup(client, django_capture_on_commit_callbacks).content
    Subscriber.objects.filter(email=ADDRESS).update(status=Subscriber.Status.ACTIVE)
    again = _signup(client, django_capture_on_commit_callbacks).content
    strip = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"|name="started" value="[^"]+"')
    assert strip.sub(b"", first) == strip.sub(b"", again)
    assert len(mail.outbox) == 1, "an active subscriber is not mailed again"


def test_a_pending_signup_resends_the_confirmation_but_not_in_a_burst(
    client, django_capture_on_commit_callbacks
):
    _signup(client, django_capture_on_commit_callbacks)
    _signup(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    Subscriber.objects.filter(email=ADDRESS).update(confirmation_sent_at="2020-01-01T00:00Z")
    _signup(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": ""}, "email"),
        ({"email": "not-an-address"}, "email"),
        ({"email": "a" * 250 + "@example.org"}, "email"),
        ({"email": "ruth@example.org\r\nBcc: victim@example.org"}, "email"),
        ({"email": "rüth@exämple.org"}, "email"),
        ({"email": "ruth\u202e@example.org"}, "email"),
        ({"consent": ""}, "consent"),
        ({"language": "fr"}, "language"),
    ],
    ids=[
        "empty",
        "malformed",
        "too-long",
        "header-injection",
        "non-latin",
        "bidi",
        "no-consent",
        "bad-language",
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_stored(
    client, django_capture_on_commit_callbacks, overrides, field
):
    response = _signup(client, django_capture_on_commit_callbacks, **overrides)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert soup(response, status=400).select(".errorlist")
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_the_messages_are_in_english_on_the_english_page(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/subscription/", _form_data(email="bad"))
    assert "Enter a valid email address." in response.content.decode()


# Made when the test runs: a stamp made at collection would have aged by then.
BOTS = {
    "honeypot": lambda: {"website": "http://spam.example"},
    "too-fast": lambda: {"started": _started(0)},
    "another-forms-stamp": lambda: {"started": _started(10, salt="home.contact-form-started")},
    "forged": lambda: {"started": "forged"},
    "no-stamp": lambda: {"started": ""},
}


def test_a_form_left_open_for_days_is_asked_again(client, django_capture_on_commit_callbacks):
    response = _signup(client, django_capture_on_commit_callbacks, started=_started(2 * 86400))
    page = soup(response, status=400)
    assert "נא לבדוק את מה שכתבת ולשלוח אותו שוב" in page.select_one("[role=alert]").get_text()
    assert page.select_one("input[name=email]")["value"] == ADDRESS
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("bot", BOTS)
def test_bots_are_answered_as_usual_and_forgotten(client, django_capture_on_commit_callbacks, bot):
    response = _signup(client, django_capture_on_commit_callbacks, **BOTS[bot]())
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_flooding_is_rate_limited(client, django_capture_on_commit_callbacks):
    statuses = [
        _signup(client, django_capture_on_commit_callbacks, email=f"p{n}@example.org").status_code
        for n in range(12)
    ]
    assert statuses[:10] == [200] * 10
    assert statuses[10:] == [429, 429]
    assert Subscriber.objects.count() == 10


def test_an_expired_or_forged_confirmation_link_does_nothing(
    client, django_capture_on_commit_callbacks
):
    _signup(client, django_capture_on_commit_callbacks)
    assert client.post("/subscription/confirm/forged:code/").status_code == 404
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.fixture
def active(client, django_capture_on_commit_callbacks):
    _signup(client, django_capture_on_commit_callbacks)
    client.post(_confirm_url())
    return Subscriber.objects.get(email=ADDRESS)


def test_one_click_unsubscribe_needs_no_cookie_or_token(active):
    scanner = Client(enforce_csrf_checks=True)
    url = f"/subscription/unsubscribe/{active.token}/"
    assert scanner.get(url).status_code == 200
    active.refresh_from_db()
    assert active.status == Subscriber.Status.ACTIVE, "a GET never unsubscribes"
    response = scanner.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    active.refresh_from_db()
    assert active.status == Subscriber.Status.UNSUBSCRIBED
    assert active.events.last().kind == "unsubscribed"


def test_resubscribing_after_unsubscribing_is_logged(
    client, active, django_capture_on_commit_callbacks
):
    client.post(f"/subscription/unsubscribe/{active.token}/")
    _signup(client, django_capture_on_commit_callbacks)
    client.post(_confirm_url())
    kinds = list(active.events.values_list("kind", flat=True))
    assert kinds == ["requested", "confirmed", "unsubscribed", "requested", "resubscribed"]


def test_erasure_keeps_only_a_hash_and_suppresses_the_address(client, active):
    client.post(f"/subscription/erase/{active.token}/")
    assert not Subscriber.objects.exists()
    assert Suppression.covers(ADDRESS)
    events = ConsentEvent.objects.filter(email_hash=email_hash(ADDRESS))
    assert list(events.values_list("kind", flat=True)) == ["requested", "confirmed", "erased"]
    assert not events.filter(subscriber__isnull=False).exists()


def test_new_confirmed_consent_lifts_the_suppression(
    client, active, django_capture_on_commit_callbacks
):
    client.post(f"/subscription/erase/{active.token}/")
    _signup(client, django_capture_on_commit_callbacks)
    assert Suppression.covers(ADDRESS), "a request alone is not consent"
    client.post(_confirm_url())
    assert not Suppression.covers(ADDRESS)


def test_consent_events_are_append_only(active):
    event = active.events.first()
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()


@pytest.mark.parametrize("token", ["x" * 65, "no-such-token"])
def test_unknown_tokens_are_not_found(client, token):
    assert client.post(f"/subscription/unsubscribe/{token}/").status_code == 404
    assert client.get(f"/subscription/erase/{token}/").status_code == 404


def test_the_footer_of_every_page_offers_the_signup(client, home):
    page = StandardPageFactory(parent=home)
    form = soup(client.get(page.url)).select_one("footer form[action='/subscription/']")
    assert form.select_one("input[name=consent][type=checkbox]:not([checked])")
    assert form.select_one("label[for=footer-email]")


def test_form_start_stamp_is_signed():
    assert signing.loads(SubscribeForm().fields["started"].initial, salt="newsletter.form-started")


def test_a_failing_mail_server_keeps_the_subscriber(
    client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.home.failing_mail.Backend"
    response = _signup(client, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert Subscriber.objects.get(email=ADDRESS).status == Subscriber.Status.PENDING


LEAVE = {"he": "ביטול ההרשמה לניוזלטר", "en": "Unsubscribe from the newsletter"}


@pytest.mark.parametrize("language", ["he", "en"])
def test_the_confirmation_email_lets_one_leave_before_confirming(
    client, django_capture_on_commit_callbacks, language
):
    _signup(client, django_capture_on_commit_callbacks, language=language)
    (message,) = mail.outbox
    leave, confirm = _email_link("unsubscribe"), _email_link("confirm")
    token = Subscriber.objects.get(email=ADDRESS).token
    prefix = "" if language == "he" else f"/{language}"
    assert leave == f"{prefix}/subscription/unsubscribe/{token}/"
    link = BeautifulSoup(message.alternatives[0][0], "html.parser").find(
        "a", href=f"http://testserver{leave}"
    )
    assert link.get_text(strip=True) == LEAVE[language]
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{leave}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert soup(client.get(leave)).select_one("main form[method=post] button")
    client.post(leave, REMOTE_ADDR="192.0.2.7")
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    kinds = [(e.kind, e.source) for e in subscriber.events.all()]
    assert kinds == [("requested", "website"), ("unsubscribed", "unsubscribe link")]
    assert client.post(confirm).status_code == 404, "a withdrawn signup cannot be confirmed"
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.parametrize("language", ["he", "en"])
def test_the_subscribed_page_offers_a_way_to_leave(
    client, django_capture_on_commit_callbacks, language
):
    _signup(client, django_capture_on_commit_callbacks, language=language)
    page = soup(client.post(_confirm_url()))
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == Subscriber.Status.ACTIVE
    link = page.select_one("main a[href*='/unsubscribe/']")
    assert link.get_text(strip=True) == LEAVE[language]
    prefix = "" if language == "he" else f"/{language}"
    assert link["href"] == f"{prefix}/subscription/unsubscribe/{subscriber.token}/"

    assert soup(client.post(link["href"])).select_one("main [role=status]")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    kinds = list(subscriber.events.values_list("kind", flat=True))
    assert kinds == ["requested", "confirmed", "unsubscribed"]
