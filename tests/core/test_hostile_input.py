"""Hostile input in any address that takes a token, an id, a slug or a query, and in the
public forms, is answered with a 4xx (or the ordinary page, where the input is only searched
for), never with a server error; a NUL in the path, query, form or a cookie with a 400
(core/nul_bytes.py). Run it on PostgreSQL as well as SQLite: PostgreSQL refuses NUL in text,
SQLite overflows on integers beyond 64 bits.

Each target is a request with the hostile value in its path, query string, body or a cookie.
The values are written as they travel in a URL; the webhook gets them decoded, as JSON
carries them."""

import base64
import json
import time
from typing import NamedTuple
from urllib.parse import unquote, unquote_to_bytes

import pytest
from django.core import signing
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page, Site

from home.factories import ContactPageFactory
from legal.factories import LegalRequestFactory, LegalRequestPageFactory
from legal.models import LegalRequest
from media.factories import EventPageFactory, MediaIndexPageFactory
from members.factories import MembershipFactory, UserFactory
from members.models import Invitation
from news.factories import NewsIndexPageFactory, NewsPageFactory
from newsletter.models import ProviderEvent, Suppression

pytestmark = pytest.mark.django_db

VALUES = {
    "nul": "%00",
    "nul-inside": "ab%00cd",
    "overlong": "a" * 10_000,
    "beyond-bigint": "99999999999999999999999",
    "invalid-utf8": "%ff%fe",
    "rtl-override": "%E2%80%AEabc",
    "zero-width-joiner": "a%E2%80%8Db",
    "fullwidth-digits": "%EF%BC%91%EF%BC%92",
    "superscript-digits": "%C2%B2%C2%B2%C2%B2%C2%B2",  # isdigit(), but not int()
    "combining-marks": "a%CC%81%CC%81",
    "lone-surrogate": "%ed%a0%80",
}
HOLE = 987654321  # an id in reversed addresses, replaced by the hostile value
POSTMARK = "/anymail/postmark/tracking/"
JSON = "application/json"
WEBHOOK = {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(b"webhook:test-secret").decode()}


class Target(NamedTuple):
    url: str
    body: str | None = None  # for a POST
    user: str | None = None  # "member" or "admin", logged in
    content_type: str = "application/x-www-form-urlencoded"
    headers: dict = {}
    cookies: dict = {}


def at(name, *args, value):
    """The address of a URL name, with `value` where the args hold HOLE."""
    return reverse(name, args=args).replace(str(HOLE), value)


def b64(value):
    """The value as a password-reset link encodes the user's id."""
    return base64.urlsafe_b64encode(unquote_to_bytes(value)).decode().rstrip("=")


def _cookie(value):
    """The value as a cookie reaches Django: its bytes read as Latin-1, as WSGI hands on
    headers (the test client then sends the unusual ones as quoted octal escapes)."""
    return unquote_to_bytes(value).decode("latin-1")


def _signup(**fields):
    started = signing.dumps(time.time() - 10, salt="newsletter.form-started")
    data = {"email": "ruth%40example.org", "language": "he", "consent": "on", "started": started}
    return "&".join(f"{name}={value}" for name, value in (data | fields).items())


DELIVERED = {"RecordType": "Delivery", "MessageID": "m-1", "Recipient": "ruth@example.org"}


def _webhook(report, url=POSTMARK):
    return Target(url, json.dumps(report), content_type=JSON, headers=WEBHOOK)


def _decoded(value):
    """The value as JSON carries it: NUL and lone surrogates as \\u escapes."""
    return unquote(value, errors="surrogateescape")


def _bounce(value):
    """A bounce (which suppresses the address) with the value in every field the webhook
    stores or looks a delivery up by."""
    text = _decoded(value)
    return _webhook(
        {
            "RecordType": "Bounce",
            "Type": "HardBounce",
            "ID": text,
            "MessageID": text,
            "Email": text,
            "Description": text,
            "Metadata": {"delivery_id": text},
        }
    )


def _complaint(value):
    """A complaint (which unsubscribes the address's subscriber)."""
    return _webhook({"RecordType": "SpamComplaint", "ID": 7, "Email": _decoded(value)})


