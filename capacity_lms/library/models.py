"""The best-practice library: case studies that tell what worked, so others can do it again.

A :class:`LibraryIndexPage` lists its :class:`CaseStudyPage` children with filters (country,
specialized group, strategic axis, tag, year) and full-text search. A case study says who did
it, where (host country and, for solidarity-development projects, the regions of origin in
Morocco), for whom, on which axes, when, with what money and partners; the context, what was
done, the results with indicators (baseline and result), what made it work, what to avoid and
how to replicate it. Members of an association submit drafts that editors moderate through
Wagtail's workflow.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from capacity_lms.core import clock
from capacity_lms.core.pages import ReadOnlyPage, SharedPage
from capacity_lms.core.storage import get_private_storage
from capacity_lms.core.tree import live_only
from capacity_lms.core.written_language import prefetch_written_languages
from capacity_lms.library.blocks import CaseStudyMediaBlock
from capacity_lms.library.panels import SubmittedFilesPanel
from capacity_lms.people.models import Association
from capacity_lms.taxonomy.models import Country, Region, SpecializedGroup, StrategicAxis

# The fields people wrote that a case study's card shows (each labelled with its language).
CARD_FIELDS = ("title", "summary", "association_name")

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link"]


class LibraryIndexPage(SharedPage, ReadOnlyPage, Page):
    """The library of best practices: its case studies, filtered and searched."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    case_studies_per_page = models.PositiveSmallIntegerField(
        _("case studies per page"), default=12
    )
    accepts_submissions = models.BooleanField(
        _("members may submit case studies"),
        default=True,
        help_text=_("Signed-in members of an association can send a draft for the editors."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [
        *Page.settings_panels,
        FieldRowPanel([FieldPanel("case_studies_per_page"), FieldPanel("accepts_submissions")]),
    ]
    subpage_types = ["capacity_lms.CaseStudyPage"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    template = "capacity_lms/library/library_index_page.html"

    class Meta:
        verbose_name = _("best-practice library")
        verbose_name_plural = _("best-practice libraries")

    def get_context(self, request, *args, **kwargs):
        from capacity_lms.library.browsing import Library

        context = super().get_context(request, *args, **kwargs)
        context["library"] = Library(self, request, model=CaseStudyPage)
        return context


class CaseStudyTag(TaggedItemBase):
    content_object = ParentalKey(
        "capacity_lms.CaseStudyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CaseStudyPageQuerySet(PageQuerySet):
    def for_listing(self):
        """What a library card shows, in a number of queries independent of the count."""
        return self.select_related(
            "host_country", "cover_image", "association", "locale"
        ).prefetch_related("strategic_axes")


CaseStudyPageManager = PageManager.from_queryset(CaseStudyPageQuerySet)


class CaseStudyPage(SharedPage, ReadOnlyPage, Page):
    """One successful experience, told so that another association can do it again."""

    summary = models.TextField(_("summary"), max_length=600)
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_studies",
    )
    association_name = models.CharField(
        _("association (as named in the case study)"),
        max_length=255,
        blank=True,
        help_text=_("When the association is not in the programme's list."),
    )
    host_country = models.ForeignKey(
        Country,
        verbose_name=_("host country"),
        on_delete=models.PROTECT,
        related_name="case_studies",
    )
    regions_of_origin = ParentalManyToManyField(
        Region,
        verbose_name=_("regions of origin in Morocco"),
        blank=True,
        related_name="case_studies",
        help_text=_("For solidarity-development projects: the regions the project serves."),
    )
    specialized_groups = ParentalManyToManyField(
        SpecializedGroup,
        verbose_name=_("specialized groups"),
        blank=True,
        related_name="case_studies",
    )
    strategic_axes = ParentalManyToManyField(
        StrategicAxis, verbose_name=_("strategic axes"), related_name="case_studies"
    )
    tags = ClusterTaggableManager(through=CaseStudyTag, blank=True)
    card_fields = CARD_FIELDS
    started_on = models.DateField(_("started"))
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    budget_currency = models.CharField(
        _("currency"), max_length=3, default="EUR", help_text=_("ISO 4217 code, e.g. EUR, MAD.")
    )
    funders = models.TextField(_("funders"), blank=True)
    partners_host_country = models.TextField(_("partners in the host country"), blank=True)
    partners_morocco = models.TextField(_("partners in Morocco"), blank=True)
    context = RichTextField(_("the context"), features=RICH_TEXT_FEATURES)
    what_was_done = RichTextField(_("what was done"), features=RICH_TEXT_FEATURES)
    results = RichTextField(_("results"), blank=True, features=RICH_TEXT_FEATURES)
    success_factors = RichTextField(
        _("what made it work"), blank=True, features=RICH_TEXT_FEATURES
    )
    pitfalls = RichTextField(_("what to avoid"), blank=True, features=RICH_TEXT_FEATURES)
    replication = RichTextField(_("how to replicate it"), blank=True, features=RICH_TEXT_FEATURES)
    contact_name = models.CharField(_("contact person"), max_length=255, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    media = StreamField(CaseStudyMediaBlock(), verbose_name=_("documents and images"), blank=True)
    related_courses = ParentalManyToManyField(
        "capacity_courses.CoursePage",
        verbose_name=_("related training modules"),
        blank=True,
        related_name="case_studies",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="submitted_case_studies",
    )

    objects = CaseStudyPageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("association"), FieldPanel("association_name")]),
                FieldRowPanel([FieldPanel("host_country"), FieldPanel("regions_of_origin")]),
                FieldPanel("specialized_groups"),
                FieldPanel("strategic_axes"),
                FieldPanel("tags"),
            ],
            heading=_("Who, where, for whom"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("started_on"), FieldPanel("ended_on")]),
                FieldRowPanel([FieldPanel("budget"), FieldPanel("budget_currency")]),
                FieldPanel("funders"),
                FieldRowPanel(
                    [FieldPanel("partners_host_country"), FieldPanel("partners_morocco")]
                ),
            ],
            heading=_("When, money and partners"),
        ),
        FieldPanel("context"),
        FieldPanel("what_was_done"),
        FieldPanel("results"),
        InlinePanel("indicators", heading=_("Results in figures"), label=_("indicator")),
        FieldPanel("success_factors"),
        FieldPanel("pitfalls"),
        FieldPanel("replication"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")])],
            heading=_("Contact"),
        ),
        FieldPanel("media"),
        SubmittedFilesPanel(),
        FieldPanel("related_courses"),
    ]
    parent_page_types = ["capacity_lms.LibraryIndexPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("association_name"),
        index.SearchField("context"),
        index.SearchField("what_was_done"),
        index.SearchField("results"),
        index.SearchField("success_factors"),
        index.SearchField("pitfalls"),
        index.SearchField("replication"),
        index.SearchField("funders"),
        index.SearchField("partners_host_country"),
        index.SearchField("partners_morocco"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("association", [index.SearchField("name")]),
        index.FilterField("host_country"),
        index.FilterField("started_on"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("association_display_name"),
        APIField("host_country_code"),
        APIField("region_codes"),
        APIField("specialized_group_codes"),
        APIField("strategic_axis_codes"),
        APIField("tag_names"),
        APIField("started_on"),
        APIField("ended_on"),
        APIField("budget"),
        APIField("budget_currency"),
        APIField("funders"),
        APIField("partners_host_country"),
        APIField("partners_morocco"),
        APIField("context"),
        APIField("what_was_done"),
        APIField("results"),
        APIField("indicator_rows"),
        APIField("success_factors"),
        APIField("pitfalls"),
        APIField("replication"),
    ]
    template = "capacity_lms/library/case_study_page.html"

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    @property
    def shows_association(self):
        """Whether the case study may name its association from the programme's list: only a
        verified one (a pending, refused or suspended association is never named)."""
        return bool(self.association and self.association.is_verified)

    @property
    def association_display_name(self):
        return self.association.name if self.shows_association else self.association_name

    @property
    def year(self):
        return self.started_on.year

    @property
    def host_country_code(self):
        return self.host_country.code

    @property
    def region_codes(self):
        return [region.code for region in self.regions_of_origin.all()]

    @property
    def specialized_group_codes(self):
        return [group.code for group in self.specialized_groups.all()]

    @property
    def strategic_axis_codes(self):
        return [axis.code for axis in self.strategic_axes.all()]

    @property
    def tag_names(self):
        return [tag.name for tag in self.tags.all()]

    def live_related_courses(self):
        """The related courses anyone may open: live and public. The page is the same for
        every signed-out visitor, so it never names a course behind a view restriction."""
        courses = live_only(self.related_courses)
        return courses.public() if hasattr(courses, "public") else courses

    @property
    def indicator_rows(self):
        return [
            {"indicator": row.indicator, "baseline": row.baseline, "result": row.result}
            for row in self.indicators.all()
        ]

    @cached_property
    def related_case_studies(self):
        """Up to three other live case studies sharing an axis or a tag, newest first."""
        axes = [axis.pk for axis in self.strategic_axes.all()]
        tags = [tag.pk for tag in self.tags.all()]
        related = list(
            CaseStudyPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(Q(strategic_axes__in=axes) | Q(tagged_items__tag_id__in=tags))
            .exclude(pk=self.pk)
            .distinct()
            .order_by("-first_published_at")
            .for_listing()[:3]
        )
        prefetch_written_languages(related, *CARD_FIELDS)
        return related

    def shown_attachments(self):
        """The files its submitter attached, as the page shows them: once live, those
        published (ordinary Wagtail images and documents); in an editor's preview before
        that, those still private, linked through the view that checks access."""
        rows = self.attachments.select_related("image", "document")
        if self.live:
            rows = rows.exclude(image__isnull=True, document__isnull=True)
        return list(rows)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["printable"] = request.GET.get("print") == "1"
        # Read only when the page's kept text is rendered again (``case_study_page.html``).
        context["attachments"] = SimpleLazyObject(self.shown_attachments) if self.pk else []
        return context


class CaseStudyIndicator(Orderable):
    """One result in figures: what was measured, before, and after."""

    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.CharField(_("indicator"), max_length=255)
    baseline = models.CharField(_("baseline"), max_length=100, blank=True)
    result = models.CharField(_("result"), max_length=100)

    panels = [
        FieldRowPanel([FieldPanel("indicator"), FieldPanel("baseline"), FieldPanel("result")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.indicator


class CaseStudyAttachmentQuerySet(models.QuerySet):
    def pending(self):
        """Attachments still in private storage (their case study never published)."""
        return self.filter(image__isnull=True, document__isnull=True).exclude(file="")


class CaseStudyAttachment(models.Model):
    """A file a member attached to the case study they submitted.

    Until the case study is first published the file stays in private storage (no URL serves
    it) and only the submitter and those who may edit or publish the page download it, through
    a view that checks; publishing promotes it to an ordinary Wagtail image or document
    (``image`` or ``document``), shown with the case study, and the private copy goes.
    Declining the submission, or erasing the submitter's data, deletes the page, these rows
    and their files.
    """

    page = models.ForeignKey(
        CaseStudyPage,
        verbose_name=_("case study"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(
        _("file"),
        storage=get_private_storage,
        upload_to="case-study-attachments/%Y/%m/",
        max_length=255,
        blank=True,
    )
    name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("type"), max_length=20)
    is_image = models.BooleanField(_("image"), default=False)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    description = models.CharField(_("description"), max_length=255, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("published image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("published document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=clock.now, editable=False)

    objects = CaseStudyAttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("capacity_lms:case_study_attachment", args=[self.pk, self.name])

    @property
    def is_pending(self):
        return bool(self.file) and self.image_id is None and self.document_id is None
