"""RSS and Atom feeds of a directory: newly verified associations, and the open offers and
needs of verified associations. Public fields only (:class:`PublicProfile`); each item links
to the association's page in that directory (one language)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from capacity_lms.core import clock
from capacity_lms.network.models import OfferOrNeed
from capacity_lms.network.pages import DirectoryPage
from capacity_lms.network.profiles import PublicProfile, public_associations

FEED_LENGTH = 30


class DirectoryFeed(Feed):
    """What both feeds share: the directory page they belong to."""

    # Nothing of one request is kept on the feed itself (one instance serves every request):
    # the directory page fetched for the request carries its full URL, each item its link.

    def get_object(self, request, page_id):
        directory = get_object_or_404(DirectoryPage.objects.live().public(), pk=page_id)
        directory.feed_url = directory.get_full_url(request)
        return directory

    def link(self, directory):
        return directory.feed_url

    def association_link(self, directory, pk):
        return directory.feed_url + directory.reverse_subpage("association_route", args=[pk])

    def item_link(self, item):
        return item.link


class NewAssociationsRssFeed(DirectoryFeed):
    """The associations most recently verified, newest first."""

    def title(self, directory):
        return _("New associations in %(directory)s") % {"directory": directory.title}

    def description(self, directory):
        return self.title(directory)

    def items(self, directory):
        associations = (
            public_associations().for_listing().order_by("-verified_at", "-pk")[:FEED_LENGTH]
        )
        profiles = [PublicProfile.of(association) for association in associations]
        for profile in profiles:
            profile.link = self.association_link(directory, profile.pk)
        return profiles

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        return " · ".join(
            part for part in (str(item.kind_label), item.place, item.description) if part
        )

    def item_pubdate(self, item):
        return item.verified_at

    def item_categories(self, item):
        return [axis.name for axis in item.strategic_axes]


class NewAssociationsAtomFeed(NewAssociationsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, directory):
        return self.description(directory)


class OffersAndNeedsRssFeed(DirectoryFeed):
    """Open offers and needs of verified associations, newest first."""

    def title(self, directory):
        return _("Open offers and needs in %(directory)s") % {"directory": directory.title}

    def description(self, directory):
        return self.title(directory)

    def items(self, directory):
        items = list(
            OfferOrNeed.objects.open(clock.today())
            .filter(association__merged_into__isnull=True)
            .select_related("association", "strategic_axis")
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
        )
        for item in items:
            page = self.association_link(directory, item.association_id)
            item.link = f"{page}#offer-{item.pk}"
        return items

    def item_title(self, item):
        return f"{item.get_direction_display()}: {item.title}"

    def item_description(self, item):
        return item.description

    def item_pubdate(self, item):
        return item.created_at

    def item_author_name(self, item):
        return item.association.name

    def item_categories(self, item):
        categories = [str(item.get_category_display())]
        if item.strategic_axis:
            categories.append(item.strategic_axis.name)
        return categories


class OffersAndNeedsAtomFeed(OffersAndNeedsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, directory):
        return self.description(directory)
