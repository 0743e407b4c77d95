from django.conf import settings
from django.contrib import messages
from django.db import models
from django.db.models import Exists, OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework.fields import Field
from rest_framework.relations import SlugRelatedField
from taggit.models import TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from capacity_lms.conf import validate_language_code
from capacity_lms.core.actions import ActionRefused, show_refusal
from capacity_lms.core.pages import PersonalPage, ReadOnlyPage, SharedPage
from capacity_lms.core.tree import children_of, live_only, view_restrictions
from capacity_lms.people.roles import trainer_choices
from capacity_lms.taxonomy.models import CapacityArea, Country, SpecializedGroup, StrategicAxis
from courses.actions import EnrolAction, LeaveAction, missing_prerequisites
from courses.catalogue import Catalogue
from courses.models.learning import GroupConcat
from courses.models.lessons import LessonPage
from courses.progress import CourseProgress


def route_to_child(parent, model, request, path_components):
    """Wagtail's ``Page.route`` to a child of one known model, in one query instead of two
    (Wagtail finds the child, then its specific page): the child specific, with its locale
    and its parent set. Any other child (an older page type left in the tree) goes Wagtail's
    way."""
    try:
        child = model.objects.select_related("locale").get(
            children_of(parent), slug=path_components[0]
        )
    except model.DoesNotExist:
        return Page.route(parent, request, path_components)
    child._cached_parent_obj = parent
    return child.route(request, path_components[1:])


