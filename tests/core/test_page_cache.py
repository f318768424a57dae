"""The page cache (core/page_cache.py): public pages come from it for anonymous visitors, a
change to content shows at once, and nothing personal or private is ever stored."""

import http.server
import io
import socket
import threading
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core import page_cache
from core.groups import MEMBER_KIBBUTZIM
from core.models import SiteSettings
from home.factories import ContactPageFactory
from legal.factories import LegalRequestPageFactory
from members.factories import UserFactory
from news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from newsletter.factories import NewsletterIndexPageFactory
from tests.html import soup
from tests.redis_cache import redis_cache, remove_keys

pytestmark = pytest.mark.django_db

SIGNUP = {"email": "reader@example.org", "language": "he", "consent": "on"}


def _twice(client, url, **extra):
    """The second of two identical requests, with the number of SQL queries it made."""
    client.get(url, **extra)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def update(news_index):
    return NewsPageFactory(parent=news_index)


def _news_index_with_an_update(home):
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index)
    return index.url


PUBLIC_PAGES = {
    "home": lambda home: "/",
    "English home": lambda home: "/en/",
    "news index": _news_index_with_an_update,
    "search": lambda home: "/search/?q=קיבוץ",
    "newsletter archive": lambda home: NewsletterIndexPageFactory(parent=home).url,
}


@pytest.mark.parametrize("kind", PUBLIC_PAGES)
def test_anonymous_visitors_get_public_pages_from_the_cache_without_a_query(client, home, kind):
    url = PUBLIC_PAGES[kind](home)
    first = client.get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    response, queries = _twice(client, url)
    assert response["X-Page-Cache"] == "hit" and queries == 0
    assert response.content == first.content
    for header in ("Content-Type", "Content-Language", "Content-Security-Policy"):
        assert response[header] == first[header]


@pytest.mark.parametrize("kind", PUBLIC_PAGES)
def test_a_hit_carries_every_header_of_the_miss(client, home, kind):
    """The security headers, CSP, Permissions-Policy, Vary, the language: a hit is answered
    before the middleware that sets them, and sends them as they were stored."""
    url = PUBLIC_PAGES[kind](home)
    first = client.get(url)
    hit = client.get(url)
    assert hit["X-Page-Cache"] == "hit"
    expected = {name: value for name, value in first.items() if name != "X-Page-Cache"}
    assert {name: value for name, value in hit.items() if name != "X-Page-Cache"} == expected
    for header in ("X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Vary"):
        assert hit[header]


def test_plain_http_is_still_sent_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    client.get("/", secure=True)
    hit = client.get("/", secure=True)
    assert hit["X-Page-Cache"] == "hit" and hit["Strict-Transport-Security"]
    assert client.get("/").status_code == 301


def test_a_page_with_a_csp_nonce_is_never_stored(rf):
    """A nonce must differ on every response; a stored page would send the same one."""
    request = rf.get("/")
    page_cache.allow(request)
    response = HttpResponse("<script nonce='abc'></script>")
    assert page_cache._storable(request, response)
    response["Content-Security-Policy"] = "script-src 'self' 'nonce-abc'"
    assert not page_cache._storable(request, response)


def test_the_query_string_is_part_of_the_key(client):
    vision = client.get("/en/search/?q=vision")
    nothing = client.get("/en/search/?q=zzzqqq")
    assert vision["X-Page-Cache"] == nothing["X-Page-Cache"] == "miss"
    assert vision.content != nothing.content


def test_head_requests_are_answered_from_the_cache(client):
    client.get("/")
    assert client.head("/")["X-Page-Cache"] == "hit"


def test_publishing_shows_at_once(client, news_index, update):
    for url in (update.url, news_index.url):
        client.get(url)
    update.title = "כותרת חדשה לגמרי"
    update.save_revision().publish()
    response = client.get(update.url)
    assert response["X-Page-Cache"] == "miss"
    assert soup(response).h1.get_text(strip=True) == "כותרת חדשה לגמרי"
    assert "כותרת חדשה לגמרי" in client.get(news_index.url).content.decode()


def test_unpublishing_and_restricting_take_the_page_away_at_once(client, update):
    url = update.url
    client.get(url)
    update.unpublish()
    assert client.get(url).status_code == 404

    update.save_revision().publish()
    client.get(url)
    PageViewRestriction.objects.create(page=update, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(url).status_code == 302


def test_a_snippet_and_a_setting_change_show_at_once(client, site, update):
    category = NewsCategoryFactory(name="ישנה", locale=update.locale)
    update.categories.add(category)
    update.save_revision().publish()
    assert "ישנה" in client.get(update.url).content.decode()
    category.name = "חדשה"
    category.save()
    assert "חדשה" in client.get(update.url).content.decode()

    settings_row = SiteSettings.for_site(site)
    settings_row.phone = "04-1234567"
    settings_row.save()
    assert "04-1234567" in client.get("/").content.decode()


def test_logged_in_users_and_visitors_with_a_message_get_fresh_pages(client):
    client.get("/")
    client.force_login(UserFactory())
    response, queries = _twice(client, "/")
    assert "X-Page-Cache" not in response and queries > 0

    visitor = Client()
    visitor.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in visitor.get("/")


def test_pages_with_a_csrf_token_are_never_stored(client, home):
    response, queries = _twice(client, ContactPageFactory(parent=home).url)
    assert b"csrfmiddlewaretoken" in response.content
    assert "X-Page-Cache" not in response and queries > 0


def test_the_footer_signup_needs_no_csrf_token_so_every_page_can_be_cached(client):
    page = soup(client.get("/"))
    form = page.select_one(".site-footer__newsletter form")
    assert form.select_one("[name=csrfmiddlewaretoken]") is None
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(form["action"], SIGNUP)
    assert response.status_code == 200  # answered by the form, not refused for want of a token


@pytest.fixture
def legal_page(home):
    return LegalRequestPageFactory(parent=home)


def test_members_only_and_legal_pages_are_never_stored(client, legal_page):
    assert client.get(legal_page.url).status_code == 302  # the login, not stored
    assert "X-Page-Cache" not in client.get(legal_page.url)

    client.force_login(UserFactory(groups=[MEMBER_KIBBUTZIM]))
    for url in (legal_page.url, "/account/", "/account/requests/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response


def test_a_restricted_page_is_not_stored_for_the_user_who_may_see_it(client, legal_page):
    client.force_login(UserFactory(groups=[MEMBER_KIBBUTZIM]))
    assert "no-cache" in client.get(legal_page.url)["Cache-Control"]


def test_turned_off_it_stores_nothing(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    response, queries = _twice(client, "/")
    assert "X-Page-Cache" not in response and queries > 0


def test_with_redis_the_cache_serves_and_invalidates(client, settings, update):
    prefix = f"shitufi-test-page-cache-{uuid.uuid4().hex}"
    settings.CACHES = {"default": redis_cache(prefix)}
    try:
        response, queries = _twice(client, update.url)
        assert response["X-Page-Cache"] == "hit" and queries == 0
        update.title = "עודכן ב-Redis"
        update.save_revision().publish()
        assert "עודכן ב-Redis" in client.get(update.url).content.decode()
    finally:
        remove_keys(prefix)


def test_with_redis_down_the_site_serves_without_it(client, settings):
    with socket.socket() as probe:  # a port on which nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {"default": redis_cache("shitufi-test-down", f"redis://127.0.0.1:{port}/0")}
    for _ in range(2):
        response = client.get("/")
        assert (response.status_code, response["X-Page-Cache"]) == (200, "miss")
    assert client.post("/subscription/", SIGNUP).status_code == 200  # the rate limit lets it by
    assert client.get("/healthz").json()["status"] == "degraded"


def test_a_proxy_in_front_is_told_to_purge_a_published_page(settings, update):
    purged = []

    class Proxy(http.server.BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 — the method name http.server asks for
            purged.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_port}",
            }
        }
        update.save_revision().publish()
    finally:
        server.shutdown()
    assert (update.get_site().hostname, update.url) in purged


def _wsgi(path, method="GET", **environ):
    """What `answer_hits` in front of a site that must not be reached answers, or None when
    it hands the request on; the environ it handed on with."""
    handed_on = {}

    def site(environ, start_response):
        handed_on.update(environ)
        start_response("418 I'm a teapot", [])
        return [b""]

    answer = {}

    def start_response(status, headers):
        answer.update(status=status, headers=dict(headers))

    base = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "QUERY_STRING": "",
    }
    body = b"".join(page_cache.answer_hits(site)({**base, **environ}, start_response))
    if answer["status"].startswith("418"):
        return None, handed_on
    return (answer["status"], answer["headers"], body), handed_on


def test_in_front_of_django_a_hit_is_answered_with_the_stored_page_and_headers(client):
    first = client.get("/")
    (status, headers, body), _ = _wsgi("/")
    assert status == "200 OK" and body == first.content
    assert headers.pop("X-Page-Cache") == "hit"
    assert headers == {name: value for name, value in first.items() if name != "X-Page-Cache"}
    (_status, _headers, body), _ = _wsgi("/", method="HEAD")
    assert body == b""


def test_in_front_of_django_a_miss_is_handed_on_with_the_generation_it_read(client):
    client.get("/")
    page_cache.invalidate()
    found, environ = _wsgi("/")
    assert found is None and environ[page_cache.LOOKED_UP] == cache.get(page_cache.GENERATION_KEY)
    client.get("/")  # stored again, under the new generation
    assert _wsgi("/")[0] is not None


@pytest.mark.parametrize(
    "request_environ",
    [
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
        {"REQUEST_METHOD": "POST"},
        {"HTTP_HOST": "evil.example"},
        {"wsgi.url_scheme": "https"},  # stored for plain HTTP only
        {"QUERY_STRING": "a=1"},
    ],
)
def test_in_front_of_django_what_may_differ_goes_to_django(client, request_environ):
    client.get("/")
    assert _wsgi("/", **request_environ)[0] is None
