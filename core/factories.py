"""What the apps' factory_boy factories (`<app>/factories.py`) share, for tests.

Like the factories, development only: nothing the site runs imports this module."""


def translate(page, locale, **fields):
    """`page`'s translation into `locale`, with its own `fields` (its title in that language,
    its slug...), published. Its parent must be translated already, as in the admin."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation
