"""Refused looks leave a trace: a logged-in account answered "not found" on a request, a
file or counsel's screens is recorded (legal.refusals), HQ (the Moderators) reads the
records in the admin, and an account that keeps trying is reported to HQ by email once."""

import datetime
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from core.models import SiteSettings
from legal.models import RefusedAccess

pytestmark = pytest.mark.django_db
ELSEWHERE = {"REMOTE_ADDR": "203.0.113.7"}


def _member_url(legal_request, suffix=""):
    return f"/account/requests/{legal_request.public_id}/{suffix}"


def test_a_member_refused_another_kibbutzs_request_is_recorded(client, submitted, member_b):
    client.force_login(member_b)
    assert client.get(_member_url(submitted), **ELSEWHERE).status_code == 404
    refusal = RefusedAccess.objects.get()
    assert (refusal.user, refusal.address, refusal.method, refusal.path) == (
        member_b,
        "203.0.113.7",
        "GET",
        _member_url(submitted),
    )
    assert (refusal.request, refusal.reference) == (submitted, submitted.reference)
    assert timezone.now() - refusal.at < datetime.timedelta(minutes=1)


def test_a_request_that_does_not_exist_is_recorded_too(client, member_b):
    client.force_login(member_b)
    url = f"/en/account/requests/{uuid.uuid4()}/"
    assert client.get(url).status_code == 404
    refusal = RefusedAccess.objects.get()
    assert (refusal.user, refusal.path, refusal.request, refusal.reference) == (
        member_b,
        url,
        None,
        "",
    )


def test_a_refused_file_is_recorded(client, submitted, member_a, member_b):
    attachment = submitted.attachments.get()
    client.force_login(member_b)
    assert client.get(_member_url(submitted, f"files/{attachment.public_id}/")).status_code == 404
    # The member's own request, with a file id that is not one of its files.
    client.force_login(member_a)
    assert client.get(_member_url(submitted, f"files/{uuid.uuid4()}/")).status_code == 404
    refusals = RefusedAccess.objects.order_by("pk")
    assert [(r.user, r.request) for r in refusals] == [(member_b, submitted), (member_a, submitted)]


def test_counsels_screens_refused_to_others_are_recorded(client, submitted, editor):
    attachment = submitted.attachments.get()
    urls = [
        "/admin/legal/",
        f"/admin/legal/{submitted.public_id}/",
        f"/admin/legal/{uuid.uuid4()}/",
        f"/admin/legal/{submitted.public_id}/files/{attachment.public_id}/",
    ]
    client.force_login(editor)
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert client.post(urls[1], {"status": "closed"}).status_code == 404
    refusals = RefusedAccess.objects.order_by("pk")
    assert [(r.method, r.path, r.request) for r in refusals] == [
        ("GET", urls[0], None),
        ("GET", urls[1], submitted),
        ("GET", urls[2], None),
        ("GET", urls[3], submitted),
        ("POST", urls[1], submitted),
    ]
    assert {r.user for r in refusals} == {editor}
    submitted.refresh_from_db()
    assert submitted.status == "new"


def test_the_anonymous_and_allowed_looks_are_not_recorded(client, submitted, member_a, counsel):
    attachment = submitted.attachments.get()
    assert client.get(_member_url(submitted)).status_code == 404  # the login-needed page
    client.force_login(member_a)
    assert client.get(_member_url(submitted)).status_code == 200
    assert client.get(_member_url(submitted, f"files/{attachment.public_id}/")).status_code == 200
    client.force_login(counsel)
    assert client.get(f"/admin/legal/{submitted.public_id}/").status_code == 200
    assert not RefusedAccess.objects.exists()


def _refusal(user, at, path="/account/requests/x/"):
    return RefusedAccess.objects.create(user=user, at=at, method="GET", path=path)


def test_hq_reads_the_refusals_newest_first(client, moderator, member_b, editor):
    now = timezone.now()
    _refusal(member_b, now - datetime.timedelta(hours=2), "/older/")
    _refusal(member_b, now, "/newer/")
    client.force_login(moderator)
    page = client.get("/admin/legal-refusals/")
    assert page.status_code == 200
    content = page.content.decode()
    assert content.index("/newer/") < content.index("/older/")
    assert "member-b" in content
    assert "/admin/legal-refusals/" in client.get("/admin/").content.decode(), "in the menu"


