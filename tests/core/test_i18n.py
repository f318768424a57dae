"""Every string our code shows is translated into Hebrew and English, and the admin speaks
Hebrew."""

from pathlib import Path

import polib
import pytest
from wagtail.users.models import UserProfile

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))


def test_both_languages_have_catalogs():
    assert {po.parts[-3] for po in CATALOGS} == {"he", "en"}


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_catalog_is_complete(path):
    catalog = polib.pofile(str(path))
    assert catalog.untranslated_entries() == []
    assert catalog.fuzzy_entries() == []
    assert len(catalog.translated_entries()) > 20


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.parts[-3])
def test_compiled_catalog_matches_its_source(path):
    source = {(e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(path)).translated_entries()}
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr
        for e in polib.mofile(str(path.with_suffix(".mo")))
        if e.msgid
    }
    assert compiled == source, "run `make messages` to compile the catalogs"


@pytest.mark.django_db
def test_admin_login_is_in_hebrew_by_default(client):
    response = client.get("/admin/login/")
    html = response.content.decode()
    assert '<html lang="he" dir="rtl"' in html
    assert "דואר אלקטרוני" in html
    # Sessions end with the browser (members/sessions.py): no box promises otherwise.
    assert 'name="remember"' not in html
    assert "לזכור אותי" not in html


@pytest.mark.django_db
def test_admin_follows_a_users_english_preference(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    html = admin_client.get("/admin/").content.decode()
    assert '<html lang="en" dir="ltr"' in html


@pytest.mark.django_db
def test_admin_offers_hebrew_and_english(admin_client):
    html = admin_client.get("/admin/account/").content.decode()
    assert 'value="he"' in html and 'value="en"' in html
