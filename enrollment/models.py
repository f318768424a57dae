"""The app's models: the people on HQ's list and what belongs to them (people.py), and the
join page (pages.py). The page's view works on the people, so they live apart from this
module, which only gathers them: nothing imports back into it, and no import cycle forms."""

from .pages import EnrollmentPage
from .people import (
    AgeBand,
    ConsentEvent,
    DoNotContact,
    Interest,
    KibbutzMeeting,
    Person,
    new_token,
)

__all__ = [
    "AgeBand",
    "ConsentEvent",
    "DoNotContact",
    "EnrollmentPage",
    "Interest",
    "KibbutzMeeting",
    "Person",
    "new_token",
]
