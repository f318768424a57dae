"""Starting a translation leaves the English page unpublished until its translation is."""

import pytest
from django.urls import reverse

from core import groups
from core.factories import translate
from members.factories import UserFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage

pytestmark = pytest.mark.django_db


def test_a_started_translation_is_not_live_in_english(client, home, english):
    client.force_login(UserFactory(groups=[groups.EDITORS]))
    index = NewsIndexPageFactory(parent=home)
    english_index = translate(index, english, title="Updates")
    update = NewsPageFactory(parent=index)
    update.save_revision().publish()

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(update.pk,)),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    translated = NewsPage.objects.get(translation_key=update.translation_key, locale=english)
    assert not translated.live
    assert client.get(f"{english_index.url}{update.slug}/").status_code == 404
