from .campaigns import Campaign, Delivery, ProviderEvent
from .pages import NewsletterIndexPage, NewsletterIssuePage
from .subscribers import (
    CONSENT_VERSION,
    ConsentEvent,
    Subscriber,
    Suppression,
    email_hash,
    new_token,
)

__all__ = [
    "CONSENT_VERSION",
    "Campaign",
    "ConsentEvent",
    "Delivery",
    "NewsletterIndexPage",
    "NewsletterIssuePage",
    "ProviderEvent",
    "Subscriber",
    "Suppression",
    "email_hash",
    "new_token",
]
