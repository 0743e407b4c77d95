"""Factories for the association directory (issue #21, directory part)."""

from sandbox.testing.factories import PageFactory


class DirectoryPageFactory(PageFactory):
    """A published directory page; pass ``parent=<page>``."""

    class Meta:
        model = "capacity_lms.DirectoryPage"

    title = "Associations"
    slug = "associations"
