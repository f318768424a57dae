"""People, kibbutzim and HQ's users for the tests of HQ's workspace, the network and the
members' contact-people page (helpers, not fixtures: the flow's conftest has its own)."""

import datetime
import re

from django.utils import timezone

from core.groups import EDITORS, ENROLLMENT, MEMBER_KIBBUTZIM, MODERATORS
from enrollment.factories import InterestFactory, PersonFactory
from enrollment.models import Person
from members.factories import KibbutzFactory, MembershipFactory, UserFactory

LIST = "/admin/enrollment/people/"
COUNTS = "/admin/enrollment/people/counts/"
NETWORK = "/admin/enrollment/network/"
EDITED = re.compile(r'href="/admin/enrollment/people/edit/(\d+)/"')


def hq_user(**fields):
    """A member of the Enrollment group (not a superuser)."""
    return UserFactory(groups=[ENROLLMENT], **fields)


def outsiders():
    """Logged-in people who are not HQ's enrollment team."""
    return [UserFactory(groups=[EDITORS]), UserFactory(groups=[MODERATORS])]


def secretary(kibbutz):
    return MembershipFactory(kibbutz=kibbutz, user=UserFactory(groups=[MEMBER_KIBBUTZIM])).user


def kibbutz(**fields):
    return KibbutzFactory(**fields)


def person(**fields):
    # The factory's confirmed_at is its created_at, which it leaves to the model's default.
    return PersonFactory(**{"created_at": timezone.now(), **fields})


def pending(**fields):
    return person(status=Person.Status.PENDING, confirmed_at=None, **fields)


def appointed(**fields):
    return person(wants_to_be_contact=True, contact_appointed_at=timezone.now(), **fields)


def interest(name, **fields):
    return InterestFactory(name=name, **fields)


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def listed(client, query=""):
    """The pks of the people the list shows (its first page)."""
    response = client.get(f"{LIST}{query}")
    assert response.status_code == 200, response.status_code
    return {int(pk) for pk in EDITED.findall(response.content.decode())}


def many(count, kibbutzim, interests):
    """`count` confirmed people spread over `kibbutzim`, each with the `interests`."""
    people = Person.objects.bulk_create(
        PersonFactory.build(kibbutz=kibbutzim[n % len(kibbutzim)], created_at=days_ago(n % 30))
        for n in range(count)
    )
    Person.interests.through.objects.bulk_create(
        Person.interests.through(person=p, interest=i) for p in people for i in interests
    )
    return people
