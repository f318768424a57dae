"""Every admin screen of every page type of ours answers without a server error, for a
superuser and for a member of the Editors group: edit, delete, copy, move, history,
revisions and their comparison, and the add form. The pages are the seed's, which has one
of every type."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page, get_page_models

from core import groups

pytestmark = [pytest.mark.django_db, pytest.mark.seeded]

OUR_APPS = {"core", "home", "news", "media", "newsletter", "legal", "members"}
PAGE_TYPES = sorted(
    (model for model in get_page_models() if model._meta.app_label in OUR_APPS),
    key=lambda model: model._meta.label,
)


@pytest.fixture(params=["superuser", "editor"])
def admin_client(request, client, django_user_model):
    if request.param == "superuser":
        user = django_user_model.objects.create_superuser("root", "root@example.org", "x-pass-2026")
    else:
        user = django_user_model.objects.create_user("ed", "ed@example.org", "x-pass-2026")
        user.groups.add(Group.objects.get(name=groups.EDITORS))
    client.force_login(user)
    return client


def _page_of(model):
    page = model.objects.order_by("path").first()
    assert page is not None, f"the seed has no {model.__name__}: add one to test its admin"
    return page


def _screens(page):
    """The admin addresses an editor opens for one page, and for its parent's add form."""
    page.save_revision().publish()  # two revisions at least, so that there is a comparison
    revisions = list(page.revisions.order_by("created_at").values_list("pk", flat=True))
    parent = page.get_parent()
    meta = page._meta
    yield reverse("wagtailadmin_pages:edit", args=(page.pk,))
    yield reverse("wagtailadmin_pages:delete", args=(page.pk,))
    yield reverse("wagtailadmin_pages:copy", args=(page.pk,))
    yield reverse("wagtailadmin_pages:move", args=(page.pk,))
    yield reverse("wagtailadmin_pages:history", args=(page.pk,))
    yield reverse("wagtailadmin_pages:revisions_index", args=(page.pk,))
    yield reverse("wagtailadmin_pages:revisions_view", args=(page.pk, revisions[-1]))
    yield reverse(
        "wagtailadmin_pages:revisions_compare", args=(page.pk, revisions[0], revisions[-1])
    )
    yield reverse("wagtailadmin_explore", args=(page.pk,))
    yield reverse("wagtailadmin_pages:usage", args=(page.pk,))
    yield reverse("wagtailadmin_pages:add", args=(meta.app_label, meta.model_name, parent.pk))


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_no_admin_screen_of_a_page_type_fails(admin_client, model):
    page = _page_of(model)
    failures = []
    for url in _screens(page):
        response = admin_client.get(url)
        # 403 (the editor may not) and 302 (e.g. the add form of a page type that allows
        # only one) are answers; a 5xx is a bug.
        if response.status_code >= 500:
            failures.append(f"{url}: {response.status_code}")
    assert not failures, failures


def test_deleting_a_page_of_each_type_works(client, django_user_model):
    """The deletion itself, not only its confirmation page: treebeard's and Wagtail's
    querysets defer fields, which must not clash with what our pages fetch with them.
    The deepest pages go first, so that no page is removed with an ancestor before its turn."""
    root = django_user_model.objects.create_superuser("root", "root@example.org", "x-pass-2026")
    client.force_login(root)
    for page in sorted(map(_page_of, PAGE_TYPES), key=lambda page: -page.depth):
        model = type(page)
        response = client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
        assert response.status_code == 302, (model.__name__, response.status_code)
        assert not Page.objects.filter(pk=page.pk).exists(), model.__name__