# name: the request, given the module's objects (w) and the hostile value (v)
TARGETS = {
    # The newsletter's links from email, and its signup form.
    "newsletter-confirm": lambda w, v: Target(f"/subscription/confirm/{v}/"),
    "newsletter-unsubscribe": lambda w, v: Target(f"/subscription/unsubscribe/{v}/"),
    "newsletter-erase": lambda w, v: Target(f"/subscription/erase/{v}/"),
    "newsletter-signup-source": lambda w, v: Target("/subscription/", _signup(source=v)),
    "newsletter-signup-email": lambda w, v: Target("/subscription/", _signup(email=v)),
    "newsletter-signup-language": lambda w, v: Target("/subscription/", _signup(language=v)),
    # Members: invitation, password reset, login.
    "invitation": lambda w, v: Target(f"/account/invitation/{v}/"),
    "invitation-form": lambda w, v: Target(
        f"/account/invitation/{w.invitation_token}/", f"password1={v}&password2={v}"
    ),
    "password-reset-uid": lambda w, v: Target(f"/account/password-reset/{v}/set-password/"),
    "password-reset-token": lambda w, v: Target(f"/account/password-reset/MQ/{v}/"),
    "password-reset-encoded-uid": lambda w, v: Target(f"/account/password-reset/{b64(v)}/x/"),
    "password-reset-form": lambda w, v: Target("/account/password-reset/", f"email={v}"),
    "login-form": lambda w, v: Target("/account/login/", f"username={v}&password={v}"),
    "login-next": lambda w, v: Target(f"/account/login/?next={v}"),
    "admin-login-form": lambda w, v: Target("/admin/login/", f"username={v}&password={v}"),
    "session-cookie": lambda w, v: Target(
        "/account/", cookies={"sessionid": _cookie(f"session-{v}")}
    ),
    # Legal requests of the member's kibbutz, and their files.
    "legal-request": lambda w, v: Target(f"/account/requests/{v}/", user="member"),
    "legal-download": lambda w, v: Target(
        f"/account/requests/{w.legal_request.public_id}/files/{v}/", user="member"
    ),
    "legal-request-form": lambda w, v: Target(
        w.legal_page.url,
        f"kibbutz={v}&topic={v}&subject={v}&description=d&urgency=routine"
        "&phone=050-1234567&privacy=on",
        user="member",
    ),
    # Wagtail's pages, the routable pages' filters, feeds and calendar files.
    "page-slug": lambda w, v: Target(f"/{v}/"),
    "news-update-slug": lambda w, v: Target(f"{w.news.url}{v}/"),
    "news-feed-path": lambda w, v: Target(f"{w.news.url}rss/{v}/"),
    "news-category": lambda w, v: Target(f"{w.news.url}?category={v}"),
    "news-tag": lambda w, v: Target(f"{w.news.url}?tag={v}"),
    "news-year": lambda w, v: Target(f"{w.news.url}?year={v}"),
    "news-page": lambda w, v: Target(f"{w.news.url}?page={v}"),
    "media-kind": lambda w, v: Target(f"{w.media.url}?kind={v}"),
    "media-page": lambda w, v: Target(f"{w.media.url}?page={v}"),
    "event-ics-path": lambda w, v: Target(f"{w.event.url}ics/{v}/"),
    "contact-form": lambda w, v: Target(w.contact.url, f"name={v}&email={v}&message={v}"),
    "page-password": lambda w, v: Target(f"/_util/authenticate_with_password/{v}/{v}/", ""),
    "document": lambda w, v: Target(f"/documents/{v}/{v}"),
    # Search, and the sitemap's pages.
    "search": lambda w, v: Target(f"/search/?q={v}"),
    "search-page": lambda w, v: Target(f"/search/?q=kibbutz&page={v}"),
    "sitemap-page": lambda w, v: Target(f"/sitemap.xml?p={v}"),
    # The email provider's tracking webhook.
    "webhook-path": lambda w, v: _webhook(DELIVERED, url=f"{POSTMARK}{v}/"),
    "webhook-query": lambda w, v: _webhook(DELIVERED, url=f"{POSTMARK}?{v}"),
    "webhook-bounce": lambda w, v: _bounce(v),
    "webhook-complaint": lambda w, v: _complaint(v),
    # The admin, for a superuser: Wagtail's views and our own.
    "admin-page-edit": lambda w, v: Target(
        at("wagtailadmin_pages:edit", HOLE, value=v), user="admin"
    ),
    "admin-explore": lambda w, v: Target(at("wagtailadmin_explore", HOLE, value=v), user="admin"),
    "admin-explore-query": lambda w, v: Target(
        at("wagtailadmin_explore", w.news.pk, value=v) + f"?ordering={v}&p={v}&locale={v}",
        user="admin",
    ),
    "admin-revision": lambda w, v: Target(
        at("wagtailadmin_pages:revisions_view", w.news.pk, HOLE, value=v), user="admin"
    ),
    "admin-page-search": lambda w, v: Target(
        at("wagtailadmin_pages:search", value=v) + f"?q={v}&p={v}", user="admin"
    ),
    "admin-snippet-edit": lambda w, v: Target(
        at("wagtailsnippets_news_newscategory:edit", HOLE, value=v), user="admin"
    ),
    "admin-snippet-list": lambda w, v: Target(
        at("wagtailsnippets_news_newscategory:list", value=v) + f"?locale={v}&q={v}",
        user="admin",
    ),
    "admin-image-edit": lambda w, v: Target(at("wagtailimages:edit", HOLE, value=v), user="admin"),
    "admin-document-edit": lambda w, v: Target(at("wagtaildocs:edit", HOLE, value=v), user="admin"),
    "admin-kibbutz-edit": lambda w, v: Target(at("kibbutzim:edit", HOLE, value=v), user="admin"),
    "admin-kibbutz-list": lambda w, v: Target(
        at("kibbutzim:index", value=v) + f"?q={v}&region={v}&ordering={v}&p={v}", user="admin"
    ),
    "admin-invitation-edit": lambda w, v: Target(
        at("invitations:edit", HOLE, value=v), user="admin"
    ),
    "admin-invitation-list": lambda w, v: Target(
        at("invitations:index", value=v) + f"?kibbutz={v}", user="admin"
    ),
    "admin-subscriber": lambda w, v: Target(
        at("newsletter_subscribers:inspect", HOLE, value=v), user="admin"
    ),
    "admin-subscriber-list": lambda w, v: Target(
        at("newsletter_subscribers:index", value=v) + f"?q={v}&status={v}", user="admin"
    ),
    "admin-counsel-contact": lambda w, v: Target(
        at("counsel_contacts:edit", HOLE, value=v), user="admin"
    ),
    "admin-legal-list": lambda w, v: Target(
        at("legal_admin:list", value=v) + f"?status={v}&kibbutz={v}&mine={v}", user="admin"
    ),
    "admin-legal-search": lambda w, v: Target(
        at("legal_admin:list", value=v) + f"?q={v}&order={v}&p={v}", user="admin"
    ),
    "admin-legal-refusals": lambda w, v: Target(
        at("legal_refusals:index", value=v) + f"?user={v}&at_after={v}&at_before={v}&p={v}",
        user="admin",
    ),
    "admin-legal-request": lambda w, v: Target(f"/admin/legal/{v}/", user="admin"),
    "admin-legal-download": lambda w, v: Target(
        f"/admin/legal/{w.legal_request.public_id}/files/{v}/", user="admin"
    ),
    "admin-legal-action": lambda w, v: Target(
        at("legal_admin:detail", w.legal_request.public_id, value=v),
        f"status={v}&assigned_to={v}&note={v}",
        user="admin",
    ),
    "admin-campaign": lambda w, v: Target(
        at("newsletter_admin:campaign", HOLE, value=v), user="admin"
    ),
    "admin-send-test": lambda w, v: Target(
        at("newsletter_admin:send_test", HOLE, value=v), user="admin"
    ),
    "admin-send": lambda w, v: Target(at("newsletter_admin:send", HOLE, value=v), user="admin"),
}