def test_hq_filters_the_refusals_by_person_and_date(client, moderator, member_b, editor):
    now = timezone.now()
    _refusal(member_b, now, "/by-member/")
    _refusal(editor, now, "/by-editor/")
    _refusal(editor, now - datetime.timedelta(days=3), "/by-editor-before/")
    client.force_login(moderator)
    by_editor = client.get(f"/admin/legal-refusals/?user={editor.pk}").content.decode()
    assert "/by-editor/" in by_editor and "/by-editor-before/" in by_editor
    assert "/by-member/" not in by_editor
    today = timezone.localdate().isoformat()
    of_today = client.get(
        f"/admin/legal-refusals/?user={editor.pk}&at_from={today}&at_to={today}"
    ).content.decode()
    assert "/by-editor/" in of_today and "/by-editor-before/" not in of_today


@pytest.mark.parametrize("role", ["editor", "counsel", "member_b"])
def test_only_hq_reads_the_refusals(client, request, role, member_b):
    _refusal(member_b, timezone.now(), "/secret-path/")
    client.force_login(request.getfixturevalue(role))
    response = client.get("/admin/legal-refusals/", follow=True)
    assert "/secret-path/" not in response.content.decode()
    assert "/admin/legal-refusals/" not in client.get("/admin/", follow=True).content.decode()


def test_nobody_adds_changes_or_deletes_a_refusal(client, moderator, member_b, django_user_model):
    refusal = _refusal(member_b, timezone.now())
    root = django_user_model.objects.create_superuser("root", "root@example.org", "x-pass-2026")
    for user in (moderator, root):
        client.force_login(user)
        assert client.get("/admin/legal-refusals/").status_code == 200
        for url in (
            "/admin/legal-refusals/new/",
            f"/admin/legal-refusals/edit/{refusal.pk}/",
            f"/admin/legal-refusals/delete/{refusal.pk}/",
        ):
            assert client.get(url).status_code != 200, (user, url)
            client.post(url, {"method": "POST", "path": "/forged/"})
    assert RefusedAccess.objects.get().path == "/account/requests/x/"


def _knock(client, times, capture):
    """`times` refused looks at requests that do not exist; the notices' tasks run."""
    for _ in range(times):
        with capture(execute=True):
            assert client.get(f"/account/requests/{uuid.uuid4()}/").status_code == 404


def test_probing_tells_hq_once_at_the_tenth_refusal_in_an_hour(
    client, submitted, member_b, site, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    client.force_login(member_b)
    assert client.get(_member_url(submitted)).status_code == 404
    _knock(client, 8, django_capture_on_commit_callbacks)
    assert not mail.outbox, "nine refusals are not yet a probe"
    _knock(client, 1, django_capture_on_commit_callbacks)
    (notice,) = mail.outbox
    assert notice.to == [SiteSettings.for_site(site).email]
    assert member_b.email in notice.body and "10" in notice.body
    assert f"http://testserver/admin/legal-refusals/?user={member_b.pk}" in notice.body
    for content in (submitted.reference, submitted.subject, submitted.description, "contract"):
        assert content not in notice.subject + notice.body
    _knock(client, 5, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1, "not again within the hour"


def test_a_new_burst_after_the_hour_tells_hq_again(
    client, member_b, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    client.force_login(member_b)
    _knock(client, 10, django_capture_on_commit_callbacks)
    RefusedAccess.objects.update(at=timezone.now() - datetime.timedelta(hours=2))
    _knock(client, 9, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    _knock(client, 1, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2


def test_the_limit_and_window_are_settings(
    client, member_b, settings, django_capture_on_commit_callbacks
):
    settings.LEGAL_PROBE_LIMIT = 3
    settings.LEGAL_PROBE_WINDOW_SECONDS = 60
    mail.outbox.clear()
    client.force_login(member_b)
    _knock(client, 2, django_capture_on_commit_callbacks)
    RefusedAccess.objects.update(at=timezone.now() - datetime.timedelta(seconds=90))
    _knock(client, 2, django_capture_on_commit_callbacks)
    assert not mail.outbox, "the first two are outside the window"
    _knock(client, 1, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_a_mail_failure_loses_no_record_and_still_answers_404(
    client, member_b, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.legal.failing_mail.EmailBackend"
    client.force_login(member_b)
    _knock(client, 12, django_capture_on_commit_callbacks)
    assert RefusedAccess.objects.filter(user=member_b).count() == 12
