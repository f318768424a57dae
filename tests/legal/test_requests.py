"""Submitting a request, what is refused, who is told what, counsel's work on it, and the
end of its retention."""

import datetime
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from core.groups import LEGAL_COUNSEL
from legal import submission
from legal.factories import CounselContactFactory
from legal.models import AuditEntry, LegalRequest, Message, Notice
from legal.retention import purge
from legal.uploads import clean_name

from .conftest import PDF, form_data, pdf

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_a_request_is_stored_with_a_reference_and_its_files(submitted, member_a, kibbutz_a):
    year = timezone.now().year
    assert re.fullmatch(rf"LR-{year}-[2-9A-HJ-NP-Z]{{6}}", submitted.reference)
    assert (submitted.kibbutz, submitted.submitted_by, submitted.status) == (
        kibbutz_a,
        member_a,
        "new",
    )
    (attachment,) = submitted.attachments.all()
    assert (attachment.name, attachment.content_type, attachment.size) == (
        "contract.pdf",
        "application/pdf",
        len(PDF),
    )
    assert "contract" not in attachment.file.name, "stored under a random name"


def test_references_do_not_count_the_requests(client, member_a, request_page, counsel):
    """Random, so that nobody learns from theirs how many requests the association gets."""
    client.force_login(member_a)
    for _ in range(3):
        client.post(request_page.url, form_data())
    references = list(LegalRequest.objects.order_by("pk").values_list("reference", flat=True))
    year = timezone.localdate().year
    assert all(re.fullmatch(rf"LR-{year}-[2-9A-HJ-NP-Z]{{6}}", r) for r in references)
    codes = [r.rsplit("-", 1)[1] for r in references]
    assert not any(code.isdigit() for code in codes), references
    assert len(set(references)) == 3


def test_a_taken_reference_is_drawn_again(client, member_a, request_page, counsel, monkeypatch):
    year = timezone.localdate().year
    drawn = iter([f"LR-{year}-AAAAAA", f"LR-{year}-AAAAAA", f"LR-{year}-BBBBBB"])
    monkeypatch.setattr(submission, "random_reference", lambda year: next(drawn))
    client.force_login(member_a)
    for _ in range(2):
        assert client.post(request_page.url, form_data()).status_code == 302
    references = LegalRequest.objects.order_by("pk").values_list("reference", flat=True)
    assert list(references) == [f"LR-{year}-AAAAAA", f"LR-{year}-BBBBBB"]


def test_counsel_and_the_submitter_are_told_without_any_content(submitted, counsel, member_a):
    by_recipient = {message.to[0]: message for message in mail.outbox}
    notice = by_recipient[counsel.email]
    receipt = by_recipient[member_a.email]
    for message in (notice, receipt):
        assert submitted.reference in message.subject
        assert submitted.subject not in message.subject + message.body
        assert submitted.description not in message.body
        assert not message.attachments
    assert f"http://testserver/admin/legal/{submitted.public_id}/" in notice.body
    assert "התקנון" not in notice.body
    assert f"http://testserver/account/requests/{submitted.public_id}/" in receipt.body


