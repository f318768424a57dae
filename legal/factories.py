"""factory_boy factories for legal requests, for tests. A request is a kibbutz's and counsel
are users: the caller gives them (members/factories.py makes both)."""

import factory
import wagtail_factories
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from core.groups import LEGAL_COUNSEL, MEMBER_KIBBUTZIM

from .models import CounselContact, LegalRequest, LegalRequestPage, Topic
from .records import random_reference


class LegalRequestPageFactory(wagtail_factories.PageFactory):
    """The request page, open only to the Member kibbutzim and Legal counsel groups, as the
    site has it."""

    title = "בקשה לייעוץ משפטי"
    slug = factory.Sequence(lambda n: f"legal-advice-{n}")

    class Meta:
        model = LegalRequestPage
        skip_postgeneration_save = True

    @factory.post_generation
    def restriction(page, create, extracted, **kwargs):
        if create:
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.set(Group.objects.filter(name__in=[MEMBER_KIBBUTZIM, LEGAL_COUNSEL]))


class LegalRequestFactory(factory.django.DjangoModelFactory):
    """A routine request on the bylaws; give its `kibbutz` (and `submitted_by`)."""

    reference = factory.LazyFunction(lambda: random_reference(timezone.localdate().year))
    topic = Topic.BYLAWS
    subject = "תיקון תקנון"
    description = "האם אפשר לתקן את התקנון באסיפה אחת?"
    phone = "050-1234567"
    privacy_acknowledged_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = LegalRequest


class CounselContactFactory(factory.django.DjangoModelFactory):
    """Counsel notified of new requests on a topic; give the `counsel` user."""

    topic = Topic.BYLAWS

    class Meta:
        model = CounselContact
