"""Seeding translations the way editors make them: through wagtail-localize, so that the
English pages stay linked to their Hebrew sources and can be synced and edited later."""

from django.core.management.base import CommandError
from wagtail.fields import StreamField
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments


def _strings(instance):
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def translate_page(source, translated, locale):
    """Publish `source`'s translation into `locale`, taking each string from `translated`:
    an unsaved page of the same type whose fields mirror the source's structure. An
    existing translation is left alone, so editors' changes survive a re-seed."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    for field in translated._meta.get_fields():
        if isinstance(field, StreamField):  # an unsaved stream has no block ids yet
            value = getattr(translated, field.name)
            setattr(translated, field.name, field.stream_block.get_prep_value(value))
    source_strings, target_strings = _strings(source), _strings(translated)
    if len(source_strings) != len(target_strings):
        raise CommandError(
            f"The translation of “{source.title}” has {len(target_strings)} strings, "
            f"the source {len(source_strings)}: their structures must match."
        )
    # The strings of one rich-text block share its path, so a path and the source text
    # together name a string.
    target_of = {
        (s.path, s.string.data): t.string.data
        for s, t in zip(source_strings, target_strings, strict=True)
    }
    translation_source, _created = TranslationSource.get_or_create_from_instance(source)
    translation, _created = Translation.objects.get_or_create(
        source=translation_source, target_locale=locale
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = target_of.get((entry.msgctxt, entry.msgid), "")
    translation.import_po(po)
    translation.save_target(publish=True)
    return source.get_translation(locale).specific


def translate_once(page, build, locale):
    """Translate `page` from `build()`, its mirror in `locale`, unless it is translated
    already (then the mirror is not even built: editors may have changed the source)."""
    if page.get_translation_or_none(locale) is None:
        translate_page(page, build(), locale)
