"""Model fields that recur across the apps."""

from django.db import models


def content_link(model, verbose_name, *, required=False, **options):
    """A link to a page, image or document that outlives its target: deleting the target
    empties the link and never deletes the row that holds it. The form may leave it empty
    unless `required`; the column is nullable either way."""
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        null=True,
        blank=not required,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )
