"""The sandbox's association directory: one page under the home page of each language,
translations of one another, titled and introduced as ``demo_content/network/directory.toml``
says. It lists whatever verified associations the demo data holds (``demo_network.py`` writes
them). Idempotent."""

from django.utils.html import escape

from sandbox.home.demo_network_content import NETWORK_DIRECTORY, load_directory_texts
from sandbox.home.demo_training import ensure_index_pages
from sandbox.testing.directory_factories import DirectoryPageFactory


def load_directory(directory=NETWORK_DIRECTORY):
    """The directory pages (en, fr, ar); returns their count for the summary."""
    from capacity_lms.network.pages import DirectoryPage

    texts = load_directory_texts(directory)
    pages = ensure_index_pages(
        DirectoryPage,
        DirectoryPageFactory,
        {
            language: (title, f"<p>{escape(texts['intro'][language])}</p>")
            for language, title in texts["title"].items()
        },
        "associations",
    )
    return {"directory pages": len(pages)}
