"""Editors publish HQ updates, or submit them for a moderator's approval; an update can be
scheduled to go live later."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from core import groups
from news.models import NewsIndexPage, NewsPage
from tests.news.forms import update_form
from tests.scheduling import go_live_date_passes

pytestmark = pytest.mark.django_db


def _member_of(django_user_model, client, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pass-2026-long")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def _form(title, action, go_live_at=""):
    data = update_form(title, "workflow-test", go_live_at)
    data[action] = "1"
    return data


@pytest.fixture
def index(home):
    return NewsIndexPage.objects.child_of(home).get()


def _add(client, index, data):
    url = reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk))
    return client.post(url, data)


def test_an_editor_submits_and_a_moderator_publishes(client, django_user_model, index):
    _member_of(django_user_model, client, "editor", groups.EDITORS)
    _add(client, index, _form("עדכון לבדיקה", "action-submit"))
    update = NewsPage.objects.get(slug="workflow-test")
    assert not update.live
    state = update.current_workflow_state
    assert state is not None and state.status == "in_progress"

    _member_of(django_user_model, client, "moderator", groups.MODERATORS)
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


def test_an_editor_publishes(client, django_user_model, index):
    _member_of(django_user_model, client, "editor", groups.EDITORS)
    _add(client, index, _form("עדכון מהעורך", "action-publish"))
    assert NewsPage.objects.get(slug="workflow-test").live
    assert "עדכון מהעורך" in client.get("/updates/").content.decode()


def test_the_approval_workflow_has_hebrew_names(home):
    workflow = home.get_workflow()
    assert workflow.name == "אישור"
    assert [task.name for task in workflow.tasks] == ["אישור מאשרים"]


def test_a_member_of_another_group_cannot_publish(client, django_user_model, index):
    _member_of(django_user_model, client, "sender", groups.NEWSLETTER_SENDERS)
    response = _add(client, index, _form("ניסיון פרסום", "action-publish"))
    assert response.status_code in (302, 403)
    assert not NewsPage.objects.filter(slug="workflow-test").exists()


def test_an_update_can_be_scheduled(client, django_user_model, index):
    _member_of(django_user_model, client, "moderator", groups.MODERATORS)
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    _add(
        client, index, _form("עדכון מתוזמן", "action-publish", tomorrow.strftime("%Y-%m-%d %H:%M"))
    )
    update = NewsPage.objects.get(slug="workflow-test")
    assert not update.live
    assert client.get("/updates/").content.decode().count("עדכון מתוזמן") == 0

    go_live_date_passes(update)  # tomorrow comes
    assert Page.objects.get(pk=update.pk).live


def test_an_update_offers_the_categories_of_its_language(client, django_user_model, index):
    from news.models import NewsCategory

    _member_of(django_user_model, client, "editor", groups.EDITORS)
    update = NewsPage.objects.child_of(index).first()
    response = client.get(reverse("wagtailadmin_pages:edit", args=(update.pk,)))
    offered = set(response.context["form"].fields["categories"].queryset)
    assert offered == set(NewsCategory.objects.filter(locale=update.locale))
    assert NewsCategory.objects.exclude(locale=update.locale).exists()  # others to leave out
    response = client.get(reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk)))
    assert set(response.context["form"].fields["categories"].queryset) == offered
