"""Fills the English catalog after `makemessages`: our source strings are English, so each
English entry is its own translation. Keeping the English catalog complete lets the tests
prove that no string is left untranslated in either language.

Run by `make messages`: `python -m core.i18n_catalogs`.
"""

from pathlib import Path

import polib

ENGLISH_CATALOG = Path(__file__).resolve().parent.parent / "locale/en/LC_MESSAGES/django.po"


def fill_english_catalog(path=ENGLISH_CATALOG):
    catalog = polib.pofile(str(path))
    for entry in catalog:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalog.save()


if __name__ == "__main__":
    fill_english_catalog()
