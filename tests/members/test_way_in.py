"""The way into the members' area, in both languages: the header's members' entry (and the
page cache never storing its logged-in variant), the members' menu on the account home, a
clear 403 instead of a redirect loop for a logged-in person outside a page's groups, and
emails that link to pages the site itself links to."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client

from core.groups import EDITORS
from core.models import SiteSettings
from legal.models import LegalRequestPage
from members.factories import MembershipFactory, UserFactory
from members.invitations import send_invitation
from members.models import Invitation
from tests.html import html_lang_dir, soup
from tests.legal.conftest import form_data
from tests.seeded import seeded_page

pytestmark = pytest.mark.django_db

LANGUAGES = pytest.mark.parametrize(
    ("prefix", "lang"), [("", "he"), ("/en", "en")], ids=["he", "en"]
)
LOGIN_TEXT = {"he": "כניסת חברים", "en": "Members’ login"}
MY_KIBBUTZ_TEXT = {"he": "הקיבוץ שלי", "en": "My kibbutz"}
HQ_EMAIL = "hq-desk@example.org"


@pytest.fixture
def member(db):
    """A kibbutz's secretary, in the Member kibbutzim group."""
    return MembershipFactory(user__first_name="רות", user__last_name="כהן").user


@pytest.fixture
def editor(db):
    """An HQ editor: logged in, but outside the groups of the legal-advice page."""
    return UserFactory(email="editor@example.org", username="editor@example.org", groups=[EDITORS])


@pytest.fixture
def hq_contact(site):
    contact = SiteSettings.for_site(site)
    contact.email = HQ_EMAIL
    contact.save()
    return contact


def _header(response):
    return soup(response).select_one("header.site-header")


def _hrefs(element):
    return {a["href"] for a in element.select("a[href]")}


# The header's members' entry


@LANGUAGES
def test_anonymous_visitors_find_the_members_login_in_the_header(client, home, prefix, lang):
    header = _header(client.get(f"{prefix}/"))
    login = header.select_one(f'a[href="{prefix}/account/login/"]')
    assert login is not None, header
    assert login.get_text(strip=True) == LOGIN_TEXT[lang]
    assert f"{prefix}/account/" not in _hrefs(header)
    assert header.select("form[method=post]") == [], (
        "no log-out form (nor CSRF token) for the anonymous"
    )


@LANGUAGES
def test_logged_in_the_header_shows_the_name_my_kibbutz_and_log_out(
    client, home, member, prefix, lang
):
    client.force_login(member)
    header = _header(client.get(f"{prefix}/"))
    assert "רות כהן" in header.get_text()
    my_kibbutz = header.select_one(f'a[href="{prefix}/account/"]')
    assert my_kibbutz is not None and my_kibbutz.get_text(strip=True) == MY_KIBBUTZ_TEXT[lang]
    assert f"{prefix}/account/login/" not in _hrefs(header)
    form = header.select_one("form[method=post]")
    assert form["action"] == f"{prefix}/account/logout/"
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert form.select_one("button[type=submit]") is not None

    # Logging out leads back to the home page in the reader's language.
    next_url = form.select_one("input[name=next]")["value"]
    assert next_url == f"{prefix}/"
    response = client.post(form["action"], {"next": next_url})
    assert response.status_code == 302 and response.url == f"{prefix}/"
    assert "_auth_user_id" not in client.session


def test_the_header_shows_the_email_of_a_person_without_a_name(client, home):
    client.force_login(UserFactory(first_name="", email="nameless@example.org"))
    assert "nameless@example.org" in _header(client.get("/")).get_text()


@LANGUAGES
def test_the_logged_in_header_is_never_stored_in_the_page_cache(client, home, member, prefix, lang):
    anonymous = Client()
    assert anonymous.get(f"{prefix}/")["X-Page-Cache"] == "miss"  # stored
    assert anonymous.get(f"{prefix}/")["X-Page-Cache"] == "hit"

    client.force_login(member)
    for _ in range(2):
        response = client.get(f"{prefix}/")
        assert "X-Page-Cache" not in response, "a logged-in reader never gets a stored page"
        assert "רות כהן" in _header(response).get_text()

    # What anonymous visitors get still has the login link and nobody's name.
    response = Client().get(f"{prefix}/")
    assert response["X-Page-Cache"] == "hit"
    header = _header(response)
    assert "רות כהן" not in header.get_text()
    assert f"{prefix}/account/login/" in _hrefs(header)


# The members' menu on the account home


