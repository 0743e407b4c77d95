"""The generated world's case studies: a handful, each told by a world association abroad about
the partnership it ran with a local association in Morocco, in the library of the language it
was written in (through the library's page factory, as ``demo_library`` does). Found again by
their slug, so loading twice makes nothing new."""

import datetime
from decimal import Decimal

from django.utils.html import escape

from capacity_lms.core import clock
from capacity_lms.library.models import CaseStudyIndicator, CaseStudyPage
from capacity_lms.network.models import Partnership
from sandbox.home.demo_library import ensure_libraries
from sandbox.testing.factories import CaseStudyPageFactory

# (slug, language, title, summary, tags, context, what was done, results, indicator)
STUDIES = [
    ("world-summer-school-tafraout", "en", "A summer school run from abroad",
     "Members abroad and a local association ran a three-week summer school for 60 pupils.",
     ["school support", "summer school"],
     "Pupils of the commune lost most of what they had learnt over the long summer.",
     "Volunteers abroad prepared the lessons; the local association found rooms and tutors.",
     "Fifty-two of the sixty pupils moved up a year.", ("Pupils moving up a year", 31, 52)),
    ("world-solar-pumps", "en", "Solar pumps for three douars",
     "Co-financing and a technician's missions brought drinking water to 400 people.",
     ["water", "solidarity"],
     "Women and girls walked two hours a day to fetch water.",
     "The association abroad raised a third of the budget and sent an engineer twice.",
     "Three douars have running water; girls' school attendance rose.",
     ("Households with water at home", 0, 85)),
    ("world-cooperative-accounts", "fr", "Des comptes clairs pour une coopérative de femmes",
     "Deux bénévoles comptables ont formé le bureau d'une coopérative d'argan.",
     ["femmes", "gestion financière"],
     "La coopérative perdait des clients faute de factures et de comptes tenus.",
     "Six séances à distance puis une semaine sur place pour mettre en place la caisse.",
     "Les comptes de l'année sont approuvés et un premier prêt a été obtenu.",
     ("Membres formées à la tenue de caisse", 1, 9)),
    ("world-heritage-holidays", "ar", "عطلة في بلد الأصل لأطفال المهجر",
     "مخيم صيفي للتعريف بالتراث واللغة لأطفال الجالية بشراكة مع جمعية محلية.",
     ["الرابط الثقافي", "الشباب"],
     "أطفال الجالية لا يعرفون بلدة آبائهم ولا لغتها.",
     "نظمنا مخيما لمدة أسبوعين مع ورشات في الأمازيغية والدارجة والحرف التقليدية.",
     "شارك 40 طفلا وعاد نصفهم في السنة الموالية.", ("Children taking part", 0, 40)),
]  # fmt: skip


def _html(text):
    return f"<p>{escape(text)}</p>"


def _shown_partnerships():
    return list(
        Partnership.objects.shown()
        .filter(partner__kind="local")
        .select_related("initiator", "partner", "strategic_axis", "region")
        .order_by("starts_on", "pk")
    )


def load_library(world):
    """Up to four case studies about the world's confirmed partnerships; how many were made."""
    world_ids = {association.pk for association in world.associations}
    partnerships = [item for item in _shown_partnerships() if item.initiator_id in world_ids]
    if not partnerships:
        return 0
    libraries = ensure_libraries()
    made = 0
    for number, study in enumerate(STUDIES):
        slug, language, title, summary, tags, context, done, results, indicator = study
        library = libraries[language]
        if CaseStudyPage.objects.child_of(library).filter(slug=slug).exists():
            continue
        partnership = partnerships[number % len(partnerships)]
        association = partnership.initiator
        started = partnership.starts_on
        ended = started + datetime.timedelta(days=150)
        published = min(
            ended + datetime.timedelta(days=40), world.today - datetime.timedelta(days=1)
        )
        leader = (world.members.get(association.pk) or [None])[0]
        name, baseline, result = indicator
        with clock.at(world.moment(published, 11)):
            CaseStudyPageFactory(
                parent=library,
                locale=library.locale,
                slug=slug,
                title=title,
                summary=summary,
                association=association,
                association_name=association.name,
                host_country=association.host_country,
                regions_of_origin=[partnership.region] if partnership.region else [],
                specialized_groups=list(association.specialized_groups.all()[:2]),
                strategic_axes=[partnership.strategic_axis] if partnership.strategic_axis else [],
                tags=tags,
                started_on=started,
                ended_on=ended if ended < world.today else None,
                budget=Decimal(8000 + 1500 * number),
                budget_currency="EUR",
                funders="Members' contributions; a town-twinning grant",
                partners_morocco=partnership.partner.name,
                context=_html(context),
                what_was_done=_html(done),
                results=_html(results),
                indicators=[CaseStudyIndicator(indicator=name, baseline=baseline, result=result)],
                success_factors=_html(partnership.purpose),
                contact_name=leader.get_full_name() if leader else "",
                contact_email=leader.email if leader else "",
            )
        made += 1
    return made
