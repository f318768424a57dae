"""`make run` ends by making sure a local admin exists and saying how to log in."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from core.management.commands import ensure_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def credentials_file(tmp_path, monkeypatch, settings):
    settings.DEBUG = True
    path = tmp_path / "admin-password.txt"
    monkeypatch.setattr(ensure_admin, "CREDENTIALS_FILE", path)
    return path


def _run():
    out = StringIO()
    call_command("ensure_admin", "--url", "http://127.0.0.1:9000/admin/", stdout=out)
    return out.getvalue()


def test_creates_an_admin_once_and_prints_a_working_login(credentials_file):
    first = _run()
    password = credentials_file.read_text()
    assert f"user: admin  password: {password}" in first
    assert "http://127.0.0.1:9000/admin/" in first
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password)
    assert oct(credentials_file.stat().st_mode)[-3:] == "600"
    assert _run() == first, "a second run reuses the same account and password"


def test_an_existing_admin_is_left_alone(credentials_file, django_user_model):
    django_user_model.objects.create_superuser("admin", "a@example.org", "chosen-by-hand-1")
    assert "changepassword admin" in _run()
    assert get_user_model().objects.get(username="admin").check_password("chosen-by-hand-1")


def test_refuses_outside_development(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="local development only"):
        call_command("ensure_admin")
