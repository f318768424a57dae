"""Blocks of the vision page: each part of the founding text is a list that editors can
edit item by item."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from core.blocks import HeadingBlock, ParagraphBlock, QuoteBlock


class VisionItemBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Text"))
    sub_items = blocks.ListBlock(
        blocks.CharBlock(label=_("Sub-item"), max_length=300),
        label=_("Sub-items"),
        min_num=0,
        default=[],
    )

    class Meta:
        icon = "list-ul"
        label = _("Item")


class ItemListBlock(blocks.StructBlock):
    """A titled part of the vision: core values, the shared vision, roles, goals."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    introduction = blocks.TextBlock(label=_("Introduction"), required=False)
    numbered = blocks.BooleanBlock(
        label=_("Numbered list"),
        required=False,
        help_text=_("Number the items, for goals and work plans."),
    )
    items = blocks.ListBlock(VisionItemBlock(), label=_("Items"), min_num=1)
    closing = blocks.TextBlock(label=_("Closing text"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Section with items")
        template = "home/blocks/item_list.html"


class VisionStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    item_list = ItemListBlock()
    quote = QuoteBlock()
