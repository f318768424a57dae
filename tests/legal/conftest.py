"""People and a request for the legal tests: two kibbutzim, a member of each, an editor,
a counsel user, and a request of kibbutz A with one PDF."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from legal.models import LegalRequest, LegalRequestPage
from members.models import Kibbutz, Membership

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf(name="contract.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _user(django_user_model, name, group=None, kibbutz=None):
    user = django_user_model.objects.create_user(
        username=name, email=f"{name}@example.org", password="a-long-pass-2026"
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    if kibbutz:
        Membership.objects.create(user=user, kibbutz=kibbutz, role="secretary")
    return user


@pytest.fixture
def kibbutz_a(db):
    return Kibbutz.objects.create(name_he="קיבוץ א", name_en="Kibbutz A", region="north")


@pytest.fixture
def kibbutz_b(db):
    return Kibbutz.objects.create(name_he="קיבוץ ב", name_en="Kibbutz B", region="south")


@pytest.fixture
def member_a(django_user_model, kibbutz_a):
    return _user(django_user_model, "member-a", "Member kibbutzim", kibbutz_a)


@pytest.fixture
def member_b(django_user_model, kibbutz_b):
    return _user(django_user_model, "member-b", "Member kibbutzim", kibbutz_b)


@pytest.fixture
def editor(django_user_model):
    return _user(django_user_model, "editor", "Editors")


@pytest.fixture
def counsel(django_user_model):
    return _user(django_user_model, "counsel", "Legal counsel")


@pytest.fixture
def request_page(home):
    return LegalRequestPage.objects.child_of(home).get()


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