class World(NamedTuple):
    admin: object
    member: object
    legal_request: LegalRequest
    legal_page: Page
    invitation_token: str
    news: Page
    media: Page
    event: Page
    contact: Page


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The people, rows and pages the targets need, made once for the module and rolled back
    after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = Site.objects.get(is_default_site=True).root_page
        membership = MembershipFactory()
        invitation = Invitation(
            email="new@example.org", kibbutz=membership.kibbutz, role="secretary"
        )
        token = invitation.issue_token()
        invitation.save()
        news = NewsIndexPageFactory(parent=home)
        NewsPageFactory(parent=news)
        media = MediaIndexPageFactory(parent=home)
        world = World(
            admin=UserFactory(is_superuser=True, is_staff=True),
            member=membership.user,
            legal_request=LegalRequestFactory(
                kibbutz=membership.kibbutz, submitted_by=membership.user
            ),
            legal_page=LegalRequestPageFactory(parent=home),
            invitation_token=token,
            news=news,
            media=media,
            event=EventPageFactory(parent=media),
            contact=ContactPageFactory(parent=home),
        )
        yield world
        transaction.set_rollback(True)


def _send(client, world, target):
    if target.user:
        client.force_login(getattr(world, target.user))
    for name, value in target.cookies.items():
        client.cookies[name] = value
    if target.body is None:
        return client.get(target.url, **target.headers)
    return client.post(target.url, target.body, target.content_type, **target.headers)


def _carries_nul(target):
    """A NUL in the path, query or form, or a cookie; not one escaped in JSON or base64."""
    sent = target.url + (target.body or "" if target.content_type != JSON else "")
    return "%00" in sent or any("\x00" in value for value in target.cookies.values())


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
@pytest.mark.parametrize("target", TARGETS)
def test_hostile_input_is_answered_without_a_server_error(client, world, target, value):
    case = TARGETS[target](world, value)
    response = _send(client, world, case)
    if _carries_nul(case):
        assert response.status_code == 400  # refused before any view
    else:
        assert response.status_code < 500


@pytest.mark.parametrize(
    ("url", "language", "direction", "home"),
    [
        ("/search/?q=%00", "he", "rtl", 'href="/"'),
        ("/en/search/?q=%00", "en", "ltr", 'href="/en/"'),
    ],
)
def test_a_refused_request_gets_the_bad_request_page_in_its_language(
    client, url, language, direction, home
):
    response = client.get(url)
    assert response.status_code == 400
    page = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert home in page


def test_a_provider_report_with_unstorable_text_is_still_recorded(client):
    """A bounce is not lost for a NUL or a lone surrogate in what the remote server wrote:
    the address is suppressed all the same."""
    response = _send(client, None, _bounce("%00%ed%a0%80"))
    assert response.status_code == 200
    event = ProviderEvent.objects.get()
    assert "\x00" not in event.event_id + event.description
    assert Suppression.objects.filter(reason=Suppression.Reason.BOUNCED).exists()
