"""Editors publish HQ updates, or submit them for a moderator's approval; an update can be
scheduled to go live later."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from core import groups
from members.factories import UserFactory
from news.factories import NewsCategoryFactory, NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage
from tests.news.forms import update_form
from tests.scheduling import go_live_date_passes

pytestmark = pytest.mark.django_db


def _member_of(client, group):
    user = UserFactory(groups=[group])
    client.force_login(user)
    return user


def _form(title, action, go_live_at=""):
    data = update_form(title, "workflow-test", go_live_at)
    data[action] = "1"
    return data


@pytest.fixture
def index(home):
    return NewsIndexPageFactory(parent=home)


def _add(client, index, data):
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
    return client.post(url, data)


def test_an_editor_submits_and_a_moderator_publishes(client, index):
    _member_of(client, groups.EDITORS)
    _add(client, index, _form("עדכון לבדיקה", "action-submit"))
    update = NewsPage.objects.get(slug="workflow-test")
    assert not update.live
    state = update.current_workflow_state
    assert state is not None and state.status == "in_progress"

    _member_of(client, groups.MODERATORS)
    task_state = state.current_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(update.pk, "approve", task_state.pk),
        ),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    update.refresh_from_db()
    assert update.live
    state.refresh_from_db()
    assert state.status == "approved"


def test_an_editor_publishes(client, index):
    _member_of(client, groups.EDITORS)
    _add(client, index, _form("עדכון מהעורך", "action-publish"))
    assert NewsPage.objects.get(slug="workflow-test").live
    assert "עדכון מהעורך" in client.get(index.url).content.decode()


def test_the_approval_workflow_has_hebrew_names(home):
    workflow = home.get_workflow()
    assert workflow.name == "אישור"
    assert [task.name for task in workflow.tasks] == ["אישור מאשרים"]


def test_a_member_of_another_group_cannot_publish(client, index):
    _member_of(client, groups.NEWSLETTER_SENDERS)
    response = _add(client, index, _form("ניסיון פרסום", "action-publish"))
    assert response.status_code in (302, 403)
    assert not NewsPage.objects.filter(slug="workflow-test").exists()


def test_an_update_can_be_scheduled(client, index):
    _member_of(client, groups.MODERATORS)
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    _add(
        client, index, _form("עדכון מתוזמן", "action-publish", tomorrow.strftime("%Y-%m-%d %H:%M"))
    )
    update = NewsPage.objects.get(slug="workflow-test")
    assert not update.live
    assert "עדכון מתוזמן" not in client.get(index.url).content.decode()

    go_live_date_passes(update)  # tomorrow comes
    assert Page.objects.get(pk=update.pk).live


def test_an_update_offers_the_categories_of_its_language(client, index, english):
    _member_of(client, groups.EDITORS)
    update = NewsPageFactory(parent=index)
    hebrew = NewsCategoryFactory(locale=update.locale)
    NewsCategoryFactory(locale=english)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(update.pk,)))
    offered = set(response.context["form"].fields["categories"].queryset)
    assert hebrew in offered
    assert {category.locale for category in offered} == {update.locale}
    response = client.get(reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk)))
    assert set(response.context["form"].fields["categories"].queryset) == offered
