"""factory_boy factories for the newsletter, for tests.

factory_boy and wagtail-factories are development dependencies: nothing the site runs (the
seed included) imports this module."""

import factory
import wagtail_factories
from django.utils import timezone

from .models import NewsletterIndexPage, NewsletterIssuePage, Subscriber


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    title = "הניוזלטר"
    slug = factory.Sequence(lambda n: f"newsletter-{n}")

    class Meta:
        model = NewsletterIndexPage


class NewsletterIssuePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"גיליון {n}")
    slug = factory.Sequence(lambda n: f"issue-{n}")
    subject = factory.LazyAttribute(lambda issue: issue.title)
    body = factory.LazyFunction(lambda: [("paragraph", "<p>שלום לחברות ולחברים.</p>")])

    class Meta:
        model = NewsletterIssuePage


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
