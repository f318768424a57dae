"""factory_boy factories for people who joined, volunteering areas and meetings, for tests
and benchmarks. The kibbutz is given by the caller (members' KibbutzFactory): this app
imports no other feature app.

factory_boy is a development dependency: nothing the site runs imports this module."""

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Locale

from .models import AgeBand, EnrollmentPage, Interest, KibbutzMeeting, Person


class InterestFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"תחום {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Interest


class PersonFactory(factory.django.DjangoModelFactory):
    """A confirmed person; `status=Person.Status.PENDING` for one who has not confirmed."""

    first_name = factory.Sequence(lambda n: f"שם {n}")
    last_name = "ישראלי"
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = factory.Sequence(lambda n: f"+97250{n % 10_000_000:07d}")
    age_band = AgeBand.FROM_30
    status = Person.Status.CONFIRMED
    created_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyAttribute(lambda person: person.created_at)

    class Meta:
        model = Person
        skip_postgeneration_save = True

    @factory.post_generation
    def interests(person, create, extracted, **kwargs):
        if create and extracted:
            person.interests.add(*extracted)


class KibbutzMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KibbutzMeeting


class EnrollmentPageFactory(wagtail_factories.PageFactory):
    """A join page; give its `parent` (a home page)."""

    title = "הצטרפות לתנועה"
    slug = factory.Sequence(lambda n: f"join-{n}")
    body = "<p>ספרו לנו מי אתם.</p>"
    thank_you_text = "<p>תודה שהצטרפתם!</p>"

    class Meta:
        model = EnrollmentPage
