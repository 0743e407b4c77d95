"""The certificate admin's action views: revoke, reissue, issue by hand, and issue a rule's
certificates to everyone who qualifies.

Certificates are never edited through a model form: each of these forms runs its action in
``issuing.py``, which checks ``capacity_lms.issue_certificate`` again and keeps an event with
the reason; what the action refuses comes back as the form's errors. Issuing to everyone
enqueues ``issue_certificates``, which skips those who already hold theirs, so the button may
be pressed twice.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminPageChooser

from capacity_lms.certificates.issuing import (
    IssueCertificateAction,
    ReissueCertificateAction,
    RevokeCertificateAction,
)
from capacity_lms.certificates.models import Certificate, CertificateRule, Layout
from capacity_lms.certificates.tasks import issue_certificates
from capacity_lms.core.actions import ActionRefused
from capacity_lms.workshops.models import Workshop
from courses.models import CoursePage

ISSUE_PERMISSION = "capacity_lms.issue_certificate"
ICON = "doc-full-inverse"


def may_issue(user):
    return user.has_perm(ISSUE_PERMISSION)


def certificate_url(certificate):
    return reverse("capacity_certificates:inspect", args=[certificate.pk])


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Kept with the certificate's history."),
    )


class ReissueForm(ReasonForm):
    layout = forms.ChoiceField(
        label=gettext_lazy("Languages"),
        choices=[("", gettext_lazy("The same as now")), *Layout.choices],
        required=False,
    )


class IssueForm(ReasonForm):
    person = forms.CharField(label=gettext_lazy("Username or e-mail"), max_length=254)
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"),
        queryset=CoursePage.objects.all(),
        widget=AdminPageChooser(target_models=[CoursePage]),
        required=False,
    )
    workshop = forms.ModelChoiceField(
        label=gettext_lazy("Workshop"),
        queryset=Workshop.objects.order_by("title"),
        required=False,
    )
    layout = forms.ChoiceField(
        label=gettext_lazy("Languages"),
        choices=[("", gettext_lazy("As the rule says")), *Layout.choices],
        required=False,
    )

    field_order = ["person", "course", "workshop", "layout", "reason"]

    def clean_person(self):
        value = self.cleaned_data["person"].strip()
        User = get_user_model()
        people = list(
            User.objects.filter(
                Q(**{User.USERNAME_FIELD: value}) | Q(email__iexact=value), is_active=True
            )[:2]
        )
        if len(people) != 1:
            raise forms.ValidationError(_("No single active account has this username or e-mail."))
        return people[0]

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("course")) == bool(cleaned.get("workshop")):
            raise forms.ValidationError(_("Choose either a course or a workshop."))
        return cleaned


class CertificateActionView(WagtailAdminTemplateMixin, FormView):
    """A form that runs one certificate action for someone holding ``issue_certificate``;
    what the action refuses comes back as the form's errors, and nothing is changed."""

    template_name = "capacity_lms/certificates/admin/action_form.html"
    header_icon = ICON
    form_class = forms.Form
    introduction = ""
    submit_button_label = ""

    def dispatch(self, request, *args, **kwargs):
        if not may_issue(request.user):
            return permission_denied(request)
        self.load(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def load(self, **kwargs):
        """Look up what the URL names, once the permission is known to be held."""

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("capacity_certificates:index"), "label": _("Certificates")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=self.request.path,
            introduction=self.introduction,
            submit_button_label=self.submit_button_label,
            submit_button_active_label=self.submit_button_label,
            media=context["form"].media,
        )
        return context

    def form_valid(self, form):
        try:
            return self.run(form.cleaned_data)
        except ActionRefused as refused:
            for message in refused.messages:
                form.add_error(None, message)
            return self.form_invalid(form)

    def run(self, data):
        raise NotImplementedError


class OneCertificateMixin:
    def load(self, **kwargs):
        self.certificate = get_object_or_404(Certificate.objects.for_listing(), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return self.certificate.reference

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificate"] = self.certificate
        return context


class RevokeView(OneCertificateMixin, CertificateActionView):
    form_class = ReasonForm
    page_title = gettext_lazy("Revoke a certificate")
    submit_button_label = gettext_lazy("Revoke")
    introduction = gettext_lazy(
        "The certificate stays on record; its verification page will say it is revoked."
    )

    def run(self, data):
        RevokeCertificateAction(
            self.certificate, user=self.request.user, reason=data["reason"]
        ).execute()
        messages.success(
            self.request,
            _("Certificate %(reference)s is revoked.") % {"reference": self.certificate.reference},
        )
        return redirect(certificate_url(self.certificate))


class ReissueView(OneCertificateMixin, CertificateActionView):
    form_class = ReissueForm
    page_title = gettext_lazy("Reissue a certificate")
    submit_button_label = gettext_lazy("Reissue")
    introduction = gettext_lazy(
        "A new certificate replaces this one, with a new code and the holder's name and the "
        "title as they are now; the dates stay. The old one will verify as replaced."
    )

    def run(self, data):
        new = ReissueCertificateAction(
            self.certificate,
            user=self.request.user,
            reason=data["reason"],
            layout=data["layout"] or None,
        ).execute()
        messages.success(
            self.request,
            _("Certificate %(old)s is replaced by %(new)s.")
            % {"old": self.certificate.reference, "new": new.reference},
        )
        return redirect(certificate_url(new))


class IssueByHandView(CertificateActionView):
    form_class = IssueForm
    page_title = gettext_lazy("Issue a certificate by hand")
    submit_button_label = gettext_lazy("Issue")
    introduction = gettext_lazy(
        "Issue a course's or a workshop's certificate to one person, whether or not they meet "
        "its rule. The reason is kept with the certificate."
    )

    def run(self, data):
        person = data["person"]
        certificate, created = IssueCertificateAction(
            person,
            user=self.request.user,
            subject=data["course"] or data["workshop"],
            reason=data["reason"],
            layout=data["layout"] or None,
        ).execute()
        button = messages.button(certificate_url(certificate), _("Show it"))
        if created:
            messages.success(
                self.request,
                _("Certificate %(reference)s is issued to %(person)s.")
                % {"reference": certificate.reference, "person": person},
                buttons=[button],
            )
        else:
            messages.warning(
                self.request,
                _("%(person)s already holds a valid certificate for this: %(reference)s.")
                % {"reference": certificate.reference, "person": person},
                buttons=[button],
            )
        return redirect(certificate_url(certificate))


class IssueToEveryoneView(CertificateActionView):
    page_title = gettext_lazy("Issue to everyone who qualifies")
    submit_button_label = gettext_lazy("Issue the certificates")
    introduction = gettext_lazy(
        "Everyone who meets this rule and has never held its certificate receives one, "
        "by e-mail too. Those who already hold theirs are left as they are, so running this "
        "again is harmless."
    )

    def load(self, **kwargs):
        self.rule = get_object_or_404(
            CertificateRule.objects.select_related("course", "workshop"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.rule)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("capacity_certificate_rules:index"), "label": _("Certificate rules")},
            {"url": "", "label": self.get_page_title()},
        ]

    def run(self, data):
        rule_id = self.rule.pk
        transaction.on_commit(lambda: issue_certificates.enqueue(rule_id))
        messages.success(
            self.request,
            _("The certificates of %(subject)s are being issued.") % {"subject": self.rule},
        )
        return redirect("capacity_certificate_rules:index")