class CatalogueIndexPage(SharedPage, PersonalPage, ReadOnlyPage, Page):
    """The catalogue of training modules: filters, search and each learner's status.

    Courses are its children. One catalogue per language version of the site.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    courses_per_page = models.PositiveSmallIntegerField(_("courses per page"), default=12)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    settings_panels = [*Page.settings_panels, FieldPanel("courses_per_page")]
    subpage_types = ["capacity_courses.CoursePage"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    template = "capacity_courses/catalogue_index_page.html"

    class Meta:
        verbose_name = _("course catalogue")

    def route(self, request, path_components):
        if path_components:
            return route_to_child(self, CoursePage, request, path_components)
        return super().route(request, path_components)

    def get_view_restrictions(self):
        return view_restrictions(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = Catalogue(self, request, model=CoursePage)
        return context


class TagNamesField(Field):
    """Tag names for the API, sorted in Python (Wagtail's field sorts in SQL, past a prefetch)."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class CourseTag(TaggedItemBase):
    content_object = ParentalKey(
        "capacity_courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class CoursePageForm(WagtailAdminPageForm):
    """The course editor: its trainers are chosen among trainers and programme staff."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainers" in self.fields:
            self.fields["trainers"].queryset = trainer_choices()


class CoursePageQuerySet(PageQuerySet):
    def for_country(self, country):
        """Courses open to people in ``country``: those for that country and those for all."""
        through = CoursePage.countries.through.objects.filter(coursepage_id=OuterRef("pk"))
        return self.filter(Exists(through.filter(country=country)) | ~Exists(through))

    def for_groups(self, groups):
        """Courses for any of ``groups``, and those for every group (none chosen)."""
        through = CoursePage.specialized_groups.through.objects.filter(
            coursepage_id=OuterRef("pk")
        )
        return self.filter(Exists(through.filter(specializedgroup__in=groups)) | ~Exists(through))

    def with_country_codes(self):
        """Annotate ``country_codes``, the comma-separated codes, instead of a prefetch."""
        codes = (
            CoursePage.countries.through.objects.filter(coursepage_id=OuterRef("pk"))
            .order_by()
            .values("coursepage_id")
            .annotate(codes=GroupConcat("country__code"))
            .values("codes")
        )
        return self.annotate(country_codes=Subquery(codes, output_field=models.CharField()))

    def without_own_restriction(self):
        """Exclude courses that carry a view restriction themselves, in the same query.

        Restrictions above a course (on its catalogue or higher) are enforced when that page
        is served, so a listing only needs to look at the courses' own.
        """
        from wagtail.models import PageViewRestriction

        return self.exclude(Exists(PageViewRestriction.objects.filter(page_id=OuterRef("pk"))))

    def for_listing(self):
        """What a catalogue card shows, in a number of queries independent of the count."""
        return (
            self.select_related("strategic_axis", "cover_image", "locale")
            .with_country_codes()
            .defer_streamfields()
        )


CoursePageManager = PageManager.from_queryset(CoursePageQuerySet)


class CoursePage(SharedPage, PersonalPage, Page):
    """A training module: what it teaches, to whom, where, and the lessons under it.

    Organised by strategic axis, countries (none means all) and specialized groups. Learners
    enrol in it; completing its required lessons and quizzes completes it.
    """

    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    class Format(models.TextChoices):
        ONLINE = "online", _("Online")
        BLENDED = "blended", _("Blended")
        IN_PERSON = "in_person", _("In person")

    summary = models.TextField(_("summary"), max_length=500)
    objectives = RichTextField(
        _("objectives"), blank=True, features=["bold", "italic", "ol", "ul", "link"]
    )
    strategic_axis = models.ForeignKey(
        StrategicAxis,
        verbose_name=_("strategic axis"),
        on_delete=models.PROTECT,
        related_name="courses",
    )
    countries = ParentalManyToManyField(
        Country,
        verbose_name=_("countries"),
        blank=True,
        related_name="courses",
        help_text=_("Leave empty when the module is for every country."),
    )
    specialized_groups = ParentalManyToManyField(
        SpecializedGroup, verbose_name=_("specialized groups"), blank=True, related_name="courses"
    )
    capacity_areas = ParentalManyToManyField(
        CapacityArea,
        verbose_name=_("capacity areas it strengthens"),
        blank=True,
        related_name="courses",
        help_text=_(
            "An association whose self-assessment is weak in one of these areas is recommended "
            "this module."
        ),
    )
    follow_up_months = models.PositiveSmallIntegerField(
        _("follow-up after (months)"),
        default=0,
        help_text=_(
            "Months after the certificate when its holder is asked what their association did "
            "with the training. 0: no follow-up."
        ),
    )
    language = models.CharField(
        _("teaching language"), max_length=10, help_text=_("The language the module is taught in.")
    )
    level = models.CharField(
        _("level"), max_length=16, choices=Level.choices, default=Level.BEGINNER
    )
    format = models.CharField(
        _("format"), max_length=16, choices=Format.choices, default=Format.ONLINE
    )
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=5, decimal_places=1, default=1
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisite modules"),
        symmetrical=False,
        blank=True,
        related_name="required_by",
        help_text=_("Modules a learner must complete before enrolling in this one."),
    )
    tags = ClusterTaggableManager(through=CourseTag, blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    leads_to_certificate = models.BooleanField(_("leads to a certificate"), default=False)
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainers"),
        blank=True,
        related_name="trained_courses",
        help_text=_(
            "They answer the learners and moderate the module's exchange space (every language "
            "version's trainers together)."
        ),
    )

    objects = CoursePageManager()
    base_form_class = CoursePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("strategic_axis"),
                FieldPanel("countries"),
                FieldPanel("specialized_groups"),
                FieldPanel("capacity_areas"),
                FieldPanel("tags"),
            ],
            heading=_("Who and what it is for"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("language"), FieldPanel("level"), FieldPanel("format")]),
                FieldRowPanel([FieldPanel("estimated_hours"), FieldPanel("leads_to_certificate")]),
                FieldPanel("follow_up_months"),
                FieldPanel("prerequisites"),
                FieldPanel("trainers"),
            ],
            heading=_("Organisation"),
        ),
    ]
    parent_page_types = ["capacity_courses.CatalogueIndexPage"]
    subpage_types = ["capacity_courses.LessonPage"]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields(
            "strategic_axis",
            [
                index.SearchField("name_en"),
                index.SearchField("name_fr"),
                index.SearchField("name_ar"),
            ],
        ),
        index.FilterField("strategic_axis"),
        index.FilterField("language"),
        index.FilterField("level"),
        index.FilterField("format"),
    ]
    # Taxonomy as codes (stable across languages); no countries means every country.
    api_fields = [
        APIField("summary"),
        APIField(
            "strategic_axis_code",
            serializer=SlugRelatedField(
                source="strategic_axis", slug_field="code", read_only=True
            ),
        ),
        APIField(
            "country_codes",
            serializer=SlugRelatedField(
                source="countries", slug_field="code", many=True, read_only=True
            ),
        ),
        APIField(
            "specialized_group_codes",
            serializer=SlugRelatedField(
                source="specialized_groups", slug_field="code", many=True, read_only=True
            ),
        ),
        APIField("language"),
        APIField("level"),
        APIField("format"),
        APIField("estimated_hours"),
        APIField("tags", serializer=TagNamesField(read_only=True)),
    ]
    template = "capacity_courses/course_page.html"

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self):
        super().clean()
        validate_language_code("language", self.language)

    def live_prerequisites(self):
        return live_only(self.prerequisites)

    def lessons(self, *, with_bodies=False):
        """The live lessons, in the order editors gave them in the page tree (their bodies
        left unread unless asked: the quizzes are in them)."""
        lessons = LessonPage.objects.filter(children_of(self)).live().order_by("path")
        return lessons if with_bodies else lessons.defer_streamfields()

    def route(self, request, path_components):
        if path_components:
            return route_to_child(self, LessonPage, request, path_components)
        return super().route(request, path_components)

    def get_view_restrictions(self):
        return view_restrictions(self)

    def serve(self, request, *args, **kwargs):
        """GET shows the course; POST enrols or leaves (post/redirect/get)."""
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        action = request.POST.get("action")
        try:
            if action == "enrol":
                EnrolAction(self, user=request.user).execute()
                messages.success(request, _("You are enrolled. Start with the first lesson."))
            elif action == "leave":
                LeaveAction(self, user=request.user).execute()
                messages.success(request, _("You have left this course."))
            else:
                messages.error(request, _("Unknown action."))
        except ActionRefused as error:
            show_refusal(request, error)
        return HttpResponseRedirect(self.url)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        progress = CourseProgress.for_course(self, request)
        context["progress"] = progress
        context["missing_prerequisites"] = (
            missing_prerequisites(request.user, self)
            if request.user.is_authenticated and not progress.is_enrolled
            else []
        )
        return context
