"""Slugs in Latin letters from Hebrew titles: typed in the admin, or made on save."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from core.slugs import latin_slug
from home.models import StandardPage


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("הקיבוץ השיתופי", "hkibotz-hshitopi"),
        ("כנס שנתי 2026", "kns-shnti-2026"),
        ("שָׁלוֹם", "shlom"),  # niqqud dropped
        ("צה״ל", "tzhl"),  # gershayim dropped
        ("Annual conference", "annual-conference"),
        ("!!!", ""),
    ],
)
def test_latin_slug(title, slug):
    assert latin_slug(title) == slug


@pytest.mark.django_db
def test_a_page_saved_without_a_slug_gets_a_latin_one(home):
    page = home.add_child(instance=StandardPage(title="מפגש אזורי"))
    assert page.slug == "mpgsh-azori"
    twin = home.add_child(instance=StandardPage(title="מפגש אזורי"))
    assert twin.slug == "mpgsh-azori-2"


@pytest.mark.django_db
def test_the_admin_slug_field_transliterates_as_the_editor_types(admin_client, home):
    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk))
    )
    field = BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "slug"})
    formatters = json.loads(field["data-w-slug-formatters-value"])
    assert ["ש", "sh"] in [[pattern[0], latin] for pattern, latin in formatters]
    assert not field.get("data-w-slug-allow-unicode-value")  # Hebrew letters are not kept
