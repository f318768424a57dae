"""Joining the movement end to end, in each language: from the home page by clicking only
to the join page, the form filled in as a volunteer contact person, the confirmation from
the email a real SMTP server received, HQ's Enrollment team finding the person in its
filtered list and its export, then the details page from that email, and erasure. axe
checks every page on the way."""

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from core.antispam import MIN_SECONDS_TO_FILL
from core.groups import ENROLLMENT
from enrollment.models import DoNotContact, EnrollmentPage, Person
from members.factories import KibbutzFactory, UserFactory
from tests.seeded import seeded_page

from .admin import log_in
from .axe import assert_accessible

ADDRESS = "volunteer@example.org"


def _email_link(message, kind):
    text = message.get_body(("plain",)).get_content()
    return re.search(rf"https?://\S+/join/{kind}/[^/\s]+/", text)[0]


def _hq_finds(hq, site_url, kibbutz):
    """A member of HQ's Enrollment team (not a superuser) finds the volunteer in the list
    filtered by their kibbutz and by willing contact people, and in its CSV export."""
    people = f"/admin/enrollment/people/?kibbutz={kibbutz.pk}&wants_to_be_contact=true"
    log_in(hq, site_url, UserFactory(groups=[ENROLLMENT]), then="/admin/enrollment/people/")
    hq.goto(f"{site_url}{people}")
    expect(hq.locator("main table tbody tr")).to_have_count(1)
    expect(hq.locator("main table tbody")).to_contain_text(ADDRESS)
    assert_accessible(hq)
    with hq.expect_download() as download:
        hq.evaluate("url => { location.href = url }", f"{site_url}{people}&export=csv")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig"))))
    assert len(rows) == 2 and ADDRESS in rows[1], rows


@pytest.mark.parametrize("language", ["he", "en"])
def test_join_confirm_see_and_erase(site_url, browser, page, smtp_server, settings, language):
    settings.WAGTAILADMIN_BASE_URL = site_url  # the links in the emails lead here
    kibbutz = KibbutzFactory(name_he="קיבוץ נאות", name_en="Kibbutz Neot")
    join_page = seeded_page(EnrollmentPage, language)

    page.goto(f"{site_url}/" if language == "he" else f"{site_url}/en/")
    page.get_by_role("navigation").get_by_role("link", name=join_page.title).click()
    expect(page.locator("main h1")).to_have_text(join_page.title)
    assert_accessible(page)

    form = page.locator("main form")
    form.locator("#id_first_name").fill("נועה" if language == "he" else "Noa")
    form.locator("#id_last_name").fill("לוי" if language == "he" else "Levi")
    form.locator("#id_email").fill(ADDRESS)
    form.locator("#id_phone").fill("+972-52-765-4321")
    # The community field shows only with "other" chosen (without JavaScript: always).
    expect(form.locator("#id_other_community")).to_be_hidden()
    form.locator("#id_kibbutz").select_option("other")
    expect(form.locator("#id_other_community")).to_be_visible()
    form.locator("#id_kibbutz").select_option(str(kibbutz.pk))
    form.locator("#id_age_band").select_option("20-29")
    form.locator("#id_interests input").first.check()
    form.locator("#id_wants_to_be_contact").check()
    form.locator("#id_list_consent").check()
    page.wait_for_timeout(MIN_SECONDS_TO_FILL * 1000 + 200)  # a person takes a moment
    form.locator('button[type="submit"]').click()
    expect(page.locator("main [role=status]")).to_be_visible()
    assert_accessible(page)

    person = Person.objects.get(email=ADDRESS)
    assert (person.status, person.language) == (Person.Status.PENDING, language)
    assert (person.kibbutz_id, person.phone) == (kibbutz.pk, "+972527654321")
    assert person.wants_to_be_contact and person.interests.count() == 1

    message = smtp_server.wait_for_message(1)
    assert message["To"] == ADDRESS
    html = message.get_body(("html",)).get_content()
    assert f'<html lang="{language}"' in html
    page.goto(_email_link(message, "confirm"))
    assert_accessible(page)
    person.refresh_from_db()
    assert person.status == Person.Status.PENDING, "a GET changes nothing"
    page.locator("main form").get_by_role("button").click()
    expect(page.locator("main [role=status]")).to_be_visible()
    assert_accessible(page)
    person.refresh_from_db()
    assert person.status == Person.Status.CONFIRMED

    _hq_finds(browser.new_context().new_page(), site_url, kibbutz)

    page.goto(_email_link(message, "details"))
    expect(page.locator("main")).to_contain_text(ADDRESS)
    assert_accessible(page)
    page.locator(f'main a[href$="/join/details/{person.token}/erase/"]').click()
    page.wait_for_url(re.compile(r"/erase/$"))  # axe must not run on a page being replaced
    assert_accessible(page)
    page.locator("main form").get_by_role("button").click()
    expect(page.locator("main [role=status]")).to_be_visible()
    assert_accessible(page)
    assert not Person.objects.filter(email=ADDRESS).exists()
    assert DoNotContact.objects.count() == 1