def test_a_mail_failure_keeps_the_request_and_the_notice_is_retried(
    client, member_a, request_page, counsel, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.legal.failing_mail.EmailBackend"
    client.force_login(member_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(request_page.url, form_data())
    assert response.status_code == 302
    legal_request = LegalRequest.objects.get()
    pending = Notice.objects.filter(request=legal_request, sent_at__isnull=True)
    assert pending.count() == 2 and {n.attempts for n in pending} == {1}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_legal_notices", verbosity=0)
    assert not pending.all().exists()
    assert len(mail.outbox) == 2


def test_counsel_routing_follows_the_topic(client, member_a, request_page, django_user_model):
    group = Group.objects.get(name=LEGAL_COUNSEL)
    tax = django_user_model.objects.create_user("tax", "tax@example.org")
    other = django_user_model.objects.create_user("other", "other@example.org")
    for user in (tax, other):
        user.groups.add(group)
    CounselContactFactory(topic="tax", counsel=tax)
    CounselContactFactory(topic="other", counsel=other)
    client.force_login(member_a)
    client.post(request_page.url, form_data(topic="tax"))
    client.post(request_page.url, form_data(topic="land"))
    tax_notice, land_notice = Notice.objects.filter(kind="new_request").order_by("pk")
    assert (tax_notice.to, land_notice.to) == ("tax@example.org", "other@example.org")


def _docx(parts=("[Content_Types].xml", "word/document.xml")):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in parts:
            archive.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([pdf(f"f{n}.pdf") for n in range(6)], "at most 5"),
        ([pdf("big.pdf", PDF + b"0" * (10 * 1024 * 1024))], "larger than 10 MB"),
        ([pdf(f"part{n}.pdf", PDF + b"0" * (9 * 1024 * 1024)) for n in range(3)], "25 MB"),
        ([pdf("page.pdf", b"<html><script>alert(1)</script></html>")], "not really a PDF"),
        ([pdf("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00")], "not really a PDF"),
        ([pdf("tool.exe", b"MZ\x90\x00")], "only PDF"),
        ([pdf("page.html", b"<html></html>")], "only PDF"),
        ([pdf("letter.docx", _docx(parts=("readme.txt",)))], "not really a DOCX"),
        ([pdf("photo.png", b"\xff\xd8\xff\xe0 a jpeg")], "not really a PNG"),
    ],
)
def test_upload_abuse_is_refused_and_the_rest_of_the_input_kept(
    client, member_a, request_page, counsel, files, message, english
):
    client.force_login(member_a)
    response = client.post(
        request_page.get_translation(english).url, form_data(subject="Keep me", attachments=files)
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'value="Keep me"' in page, "the member's other input is kept"
    assert not LegalRequest.objects.exists()


def test_real_office_files_and_images_are_accepted(client, member_a, request_page, counsel):
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    files = [
        pdf("a.docx", _docx()),
        pdf("b.odt", odt.getvalue()),
        pdf("c.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20),
        pdf("d.JPG", b"\xff\xd8\xff\xe0" + b"0" * 20),
    ]
    client.force_login(member_a)
    assert client.post(request_page.url, form_data(attachments=files)).status_code == 302
    names = sorted(LegalRequest.objects.get().attachments.values_list("name", flat=True))
    assert names == ["a.docx", "b.odt", "c.png", "d.jpg"]


@pytest.mark.parametrize(
    ("name", "clean"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\x\\חוזה.pdf", "חוזה.pdf"),
        ("evil\u202egnp.pdf", "evilgnp.pdf"),
        ("line\r\nbreak.pdf", "linebreak.pdf"),
        ("...hidden.pdf", "hidden.pdf"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
    ],
)
def test_file_names_are_cleaned(name, clean):
    assert clean_name(name) == clean


def test_bad_fields_are_refused(client, member_a, request_page, counsel):
    client.force_login(member_a)
    for bad in (
        {"phone": "call me"},
        {"subject": ""},
        {"subject": "x" * 201},
        {"description": "x" * 10001},
        {"topic": "smuggling"},
        {"privacy": ""},
    ):
        response = client.post(request_page.url, form_data(**bad))
        assert response.status_code == 400, bad
    assert not LegalRequest.objects.exists()


def test_csrf_is_enforced(member_a, request_page, counsel):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member_a)
    assert client.post(request_page.url, form_data()).status_code == 403
    assert not LegalRequest.objects.exists()


def test_stored_xss_is_escaped_everywhere(
    client, member_a, counsel, request_page, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            request_page.url,
            form_data(subject=XSS, description=XSS, attachments=[pdf(XSS + ".pdf")]),
        )
    legal_request = LegalRequest.objects.get()
    pages = [
        client.get("/account/requests/").content.decode(),
        client.get(f"/account/requests/{legal_request.public_id}/").content.decode(),
    ]
    client.force_login(counsel)
    pages.append(client.get("/admin/legal/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/legal/{legal_request.public_id}/", {"reply": XSS, "note": XSS})
    pages.append(client.get(f"/admin/legal/{legal_request.public_id}/").content.decode())
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;" in page
    for message in mail.outbox:
        assert "<script>" not in message.body and "<script>" not in message.subject


def test_cr_lf_never_reaches_an_email_header(
    client, member_a, request_page, counsel, django_capture_on_commit_callbacks
):
    client.force_login(member_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(request_page.url, form_data(subject="x\r\nBcc: victim@example.org"))
    assert mail.outbox
    for message in mail.outbox:
        raw = message.message().as_string()
        assert "victim" not in raw
        assert "\n" not in message.subject


def test_counsel_works_a_request_to_an_answer(
    client, submitted, counsel, member_a, django_capture_on_commit_callbacks
):
    client.force_login(counsel)
    url = f"/admin/legal/{submitted.public_id}/"
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url, {"assigned_to": counsel.pk, "status": "in_progress", "note": "לבדוק את הסעיף"}
        )
        client.post(
            url,
            {"status": "answered", "reply": "התשובה: כן, באסיפה אחת.", "assigned_to": counsel.pk},
        )
    submitted.refresh_from_db()
    assert (submitted.status, submitted.assigned_to) == ("answered", counsel)
    actions = set(submitted.audit.values_list("action", flat=True))
    assert {"status", "assigned", "note", "reply"} <= actions
    assert {m.to[0] for m in mail.outbox} == {member_a.email}, "the kibbutz is told"
    assert all("התשובה" not in m.body for m in mail.outbox), "without the content"
    client.force_login(member_a)
    page = client.get(f"/account/requests/{submitted.public_id}/").content.decode()
    assert "התשובה: כן, באסיפה אחת." in page
    assert "לבדוק את הסעיף" not in page, "internal notes stay internal"


def test_retention_deletes_closed_requests_and_their_files(
    submitted, settings, django_capture_on_commit_callbacks
):
    path = Path(submitted.attachments.get().file.path)
    assert path.exists()
    old = timezone.now() - datetime.timedelta(days=settings.LEGAL_RETENTION_DAYS + 1)
    LegalRequest.objects.filter(pk=submitted.pk).update(status="closed", closed_at=old)
    with django_capture_on_commit_callbacks(execute=True):
        assert purge() == [submitted.reference]
    assert not LegalRequest.objects.exists()
    assert not Message.objects.exists()
    assert not path.exists()
    entry = AuditEntry.objects.get(action="purged")
    assert (entry.reference, entry.request) == (submitted.reference, None)


def test_retention_keeps_open_and_recently_closed_requests(submitted, settings):
    recent = timezone.now() - datetime.timedelta(days=30)
    LegalRequest.objects.filter(pk=submitted.pk).update(status="closed", closed_at=recent)
    assert purge() == []
    LegalRequest.objects.filter(pk=submitted.pk).update(
        status="answered", created_at=timezone.now() - datetime.timedelta(days=9 * 365)
    )
    assert purge() == []
    assert LegalRequest.objects.exists()
