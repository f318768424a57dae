"""Registering for a workshop end to end, in each language: two visitors race for its last
place from the event's page (on PostgreSQL; one after the other on SQLite); one gets it and
the other the waiting list. The first cancels from the link in the email a real SMTP server
received, the second is offered the place by email and takes it, and HQ's event organizer
(not a superuser) finds them in the event's list and its export. axe checks every page on
the way."""

import csv
import io
import re
import time
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import expect

from core.antispam import MIN_SECONDS_TO_FILL
from core.groups import EVENT_ORGANIZERS
from media.models import EventKind, EventPage
from members.factories import UserFactory
from registrations.models import Registration, RegistrationSetup

from .admin import log_in
from .axe import assert_accessible

RUTH, DAN = "ruth@example.org", "dan@example.org"


def _workshop(language):
    """The seeded workshop in `language`, and its registration, set to one place left."""
    page = EventPage.objects.live().get(locale__language_code=language, kind=EventKind.WORKSHOP)
    setup = RegistrationSetup.objects.get(event__translation_key=page.translation_key)
    setup.capacity = 2
    setup.save()
    Registration.objects.create(
        event=setup.event,
        name="נרשם מוקדם",
        email="early@example.org",
        status=Registration.Status.CONFIRMED,
        language="he",
    )
    return page, setup


def _fill_in(page, site_url, workshop, name, address):
    page.goto(f"{site_url}{workshop.url}")
    assert_accessible(page)
    page.locator("main [data-event-registration]").click()
    expect(page.locator("main [data-places-left]")).to_have_attribute("data-places-left", "1")
    assert_accessible(page)
    form = page.locator("main form")
    form.locator("#id_name").fill(name)
    form.locator("#id_email").fill(address)
    form.locator("#id_kibbutz").fill("קיבוץ משמר" if name == "רות" else "קיבוץ גבע")
    form.locator("#id_participants").fill("1")
    form.locator("#id_consent").check()


def _messages_to(smtp_server, address, count):
    """The first `count` emails to `address`, once they have arrived."""
    deadline = time.monotonic() + 15
    while True:
        found = [m for m in smtp_server.messages() if m["To"] == address]
        if len(found) >= count:
            return found
        assert time.monotonic() < deadline, f"{len(found)} of {count} emails to {address}"
        time.sleep(0.1)


def _personal_link(message):
    text = message.get_body(("plain",)).get_content()
    return re.search(r"https?://\S+/events/registration/[^/\s]+/", text)[0]


@pytest.mark.parametrize("language", ["he", "en"])
def test_two_race_for_the_last_place(site_url, browser, smtp_server, settings, language):
    settings.WAGTAILADMIN_BASE_URL = site_url  # the links in the emails lead here
    workshop, setup = _workshop(language)
    ruth, dan = browser.new_context().new_page(), browser.new_context().new_page()
    _fill_in(ruth, site_url, workshop, "רות", RUTH)
    _fill_in(dan, site_url, workshop, "דן", DAN)
    ruth.wait_for_timeout(MIN_SECONDS_TO_FILL * 1000 + 200)  # a person takes a moment

    # Both send at once: neither click waits for its answer before the other is sent. Not on
    # SQLite, where the live server's threads share the one connection of the in-memory test
    # database, so no transaction keeps two requests apart: there one sends after the other
    # (the race is proven on PostgreSQL, here and in tests/registrations/test_places.py).
    racing = connection.vendor == "postgresql"
    for visitor in (ruth, dan):
        visitor.locator('main form button[type="submit"]').click(no_wait_after=True)
        if not racing:
            expect(visitor.locator("main form")).to_have_count(0)
    for visitor in (ruth, dan):
        expect(visitor.locator("main h1")).to_be_visible()
        expect(visitor.locator("main form")).to_have_count(0)
        assert_accessible(visitor)
    statuses = dict(
        Registration.objects.filter(email__in=[RUTH, DAN]).values_list("email", "status")
    )
    assert sorted(statuses.values()) == ["confirmed", "waiting"], statuses
    first = RUTH if statuses[RUTH] == "confirmed" else DAN
    second = DAN if first == RUTH else RUTH
    first_page, second_page = (ruth, dan) if first == RUTH else (dan, ruth)

    # The one with the place cancels from the link in their confirmation.
    (confirmation,) = _messages_to(smtp_server, first, 1)
    assert f'<html lang="{language}"' in confirmation.get_body(("html",)).get_content()
    first_page.goto(_personal_link(confirmation))
    assert_accessible(first_page)
    first_page.locator("main a[href$='/cancel/']").click()
    first_page.wait_for_url(re.compile(r"/cancel/$"))
    assert_accessible(first_page)
    first_page.locator("main form button").click()
    expect(first_page.locator("main [role=status]")).to_be_visible()
    assert_accessible(first_page)

    # The one waiting is offered the place by email, and takes it.
    _waiting, offer = _messages_to(smtp_server, second, 2)
    second_page.goto(_personal_link(offer))
    assert_accessible(second_page)
    second_page.locator("main form button").click()
    expect(second_page.locator("main form")).to_have_count(0)
    assert_accessible(second_page)
    assert Registration.objects.get(email=second).status == "confirmed"
    *_earlier, taken = _messages_to(smtp_server, second, 3)
    assert taken.get_content_type() == "multipart/mixed"  # with the calendar file
    assert any(part.get_filename().endswith(".ics") for part in taken.iter_attachments())

    _hq_exports(browser.new_context().new_page(), site_url, setup, first, second)


def _hq_exports(hq, site_url, setup, cancelled, confirmed):
    """An event organizer finds both in the event's list and downloads its CSV."""
    event_list = f"/admin/registrations/event/{setup.event_id}/"
    log_in(hq, site_url, UserFactory(groups=[EVENT_ORGANIZERS]), then=event_list)
    # The counts' table, then the list's: one row each.
    expect(hq.locator("main table tbody tr", has_text=confirmed)).to_have_count(1)
    expect(hq.locator("main table tbody tr", has_text=cancelled)).to_have_count(1)
    assert_accessible(hq)
    with hq.expect_download() as download:
        hq.evaluate("url => { location.href = url }", f"{site_url}{event_list}?export=csv")
    text = Path(download.value.path()).read_text("utf-8-sig")
    cells = {cell for row in csv.reader(io.StringIO(text)) for cell in row}
    assert {confirmed, cancelled, "early@example.org"} <= cells, text
