"""The editors' guide is the Help menu's first item, in the admin, in Hebrew; Wagtail's
English guide and release notes are gone from the menu and the dashboard."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse

from core import groups

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("ed", "ed@example.org", "x-pass-2026")
    user.groups.add(Group.objects.get(name=groups.EDITORS))
    client.force_login(user)
    return client


def test_the_help_menu_leads_to_our_guide(editor_client):
    response = editor_client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert reverse("editors_guide") in html
    assert "guide.wagtail.org" not in html
    assert "wagtail.org/releases" not in html


def test_the_guide_is_the_repositorys_guide_in_hebrew(editor_client, settings):
    response = editor_client.get(reverse("editors_guide"))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    guide = page.select_one(".editors-guide")
    assert guide["lang"] == "he" and guide["dir"] == "rtl"
    first_heading = (settings.BASE_DIR / "docs/editors.md").read_text("utf-8").splitlines()[0]
    assert guide.find("h1").get_text() == first_heading.lstrip("# ")
    # A table of contents that leads to the chapters.
    links = guide.select("nav a[href^='#']")
    assert len(links) >= 5
    assert all(guide.find(id=link["href"][1:]) for link in links)


def test_the_guide_is_for_the_admins_users_only(client):
    response = client.get(reverse("editors_guide"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response.url
