"""factory_boy factories for the newsletter, for tests."""

import factory
from django.utils import timezone

from core.factories import page_factory

from .models import NewsletterIndexPage, NewsletterIssuePage, Subscriber

NewsletterIndexPageFactory = page_factory(NewsletterIndexPage, "הניוזלטר", "newsletter")
NewsletterIssuePageFactory = page_factory(
    NewsletterIssuePage,
    "גיליון {n}",
    "issue",
    subject=factory.LazyAttribute(lambda issue: issue.title),
    body=factory.LazyFunction(lambda: [("paragraph", "<p>שלום לחברות ולחברים.</p>")]),
)


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A Hebrew reader who confirmed; `status=Subscriber.Status.PENDING` for one who has not
    yet."""

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "he"
    status = Subscriber.Status.ACTIVE
    confirmed_at = factory.LazyAttribute(
        lambda subscriber: timezone.now() if subscriber.status == Subscriber.Status.ACTIVE else None
    )

    class Meta:
        model = Subscriber
