"""People and a request for the legal tests: two kibbutzim, a member of each, an editor,
a moderator (HQ), a counsel user, and a request of kibbutz A with one PDF."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.factories import translate
from core.groups import EDITORS, LEGAL_COUNSEL, MEMBER_KIBBUTZIM, MODERATORS
from legal.factories import LegalRequestPageFactory
from legal.models import LegalRequest
from members.factories import KibbutzFactory, MembershipFactory, UserFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="contract.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _user(name, group):
    return UserFactory(username=name, email=f"{name}@example.org", groups=[group])


@pytest.fixture
def kibbutz_a(db):
    return KibbutzFactory(name_he="קיבוץ א", name_en="Kibbutz A")


@pytest.fixture
def kibbutz_b(db):
    return KibbutzFactory(name_he="קיבוץ ב", name_en="Kibbutz B", region="south")


@pytest.fixture
def member_a(kibbutz_a):
    return MembershipFactory(user=_user("member-a", MEMBER_KIBBUTZIM), kibbutz=kibbutz_a).user


@pytest.fixture
def member_b(kibbutz_b):
    return MembershipFactory(user=_user("member-b", MEMBER_KIBBUTZIM), kibbutz=kibbutz_b).user


@pytest.fixture
def editor(db):
    return _user("editor", EDITORS)


@pytest.fixture
def moderator(db):
    return _user("moderator", MODERATORS)


@pytest.fixture
def counsel(db):
    return _user("counsel", LEGAL_COUNSEL)


@pytest.fixture
def request_page(home, english):
    """The request page, and its English translation."""
    page = LegalRequestPageFactory(parent=home)
    translate(page, english, title="Request for legal advice")
    return page


def form_data(**overrides):
    return {
        "topic": "bylaws",
        "subject": "תיקון תקנון",
        "description": "האם אפשר לתקן את התקנון באסיפה אחת?",
        "urgency": "routine",
        "phone": "050-1234567",
        "privacy": "on",
    } | overrides


@pytest.fixture
def submitted(client, member_a, request_page, counsel, django_capture_on_commit_callbacks):
    """A request of kibbutz A with one PDF, submitted through the page."""
    client.force_login(member_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(request_page.url, form_data(attachments=[pdf()]))
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    return LegalRequest.objects.get()
