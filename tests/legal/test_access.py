"""Who may see what (ARCHITECTURE.md, "Who may see what"), in both languages: the form,
my requests, a request, an attachment and counsel's admin views, for the anonymous, a
member of kibbutz A (whose request it is), a member of kibbutz B, an editor and counsel."""

import re

import pytest
from django.test import Client
from django.urls import resolve
from wagtail.models import Locale

from core.models import SiteSettings
from legal.models import LegalRequestPage

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member_a", "member_b", "editor", "counsel"]
LOGIN = "login"  # a redirect to a login page

# page: expected answer per role (status code, or LOGIN)
MATRIX = {
    # A logged-in outsider is told whom to ask (403, members/wagtail_hooks.py), not looped
    # back to the login.
    "form": {"anonymous": LOGIN, "member_a": 200, "member_b": 200, "editor": 403, "counsel": 200},
    "my_requests": {
        "anonymous": LOGIN,
        "member_a": 200,
        "member_b": 200,
        "editor": 200,
        "counsel": 200,
    },
    "request": {"anonymous": 404, "member_a": 200, "member_b": 404, "editor": 404, "counsel": 404},
    "attachment": {
        "anonymous": 404,
        "member_a": 200,
        "member_b": 404,
        "editor": 404,
        "counsel": 404,
    },
    "admin_list": {
        "anonymous": LOGIN,
        "member_a": LOGIN,
        "member_b": LOGIN,
        "editor": 404,
        "counsel": 200,
    },
    "admin_request": {
        "anonymous": LOGIN,
        "member_a": LOGIN,
        "member_b": LOGIN,
        "editor": 404,
        "counsel": 200,
    },
    "admin_attachment": {
        "anonymous": LOGIN,
        "member_a": LOGIN,
        "member_b": LOGIN,
        "editor": 404,
        "counsel": 200,
    },
}


def _urls(submitted, request_page, prefix):
    attachment = submitted.attachments.get()
    base = f"{prefix}/account/requests/{submitted.public_id}/"
    admin = f"/admin/legal/{submitted.public_id}/"
    return {
        "form": request_page.localized.url
        if not prefix
        else request_page.get_translation_or_none(_english()).url,
        "my_requests": f"{prefix}/account/requests/",
        "request": base,
        "attachment": f"{base}files/{attachment.public_id}/",
        "admin_list": "/admin/legal/",
        "admin_request": admin,
        "admin_attachment": f"{admin}files/{attachment.public_id}/",
    }


def _english():
    return Locale.objects.get(language_code="en")


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(client, request, role, prefix, submitted, request_page, member_a):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    urls = _urls(submitted, request_page, prefix)
    for name, url in urls.items():
        response = client.get(url)
        expected = MATRIX[name][role]
        if expected == LOGIN:
            assert response.status_code == 302, (name, url, response.status_code)
            assert "login" in response.url, (name, response.url)
        else:
            assert response.status_code == expected, (name, url, role, response.status_code)
        if name in ("form", "my_requests", "request", "attachment", "admin_request") and (
            response.status_code == 200
        ):
            assert "no-store" in response["Cache-Control"], (name, "private pages are not cached")


def test_my_requests_lists_only_the_own_kibbutz(client, submitted, member_a, member_b):
    client.force_login(member_a)
    assert submitted.reference in client.get("/account/requests/").content.decode()
    client.force_login(member_b)
    assert submitted.reference not in client.get("/account/requests/").content.decode()


def test_the_attachment_download_headers(client, submitted, member_a):
    client.force_login(member_a)
    attachment = submitted.attachments.get()
    response = client.get(f"/account/requests/{submitted.public_id}/files/{attachment.public_id}/")
    assert response["Content-Disposition"] == "attachment; filename*=UTF-8''contract.pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_behind_nginx_the_file_is_sent_by_x_accel_redirect(client, submitted, member_a, settings):
    settings.PRIVATE_ACCEL_PREFIX = "/_private/"
    client.force_login(member_a)
    attachment = submitted.attachments.get()
    response = client.get(f"/account/requests/{submitted.public_id}/files/{attachment.public_id}/")
    assert response["X-Accel-Redirect"] == f"/_private/{attachment.file.name}"
    assert response.content == b""


def test_private_files_are_outside_the_public_uploads(submitted, settings):
    path = submitted.attachments.get().file.path
    assert path.startswith(str(settings.PRIVATE_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        submitted.attachments.get().file.url  # noqa: B018


def test_every_look_and_download_is_audited(client, submitted, member_a, counsel):
    attachment = submitted.attachments.get()
    client.force_login(member_a)
    client.get(f"/account/requests/{submitted.public_id}/")
    client.force_login(counsel)
    client.get(f"/admin/legal/{submitted.public_id}/")
    client.get(f"/admin/legal/{submitted.public_id}/files/{attachment.public_id}/")
    log = list(submitted.audit.order_by("at", "pk").values_list("user__username", "action"))
    assert log == [
        ("member-a", "created"),
        ("member-a", "viewed"),
        ("counsel", "viewed"),
        ("counsel", "downloaded"),
    ]


def test_editors_and_moderators_see_nothing_of_it_in_the_admin(client, submitted, editor):
    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/legal/" not in dashboard
    assert submitted.reference not in dashboard


@pytest.mark.parametrize(
    "url",
    [
        "form",
        "counsel_action",
        "/account/login/",
        "/account/password-reset/",
        "/account/two-factor/verify/",
    ],
)
def test_csrf_is_enforced_on_every_form(url, submitted, request_page, member_a, counsel):
    client = Client(enforce_csrf_checks=True)
    client.force_login(counsel if url == "counsel_action" else member_a)
    target = {
        "form": request_page.url,
        "counsel_action": f"/admin/legal/{submitted.public_id}/",
    }.get(url, url)
    response = client.post(target, {"status": "closed", "subject": "x", "username": "x"})
    assert response.status_code == 403, (url, response.status_code)
    submitted.refresh_from_db()
    assert submitted.status == "new"


def test_file_urls_carry_the_uuid_not_the_sequential_id(client, submitted, member_a, counsel):
    attachment = submitted.attachments.get()
    by_uuid = f"files/{attachment.public_id}/"
    client.force_login(member_a)
    assert by_uuid in client.get(f"/account/requests/{submitted.public_id}/").content.decode()
    by_id = f"/account/requests/{submitted.public_id}/files/{attachment.pk}/"
    assert client.get(by_id).status_code == 404
    assert resolve(by_id).view_name != "legal:download"
    client.force_login(counsel)
    assert by_uuid in client.get(f"/admin/legal/{submitted.public_id}/").content.decode()
    by_id = f"/admin/legal/{submitted.public_id}/files/{attachment.pk}/"
    assert client.get(by_id).status_code == 404
    assert resolve(by_id).view_name != "legal_admin:download"


def test_my_requests_tells_someone_without_a_kibbutz_whom_to_ask(client, editor, site):
    client.force_login(editor)
    page = client.get("/en/account/requests/").content.decode()
    assert "not linked to a member kibbutz" in page
    assert f"mailto:{SiteSettings.for_site(site).email}" in page
    assert "has not submitted a request yet" not in page


def test_my_requests_leads_to_the_form_in_the_readers_language(
    client, member_a, request_page, english
):
    client.force_login(member_a)
    for prefix, locale in (("", request_page.locale), ("/en", english)):
        page = client.get(f"{prefix}/account/requests/").content.decode()
        forms = {p.url for p in LegalRequestPage.objects.live().filter(locale=locale)}
        links = set(re.findall(r'<a class="button" href="([^"]+)"', page))
        assert links and links <= forms, (prefix, links, forms)
