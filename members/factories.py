"""factory_boy factories for users, kibbutzim and their memberships, for tests.

factory_boy is a development dependency: nothing the site runs imports this module."""

import factory
from django.contrib.auth.models import Group

from core.groups import MEMBER_KIBBUTZIM

from .models import Kibbutz, Membership, User

PASSWORD = "a-long-pass-2026"  # noqa: S105 (test users only)


class UserFactory(factory.django.DjangoModelFactory):
    """A user whose login name is the email address, as for everyone on the site, with the
    password PASSWORD; `groups=[name, ...]` for the groups (by name) to be in."""

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    username = factory.LazyAttribute(lambda user: user.email)
    first_name = factory.Sequence(lambda n: f"משתמש {n}")
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(*(Group.objects.get(name=name) for name in extracted))


class KibbutzFactory(factory.django.DjangoModelFactory):
    name_he = factory.Sequence(lambda n: f"קיבוץ {n}")
    name_en = factory.Sequence(lambda n: f"Kibbutz {n}")
    region = Kibbutz.Region.NORTH

    class Meta:
        model = Kibbutz


class MembershipFactory(factory.django.DjangoModelFactory):
    """A kibbutz's secretary, in the Member kibbutzim group."""

    user = factory.SubFactory(UserFactory, groups=[MEMBER_KIBBUTZIM])
    kibbutz = factory.SubFactory(KibbutzFactory)
    role = Membership.Role.SECRETARY

    class Meta:
        model = Membership
