from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap


class TranslatedSitemap(Sitemap):
    """Wagtail's sitemap, extended to every language version of the site's pages.

    With Wagtail i18n the French and Arabic trees are translations of the site root, beside it
    rather than under it, so the stock sitemap would list the English pages only.
    """

    def items(self):
        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        trees = Q()
        for translation in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=translation.path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
