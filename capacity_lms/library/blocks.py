"""The documents and images a case study carries."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(label=_("description"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "capacity_lms/library/blocks/document.html"


class CaseStudyMediaBlock(blocks.StreamBlock):
    image = ImageBlock(label=_("Image"))
    document = DocumentBlock()

    class Meta:
        block_counts = {}
