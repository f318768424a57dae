from django.contrib.auth import get_user_model
from django.db.migrations.loader import MigrationLoader

from members.models import User


def test_the_project_user_model_is_ours():
    assert get_user_model() is User


def test_custom_user_exists_from_the_first_migration():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    first = loader.get_migration("members", "0001_initial")
    assert first.initial
    assert any(getattr(op, "name", None) == "User" for op in first.operations)