@pytest.mark.seeded
@LANGUAGES
def test_the_account_home_links_to_the_form_my_requests_and_contacts(client, member, prefix, lang):
    form_page = seeded_page(LegalRequestPage, lang)
    client.force_login(member)
    page = soup(client.get(f"{prefix}/account/"))
    menu = page.select_one("main nav")
    assert menu is not None, page.select_one("main")
    expected = {form_page.url, f"{prefix}/account/requests/", f"{prefix}/account/contacts/"}
    assert _hrefs(menu) == expected
    assert menu.select_one(f'a[href="{form_page.url}"]').get_text(strip=True) == form_page.title
    # Both open for the member.
    for url in _hrefs(menu):
        assert client.get(url).status_code == 200, url


@pytest.mark.seeded
def test_the_account_home_offers_nothing_its_reader_cannot_open(client, editor):
    client.force_login(editor)
    main = soup(client.get("/account/")).select_one("main")
    assert seeded_page(LegalRequestPage).url not in _hrefs(main)
    assert "/account/requests/" not in _hrefs(main)


# A restricted page: 403 for a logged-in outsider, the login for the anonymous


@pytest.mark.seeded
@LANGUAGES
def test_a_logged_in_outsider_gets_a_403_in_their_language(
    client, editor, hq_contact, prefix, lang
):
    form_page = seeded_page(LegalRequestPage, lang)
    client.force_login(editor)
    response = client.get(form_page.url, follow=True)
    assert response.redirect_chain == [], "no redirect, let alone a loop"
    assert response.status_code == 403
    assert html_lang_dir(response)[0] == lang
    assert "no-store" in response["Cache-Control"]
    main = soup(response, status=403).select_one("main")
    assert form_page.title in main.get_text(), "says which page it is"
    assert f"mailto:{HQ_EMAIL}" in _hrefs(main), "and whom to ask"
    assert editor.get_full_name() in main.get_text(), "and who is logged in"
    # A way to log in with another account, back to this page.
    switch = main.select_one("form[method=post] input[name=next]")["value"]
    assert switch.startswith(f"{prefix}/account/login/?next=")


@pytest.mark.seeded
@LANGUAGES
def test_the_anonymous_are_still_sent_to_the_login(client, prefix, lang):
    form_page = seeded_page(LegalRequestPage, lang)
    response = client.get(form_page.url)
    assert response.status_code == 302
    assert response.url.startswith(f"{prefix}/account/login/?next=")


@pytest.mark.seeded
def test_a_member_still_sees_the_form(client, member):
    client.force_login(member)
    assert client.get(seeded_page(LegalRequestPage).url).status_code == 200


@pytest.mark.seeded
@LANGUAGES
def test_the_login_page_does_not_bounce_a_logged_in_outsider(client, editor, prefix, lang):
    form_page = seeded_page(LegalRequestPage, lang)
    client.force_login(editor)
    response = client.get(f"{prefix}/account/login/?next={form_page.url}", follow=True)
    assert response.status_code == 403
    assert [urlsplit(url).path for url, _ in response.redirect_chain] == [form_page.url]


# Emails link to pages the site links to


@LANGUAGES
def test_the_invitation_links_to_the_page_the_header_links_to(
    client, home, prefix, lang, django_capture_on_commit_callbacks
):
    kibbutz = MembershipFactory().kibbutz
    invitation = Invitation(email="new@example.org", kibbutz=kibbutz, role="secretary")
    with django_capture_on_commit_callbacks(execute=True):
        send_invitation(invitation, lang)
    links = re.findall(r"http://\S+", mail.outbox[-1].body)
    token_link, home_link = links
    assert urlsplit(token_link).path.startswith(f"{prefix}/account/invitation/")
    home_path = urlsplit(home_link).path
    assert home_path == f"{prefix}/account/"

    # The invitee accepts, and finds the same page in the site's header.
    response = client.post(
        urlsplit(token_link).path,
        {
            "first_name": "נועה",
            "last_name": "לוי",
            "password1": "a-long-pass-2026",
            "password2": "a-long-pass-2026",
        },
    )
    assert response.status_code == 302 and response.url == home_path
    assert home_path in _hrefs(_header(client.get(f"{prefix}/")))


@pytest.mark.seeded
def test_a_legal_notice_links_to_a_page_the_members_menu_leads_to(
    client, member, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(seeded_page(LegalRequestPage).url, form_data())
    assert response.status_code == 302
    receipt = next(message for message in mail.outbox if message.to == [member.email])
    link = urlsplit(re.search(r"http://\S+", receipt.body)[0]).path

    # The header leads to the account home, its menu to "my requests", which lists the request.
    account = _header(client.get("/")).select_one('a[href="/account/"]')["href"]
    menu = soup(client.get(account)).select_one("main nav")
    my_requests = menu.select_one('a[href="/account/requests/"]')["href"]
    assert link in _hrefs(soup(client.get(my_requests)).select_one("main"))
