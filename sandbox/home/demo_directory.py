"""The sandbox's association directory: one page under the home page of each language,
translations of one another. It lists whatever verified associations the demo data holds
(``demo_network.py`` writes them). Idempotent."""

from sandbox.home.demo_training import ensure_index_pages
from sandbox.testing.directory_factories import DirectoryPageFactory

DIRECTORY = {
    "en": (
        "Association directory",
        "<p>Associations of Moroccans living abroad and local associations in Morocco, "
        "verified by the programme: find partners by country, region, axis or group.</p>",
    ),
    "fr": (
        "Annuaire des associations",
        "<p>Associations de Marocains du monde et associations locales au Maroc, vérifiées par "
        "le programme : trouvez des partenaires par pays, région, axe ou groupe.</p>",
    ),
    "ar": (
        "دليل الجمعيات",
        "<p>جمعيات مغاربة العالم والجمعيات المحلية بالمغرب، التي تحقق منها البرنامج: ابحثوا "
        "عن شركاء حسب البلد أو الجهة أو المحور أو الفئة.</p>",
    ),
}


def load_directory():
    """The directory pages (en, fr, ar); returns their count for the summary."""
    from capacity_lms.network.pages import DirectoryPage

    pages = ensure_index_pages(DirectoryPage, DirectoryPageFactory, DIRECTORY, "associations")
    return {"directory pages": len(pages)}
