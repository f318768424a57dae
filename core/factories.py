"""What the apps' factory_boy factories (`<app>/factories.py`) share, for tests.

factory_boy and wagtail-factories are development dependencies: nothing the site runs (the
seed included) imports this module or the apps' factories."""

import factory
import wagtail_factories


def page_factory(model, title, slug, **fields):
    """A factory of `model` pages titled `title` ("{n}" in it numbers them) at the addresses
    "`slug`-n", with `fields`. A factory that needs parameters or hooks is a class."""
    return factory.make_factory(
        model,
        FACTORY_CLASS=wagtail_factories.PageFactory,
        title=factory.Sequence(lambda n: title.format(n=n)),
        slug=factory.Sequence(lambda n: f"{slug}-{n}"),
        **fields,
    )


def translate(page, locale, **fields):
    """`page`'s translation into `locale`, with its own `fields` (its title in that language,
    its slug...), published. Its parent must be translated already, as in the admin."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation
