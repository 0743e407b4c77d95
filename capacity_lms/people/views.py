"""Admin screens for associations, memberships and learner profiles."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from capacity_lms.conf import get_languages

from .models import PUBLISHABLE_FIELDS, Association, LearnerProfile, Membership


class AssociationFilterSet(WagtailFilterSet):
    class Meta:
        model = Association
        fields = [
            "kind",
            "verification_status",
            "host_country",
            "region",
            "strategic_axes",
            "specialized_groups",
        ]


class AssociationForm(WagtailAdminModelForm):
    """The consent to publish as one box per publishable field, not as JSON."""

    published_fields = forms.MultipleChoiceField(
        label=_("Fields the association agreed to publish"),
        choices=[(name, name.replace("_", " ")) for name in PUBLISHABLE_FIELDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Name, kind and place are shown once verified; contact person, e-mail and "
            "telephone never are."
        ),
    )


class AssociationViewSet(SnippetViewSet):
    """Both kinds of association; the verification state changes through actions only (the
    network domain's admin adds them), so it is not a field of this form."""

    model = Association
    icon = "home"
    menu_label = _("Associations")
    list_display = ["name", "kind", "host_country", "region", "city", "verification_status"]
    filterset_class = AssociationFilterSet
    list_export = [
        "name",
        "name_ar",
        "kind",
        "host_country",
        "city",
        "region",
        "province",
        "commune",
        "registration_number",
        "verification_status",
        "contact_name",
        "contact_email",
        "contact_phone",
        "website",
        "created_at",
    ]
    export_filename = "associations"
    edit_handler = ObjectList(
        [
            FieldPanel("kind"),
            FieldRowPanel([FieldPanel("name"), FieldPanel("name_ar")]),
            FieldPanel("registration_number"),
            MultiFieldPanel(
                [FieldPanel("host_country"), FieldPanel("city")],
                heading=_("Association of Moroccans living abroad"),
            ),
            MultiFieldPanel(
                [FieldPanel("region"), FieldPanel("province"), FieldPanel("commune")],
                heading=_("Local association in Morocco"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("description_en"),
                    FieldPanel("description_fr"),
                    FieldPanel("description_ar"),
                ],
                heading=_("Description"),
            ),
            FieldPanel("specialized_groups", widget=forms.CheckboxSelectMultiple),
            FieldPanel("strategic_axes", widget=forms.CheckboxSelectMultiple),
            FieldPanel("regions_of_origin", widget=forms.CheckboxSelectMultiple),
            FieldRowPanel(
                [FieldPanel("founding_year"), FieldPanel("size_bracket"), FieldPanel("languages")]
            ),
            FieldPanel("website"),
            FieldPanel("social_links"),
            FieldPanel("logo"),
            MultiFieldPanel(
                [
                    FieldPanel("contact_name"),
                    FieldPanel("contact_email"),
                    FieldPanel("contact_phone"),
                ],
                heading=_("Contact (never shown outside the admin)"),
            ),
            FieldPanel("published_fields"),
        ],
        base_form_class=AssociationForm,
    )

    def get_queryset(self, request):
        return Association.objects.select_related("host_country", "region")


class PersonDataChooserMixin:
    """Wagtail's snippet choosers only ask for admin access; rows that name people are shown
    to those with a permission on the model (see docs/security.md)."""

    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(self.model_class)
        if not policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PersonDataChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = type(
        "PersonDataChooseView", (PersonDataChooserMixin, chooser.ChooseView), {}
    )
    choose_results_view_class = type(
        "PersonDataChooseResultsView", (PersonDataChooserMixin, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type(
        "PersonDataChosenView", (PersonDataChooserMixin, chooser.SnippetChosenView), {}
    )
    chosen_multiple_view_class = type(
        "PersonDataChosenMultipleView",
        (PersonDataChooserMixin, chooser.SnippetChosenMultipleView),
        {},
    )
    create_view_class = type(
        "PersonDataCreateView", (PersonDataChooserMixin, chooser.SnippetCreateView), {}
    )


class MembershipViewSet(SnippetViewSet):
    model = Membership
    chooser_viewset_class = PersonDataChooserViewSet
    icon = "user"
    menu_label = _("Memberships")
    list_display = ["user", "association", "role", "joined_on"]
    list_filter = ["role", "association__host_country"]
    search_fields = ["association__name", "user__username", "user__email"]
    list_export = ["user", "association", "role", "joined_on"]
    export_filename = "memberships"
    panels = [
        FieldPanel("user"),
        FieldPanel("association"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("joined_on")]),
    ]

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "association")


class LearnerProfileForm(WagtailAdminModelForm):
    """Offers the site's languages (read per request) as the learner's preferred language."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].widget = forms.Select(
            choices=[("", "---------"), *get_languages()]
        )


class LearnerProfileViewSet(SnippetViewSet):
    model = LearnerProfile
    chooser_viewset_class = PersonDataChooserViewSet
    icon = "user"
    menu_label = _("Learner profiles")
    list_display = ["user", "country_of_residence", "preferred_language"]
    list_filter = ["country_of_residence", "preferred_language", "specialized_groups"]
    search_fields = ["user__username", "user__email"]
    list_export = ["user", "country_of_residence", "preferred_language"]
    export_filename = "learner-profiles"
    edit_handler = ObjectList(
        [
            FieldPanel("user"),
            FieldPanel("country_of_residence"),
            FieldPanel("preferred_language"),
            FieldPanel("time_zone"),
            FieldPanel("specialized_groups", widget=forms.CheckboxSelectMultiple),
        ],
        base_form_class=LearnerProfileForm,
    )

    def get_queryset(self, request):
        return LearnerProfile.objects.select_related("user", "country_of_residence")
