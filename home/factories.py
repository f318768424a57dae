"""factory_boy factories for home's pages, for tests."""

import factory
import wagtail_factories

from core.factories import page_factory

from .models import ContactFormField, ContactPage, HomePage, StandardPage, VisionPage

HomePageFactory = page_factory(HomePage, "בית {n}", "home")
StandardPageFactory = page_factory(
    StandardPage,
    "עמוד {n}",
    "page",
    introduction="עמוד לדוגמה.",
    body=factory.LazyFunction(lambda: [("paragraph", "<p>פסקה לדוגמה.</p>")]),
)


def _section(heading, items):
    return {
        "heading": heading,
        "introduction": "",
        "numbered": False,
        "items": [{"text": text, "sub_items": []} for text in items],
        "closing": "",
    }


class VisionPageFactory(wagtail_factories.PageFactory):
    """A vision of two sections: `sections=[(heading, [item, ...]), ...]` for others."""

    title = factory.Sequence(lambda n: f"חזון {n}")
    slug = factory.Sequence(lambda n: f"vision-{n}")

    class Meta:
        model = VisionPage

    class Params:
        sections = (("ערכים", ["שוויון", "שותפות"]), ("דרכים", ["מפגשים"]))

    body = factory.LazyAttribute(
        lambda page: [("item_list", _section(heading, items)) for heading, items in page.sections]
    )


def _form_fields():
    return [
        ContactFormField(
            label=label, clean_name=name, field_type=kind, required=True, sort_order=order
        )
        for order, (name, label, kind) in enumerate(
            [
                ("name", "שם", "singleline"),
                ("email", "דואר אלקטרוני", "email"),
                ("message", "הודעה", "multiline"),
            ]
        )
    ]


# A contact page whose form asks for a name, an email address and a message.
ContactPageFactory = page_factory(
    ContactPage,
    "צור קשר {n}",
    "contact",
    to_address="shitufi@tkz.co.il",
    subject="פנייה מהאתר",
    thank_you_text="תודה, קיבלנו את פנייתך.",
    form_fields=factory.LazyFunction(_form_fields),
)
