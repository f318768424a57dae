"""Starting a translation leaves the English page unpublished until its translation is."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from core import groups
from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def test_a_started_translation_is_not_live_in_english(client, django_user_model, home, english):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "x-pass-2026")
    editor.groups.add(Group.objects.get(name=groups.EDITORS))
    client.force_login(editor)
    index = NewsIndexPage.objects.child_of(home).get()
    update = NewsPage(title="עדכון לתרגום", slug="to-translate", published_at="2026-11-01T10:00Z")
    index.add_child(instance=update)
    update.save_revision().publish()

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(update.pk,)),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    translated = NewsPage.objects.get(translation_key=update.translation_key, locale=english)
    assert not translated.live
    assert client.get("/en/updates/to-translate/").status_code == 404
