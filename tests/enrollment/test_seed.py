"""The seeded join page and volunteering areas, and no people."""

import pytest

from enrollment.models import EnrollmentPage, Interest, Person
from tests.html import soup
from tests.seeded import seeded_page

pytestmark = [pytest.mark.django_db, pytest.mark.seeded]


@pytest.mark.parametrize(("language", "home_url"), [("he", "/"), ("en", "/en/")])
def test_the_join_page_is_in_the_main_menu(client, language, home_url):
    page = seeded_page(EnrollmentPage, language)
    menu = soup(client.get(home_url)).select_one("nav.main-menu")
    assert menu.select_one(f'a[href="{page.url}"]').text == page.title
    form = soup(client.get(page.url)).select_one("main form")
    assert (
        len(form.select("#id_interests input"))
        == Interest.objects.filter(locale=page.locale).count()
    )


def test_areas_in_both_languages_and_no_people(hebrew, english):
    in_hebrew = Interest.objects.filter(locale=hebrew)
    assert 4 <= in_hebrew.count() <= 6
    for area in in_hebrew:
        translated = area.get_translation(english).name
        assert translated != area.name and not any("\u0590" <= ch <= "\u05ff" for ch in translated)
    assert not Person.objects.exists()
