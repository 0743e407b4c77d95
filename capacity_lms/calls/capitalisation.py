"""Capitalisation: an approved final report becomes, in one step, a case-study draft in the
best-practice library, closing the loop from training to funding to shared experience.

The draft is written from what the programme already holds: the project (title, summary,
context, partners, budget, dates), its logical framework (activities, indicators with their
baseline) and the final report (what was done, the values reached, what made it work, what to
avoid). It is a draft (not live), owned by the staff member who made it, in the library of the
call's language; editors finish it and publish it through the library's workflow.
"""

from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug

from capacity_lms.calls import history
from capacity_lms.calls.followup import refuse_unless_staff
from capacity_lms.calls.followup_models import ProjectReport
from capacity_lms.calls.models import CallEvent
from capacity_lms.core.actions import ActionRefused, BaseAction
from capacity_lms.library.models import CaseStudyIndicator, CaseStudyPage, LibraryIndexPage
from capacity_lms.projects.budget import BudgetLine, Funding, compute
from capacity_lms.projects.models import Activity, ProjectPartner

SUMMARY_LIMIT = CaseStudyPage._meta.get_field("summary").max_length
SHORT = 100  # a case study's baseline and result hold this many characters
BUDGET_LIMIT = 10 ** (12 - 2)  # a case study's budget: 12 digits, 2 after the point


def paragraphs(text):
    """Plain text as rich-text paragraphs, every character escaped (nothing a person typed is
    ever read as markup)."""
    parts = [part.strip() for part in (text or "").replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format("<br/>".join(escape(line) for line in part.split("\n")))
        for part in parts
        if part
    )


def listing(items):
    return (
        "<ul>{}</ul>".format("".join(f"<li>{escape(item)}</li>" for item in items))
        if items
        else ""
    )


def figure_text(value, unit=""):
    if value is None:
        return ""
    text = f"{value.normalize():f}"
    return f"{text} {unit}".strip()[:SHORT]


def library_for(call, language=""):
    """The library in the project's ``language``, else in the call's, else the first one."""
    libraries = LibraryIndexPage.objects.all()
    return (
        (libraries.filter(locale__language_code=language).first() if language else None)
        or libraries.filter(locale_id=call.locale_id).first()
        or libraries.first()
    )


class DraftCaseStudyAction(BaseAction):
    """Staff turn an approved final report into a case-study draft; once per report."""

    def __init__(self, report, user=None):
        super().__init__(report, user=user)
        self.report = report

    def check(self):
        refuse_unless_staff(self.user)
        report = self.report
        if (
            report.kind != ProjectReport.Kind.FINAL
            or report.status != ProjectReport.Status.APPROVED
        ):
            raise ActionRefused(
                _("Only an approved final report can become a case study."), code="not_final"
            )
        if report.case_study_id is not None:
            raise ActionRefused(
                _("A case study was already drafted from this report."), code="twice"
            )
        self.library = library_for(report.application.call, report.application.project.language)
        if self.library is None:
            raise ActionRefused(
                _("There is no best-practice library to put the case study in."),
                code="no_library",
            )

    def execute(self):
        with transaction.atomic():
            self.report = (
                ProjectReport.objects.select_for_update()
                .select_related(
                    "application__project", "application__association", "application__call"
                )
                .get(pk=self.report.pk)
            )
            self.check()
            page = self.build_page()
            self.library.add_child(instance=page)
            page.save_revision(user=self.user, log_action=True)
            self.report.case_study = page
            self.report.save(update_fields=["case_study"])
            application = self.report.application
            history.record(
                application.call,
                CallEvent.Verb.CASE_STUDY_DRAFTED,
                actor=self.user,
                application=application,
                report=self.report.number,
                page=page.pk,
            )
        return page

    def build_page(self):
        report = self.report
        application = report.application
        project = application.project
        call = application.call
        association = application.association
        indicators = list(project.indicators.all())
        reached = {value.indicator_id: value for value in report.indicator_values.all()}
        partners = list(project.partners.select_related("association"))
        funders = list(project.other_funders.all())
        budget = compute(
            [
                BudgetLine(
                    category=line.category,
                    description=line.description,
                    unit=line.unit,
                    quantity=line.quantity,
                    unit_cost=line.unit_cost,
                    currency=line.currency,
                )
                for line in project.budget_lines.all()
            ],
            Funding(
                requested=project.requested_amount,
                own_contribution=project.own_contribution,
                others=[(funder.name, funder.amount) for funder in funders],
            ),
            currency=call.currency,
            rates=call.rates_by_currency(),
        )
        # A case study's budget column is smaller than a project's: beyond it, left empty.
        total = budget.total_cost if 0 < budget.total_cost < BUDGET_LIMIT else None
        activities = Activity.objects.filter(result__objective__project=project).order_by(
            "result__objective__order", "result__order", "order", "pk"
        )
        title = project.title
        page = CaseStudyPage(
            title=title,
            slug=find_available_slug(
                self.library, slugify(title, allow_unicode=True)[:200] or "case-study"
            ),
            live=False,
            owner=self.user,
            summary=(project.summary or project.overall_objective or title)[:SUMMARY_LIMIT],
            association=association,
            host_country_id=association.host_country_id,
            started_on=project.starts_on or application.agreement.signed_on,
            ended_on=project.ends_on,
            budget=total,
            budget_currency=call.currency,
            funders=", ".join(funder.name for funder in funders),
            partners_host_country=", ".join(
                self.partner_name(p)
                for p in partners
                if p.kind == ProjectPartner.Kind.HOST_COUNTRY
            ),
            partners_morocco=", ".join(
                self.partner_name(p) for p in partners if p.kind == ProjectPartner.Kind.TERRITORIAL
            ),
            context=paragraphs(project.context) or paragraphs(project.summary),
            what_was_done=paragraphs(report.activities_done)
            + listing([activity.text for activity in activities]),
            results=listing(
                [
                    f"{indicator.text}: {figure_text(reached[indicator.pk].value, indicator.unit)}"
                    for indicator in indicators
                    if indicator.pk in reached
                ]
            ),
            success_factors=paragraphs(report.success_factors),
            pitfalls=paragraphs(report.difficulties),
        )
        page.strategic_axes = [application.strategic_axis] if application.strategic_axis else []
        page.specialized_groups = (
            [application.specialized_group] if application.specialized_group else []
        )
        page.indicators = [
            CaseStudyIndicator(
                indicator=indicator.text[:255],
                baseline=figure_text(indicator.baseline, indicator.unit),
                result=figure_text(reached[indicator.pk].value, indicator.unit),
                sort_order=number,
            )
            for number, indicator in enumerate(indicators)
            if indicator.pk in reached
        ]
        return page

    @staticmethod
    def partner_name(partner):
        return partner.association.name if partner.association_id else partner.name
