"""Logging in by email address, typed in any case, on the site and in the admin: the field
says "email" and is an email input; case variants are one username to django-axes, so they
share one count of failures, and a password reset lifts the lock they caused."""

import pytest
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from tests.html import soup
from tests.members.password_reset import complete_password_reset

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-pass-2026"
EMAIL = "ruth@example.org"


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user(EMAIL, EMAIL, PASSWORD)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("dana@example.org", "dana@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def _site_login(client, username, password=PASSWORD):
    return client.post("/account/login/", {"username": username, "password": password})


def _admin_login(client, username, password=PASSWORD):
    return client.post("/admin/login/", {"username": username, "password": password})


@pytest.mark.parametrize("path", ["/account/login/", "/admin/login/"])
def test_the_login_field_is_an_email_field_labelled_so(client, path):
    page = soup(client.get(path))
    field = page.select_one("input[name=username]")
    assert field["type"] == "email"
    assert field["autocomplete"] == "username"
    assert field["dir"] == "ltr", "an address reads left to right in a Hebrew page"
    assert not field.has_attr("placeholder")
    label = page.select_one(f"label[for={field['id']}]")
    assert label.get_text(" ", strip=True).startswith("דואר אלקטרוני")


def test_a_member_logs_in_with_the_address_in_any_case(client, member):
    response = _site_login(client, "Ruth@Example.ORG")
    assert response.status_code == 302 and response.url == "/account/"
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_wrong_password_is_explained_in_terms_of_the_email(client, member):
    with translation.override("he"):
        said = gettext("The email address or the password is wrong.")
    page = soup(_site_login(client, EMAIL, "wrong"))
    assert page.select_one("[role=alert]").text.startswith(said)
    admin = soup(_admin_login(client, EMAIL, "wrong"))
    assert admin.select_one(".messages li.error").text == said


def test_an_editor_logs_in_to_the_admin_with_the_address_in_any_case(client, editor):
    response = _admin_login(client, " DANA@example.org ")
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_an_account_whose_username_is_not_an_address_still_logs_in(client, django_user_model):
    # As `ensure_admin` makes the local superuser: username "admin".
    django_user_model.objects.create_superuser("admin", "admin@localhost", PASSWORD)
    assert _admin_login(client, "admin").status_code == 302
    client.logout()
    assert _admin_login(client, "Admin@Localhost").status_code == 302, "or by its address"
    client.logout()
    assert _site_login(client, "ADMIN").status_code == 302


def test_case_variants_share_one_count_of_failures(client, member, settings):
    variants = ["Ruth@example.org", "RUTH@EXAMPLE.ORG", "ruth@Example.org", "rUTH@example.org"]
    statuses = [
        _site_login(client, variants[n % len(variants)], "guess").status_code
        for n in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses[-1] == 429, statuses
    assert _site_login(client, EMAIL).status_code == 429, "the right password waits too"
    assert _admin_login(client, EMAIL).status_code == 429, "and so does the admin's login"


def test_a_password_reset_lifts_a_lock_caused_by_a_case_variant(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _site_login(client, "Ruth@Example.org", "forgotten")
    assert _site_login(client, "Ruth@Example.org").status_code == 429
    client.post("/account/password-reset/", {"email": "RUTH@example.org"})
    new_password = "another-long-pass-1"
    complete_password_reset(client, new_password)
    assert _site_login(client, "Ruth@Example.org", new_password).status_code == 302
