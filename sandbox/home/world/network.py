"""The generated world's network: local associations in Morocco (two in each of six regions of
origin, each with an admin), verified by programme staff; partnerships declared by the world's
associations abroad with them (and a few between two associations abroad), answered by the
partner's admin (most confirmed, some declined, some left waiting, a few ended); offers and
needs posted by the associations' admins over the eighteen months (some closed since, some
answered by a member of another association through a relayed message). All
through the network's actions, each under ``clock.at`` of the day it happened."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import translation

from capacity_lms.core import clock
from capacity_lms.network.messaging import SendRelayedMessageAction
from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.network.offers import CloseOfferOrNeedAction, PostOfferOrNeedAction
from capacity_lms.network.partnerships import (
    ConfirmPartnershipAction,
    DeclarePartnershipAction,
    DeclinePartnershipAction,
    EndPartnershipAction,
)
from capacity_lms.network.verification import VerifyAssociationAction
from capacity_lms.people.models import Association, Membership
from capacity_lms.taxonomy.models import Region, SpecializedGroup, StrategicAxis
from sandbox.testing.factories import (
    AssociationFactory,
    MembershipFactory,
    demo_password_hash,
)

MARKER = "WORLD-MA-001"  # the first local association's registration number

# (name, name in Arabic, region, commune, admin's first and last name)
LOCALS = [
    ("Association Tifawin pour le développement", "جمعية تيفاوين للتنمية", "souss-massa",
     "Tafraout", ("Lahcen", "Ait Lhaj")),
    ("Association Amal Aït Baha", "جمعية أمل آيت باها", "souss-massa", "Aït Baha",
     ("Fadma", "Oubella")),
    ("Association Rif Solidarité Nador", "جمعية الريف للتضامن بالناظور", "oriental", "Nador",
     ("Mimoun", "Azzouzi")),
    ("Association Ennour Berkane", "جمعية النور بركان", "oriental", "Berkane",
     ("Naima", "Boutaleb")),
    ("Association Jeunesse et Avenir d'Al Hoceïma", "جمعية شباب ومستقبل الحسيمة",
     "tanger-tetouan-al-hoceima", "Al Hoceïma", ("Karim", "Bouhassoun")),
    ("Association des femmes actives de Chefchaouen", "جمعية النساء النشيطات بشفشاون",
     "tanger-tetouan-al-hoceima", "Chefchaouen", ("Zineb", "Raissouni")),
    ("Association Sefrou pour l'éducation rurale", "جمعية صفرو للتعليم القروي", "fes-meknes",
     "Sefrou", ("Driss", "Lamrani")),
    ("Association Taounate Eau et Vie", "جمعية تاونات الماء والحياة", "fes-meknes", "Taounate",
     ("Khadija", "Fassi")),
    ("Association d'entraide d'Al Haouz", "جمعية التعاون بالحوز", "marrakech-safi", "Amizmiz",
     ("Abdellah", "Ait Bihi")),
    ("Association Mogador Culture", "جمعية موكادور للثقافة", "marrakech-safi", "Essaouira",
     ("Latifa", "Chaouki")),
    ("Association Oasis Tinghir", "جمعية واحة تنغير", "draa-tafilalet", "Tinghir",
     ("Youssef", "Ouhammou")),
    ("Association Zagora Enfance", "جمعية زاكورة للطفولة", "draa-tafilalet", "Zagora",
     ("Aicha", "Nassiri")),
]  # fmt: skip

# What a partnership is for, by strategic axis.
PURPOSES = {
    "school-support": "Tutoring and school kits for the pupils of the commune's rural schools.",
    "youth-and-precarious": "Summer camps and job coaching for young people of the commune.",
    "cultural-link": "Holidays in the home region for the children of the diaspora, with "
    "language and heritage workshops.",
    "women-conditions": "Literacy classes and a cooperative's accounts for the women of the "
    "commune.",
    "solidarity-development": "Drinking water and solar pumps for three douars.",
    "project-engineering": "Writing a funded project together: needs study, budget, "
    "logical framework.",
}

# (direction, category, title, description, axis, language)
OFFERS = [
    ("offer", "expertise", "Accountants for a day", "Two volunteer accountants review an "
     "association's books and its annual report.", "project-engineering", "en"),
    ("need", "equipment", "Laptops for a digital class", "Ten laptops, even used, for a "
     "digital skills class in a rural commune.", "school-support", "en"),
    ("offer", "volunteers", "Bénévoles pour un camp d'été", "Six jeunes bénévoles disponibles "
     "en juillet pour animer un camp d'été au Maroc.", "youth-and-precarious", "fr"),
    ("need", "cofinancing", "Cofinancement d'un puits", "Il manque 8 000 euros pour achever "
     "un puits et sa pompe solaire.", "solidarity-development", "fr"),
    ("offer", "hosting", "Salle pour des ateliers culturels", "Notre local accueille des "
     "ateliers de darija et d'amazighe le samedi.", "cultural-link", "fr"),
    ("need", "expertise", "Formatrice en gestion de coopérative", "Une formatrice pour "
     "accompagner une coopérative de femmes pendant trois mois.", "women-conditions", "fr"),
    ("offer", "expertise", "خبرة في إعداد المشاريع", "نرافق جمعية محلية في كتابة مشروع "
     "وميزانيته.", "project-engineering", "ar"),
    ("need", "volunteers", "متطوعون للدعم المدرسي", "نبحث عن متطوعين للدعم المدرسي عن بعد "
     "لتلاميذ الإعدادي.", "school-support", "ar"),
    ("offer", "equipment", "Schoolbooks in Arabic and French", "Two hundred schoolbooks "
     "collected by our members, ready to ship.", "school-support", "en"),
    ("need", "hosting", "Hébergement pour une colonie", "Un lieu d'accueil pour vingt enfants "
     "pendant deux semaines en août.", "cultural-link", "fr"),
    ("offer", "cofinancing", "Small grants for women's projects", "We co-finance up to "
     "3,000 euros of a women's income project.", "women-conditions", "en"),
    ("need", "expertise", "خبير في الطاقة الشمسية", "نحتاج خبيرا لدراسة ضخ الماء بالطاقة "
     "الشمسية في الدوار.", "solidarity-development", "ar"),
]  # fmt: skip

DEFAULT_REGIONS = [item[2] for item in LOCALS[::2]]


def _staff():
    users = get_user_model().objects
    return users.filter(username="staff").first() or users.filter(is_superuser=True).first()


def leader_of(world, association):
    people = world.members.get(association.pk) or []
    return people[0] if people else None


def ensure_locals(world):
    """The local associations of LOCALS with their admins, verified by staff, in table order."""
    staff = _staff()
    regions = {region.code: region for region in Region.objects.all()}
    locals_ = []
    for number, (name, name_ar, region, commune, (first, last)) in enumerate(LOCALS, start=1):
        registration = f"WORLD-MA-{number:03d}"
        association = Association.objects.filter(registration_number=registration).first()
        if association is None:
            founded = world.start - datetime.timedelta(days=30 * (number + 2))
            with clock.at(world.moment(founded, 9)):
                association = AssociationFactory(
                    kind=Association.Kind.LOCAL,
                    name=name,
                    name_ar=name_ar,
                    host_country=None,
                    city="",
                    region=regions[region],
                    commune=commune,
                    registration_number=registration,
                    verification_status=Association.VerificationStatus.PENDING,
                    founding_year=2005 + world.rng.randrange(15),
                    languages=["ar", "fr"],
                    contact_name=f"{first} {last}",
                    contact_email=f"world-ma-{number:03d}@capacity-demo.example",
                )
                username = f"world-ma-{number:03d}"
                admin = get_user_model().objects.create(
                    username=username,
                    email=f"{username}@capacity-demo.example",
                    first_name=first,
                    last_name=last,
                    password=demo_password_hash(),
                )
                MembershipFactory(
                    user=admin,
                    association=association,
                    role=Membership.Role.LEADER,
                    joined_on=founded,
                )
            with clock.at(world.moment(founded + datetime.timedelta(days=12), 11)):
                VerifyAssociationAction(association, user=staff).execute()
        locals_.append(association)
    return locals_


def _regions_of(association):
    return [region.code for region in association.regions_of_origin.all()]


def _partner_for(world, association, locals_):
    """A local association of one of ``association``'s regions of origin, else any."""
    codes = _regions_of(association)
    fitting = [item for item in locals_ if item.region.code in codes] or locals_
    return world.rng.choice(fitting)


def load_partnerships(world, locals_):
    """About one partnership for every three associations abroad, through the actions."""
    rng = world.rng
    axes = {axis.code: axis for axis in StrategicAxis.objects.all()}
    led = [item for item in world.associations if leader_of(world, item) is not None]
    led = [item for item in led if item.verification_status == "verified"]
    chosen = led[:: max(1, len(led) // 20)][:20] if led else []
    made = 0
    for number, association in enumerate(chosen):
        partner = (
            chosen[(number + 1) % len(chosen)]
            if number % 7 == 6 and len(chosen) > 1
            else _partner_for(world, association, locals_)
        )
        if Partnership.objects.filter(initiator=association, partner=partner).exists():
            continue
        axis = rng.choice(sorted(PURPOSES))
        declared = world.day_between(world.start, world.today - datetime.timedelta(days=20))
        with clock.at(world.moment(declared, rng.randrange(9, 19))):
            partnership = DeclarePartnershipAction(
                association,
                user=leader_of(world, association),
                partner=partner,
                purpose=PURPOSES[axis],
                starts_on=declared + datetime.timedelta(days=30),
                region=partner.region or association.regions_of_origin.first(),
                strategic_axis=axes.get(axis),
            ).execute()
        made += 1
        answer = number % 10  # 0: left waiting, 1: declined, 2-3: ended later, else confirmed
        if answer == 0:
            continue
        partner_admin = Membership.objects.leaders().filter(association=partner).first().user
        answered = declared + datetime.timedelta(days=rng.randrange(2, 15))
        with clock.at(world.moment(min(answered, world.today), 15)):
            action = DeclinePartnershipAction if answer == 1 else ConfirmPartnershipAction
            action(partnership, user=partner_admin).execute()
        ended = answered + datetime.timedelta(days=rng.randrange(120, 300))
        if answer in (2, 3) and ended < world.today:
            with clock.at(world.moment(ended, 16)):
                EndPartnershipAction(
                    partnership, user=leader_of(world, association), ends_on=ended
                ).execute()
    return made


def load_offers(world, locals_):
    """The offers and needs of OFFERS, each by an admin of a world association (half the needs
    by the local ones), posted over the span; a third closed since."""
    rng = world.rng
    axes = {axis.code: axis for axis in StrategicAxis.objects.all()}
    groups = list(SpecializedGroup.objects.order_by("code"))
    led = [item for item in world.associations if leader_of(world, item) is not None]
    made = 0
    for number, (direction, category, title, text, axis, language) in enumerate(OFFERS):
        if (direction == "need" and number % 4 == 1) or not led:
            association = locals_[number % len(locals_)]
            admin = Membership.objects.leaders().filter(association=association).first().user
        else:
            association = led[(number * 7) % len(led)]
            admin = leader_of(world, association)
        if OfferOrNeed.objects.filter(association=association, title=title).exists():
            continue
        posted = world.day_between(world.start, world.today - datetime.timedelta(days=3))
        region = association.region or association.regions_of_origin.first()
        data = {
            "direction": direction,
            "category": category,
            "title": title,
            "description": text,
            "strategic_axis": axes.get(axis),
            "regions": [region] if region else [],
            "specialized_groups": [rng.choice(groups)] if groups else [],
            "expires_on": posted + datetime.timedelta(days=rng.randrange(90, 360)),
        }
        with clock.at(world.moment(posted, 14)), translation.override(language):
            item = PostOfferOrNeedAction(association, user=admin, data=data).execute()
        made += 1
        closed = posted + datetime.timedelta(days=rng.randrange(20, 80))
        if number % 3 == 2 and closed < world.today:
            with clock.at(world.moment(closed, 17)):
                CloseOfferOrNeedAction(item, user=admin).execute()
        elif number % 3 == 0:
            writer_association = led[(number * 7 + 3) % len(led)] if led else None
            if writer_association not in (None, association):
                write_about(world, item, admin, writer_association, posted)
    return made


def write_about(world, item, admin, association, posted):
    """A member of ``association`` writes about ``item`` a few days after it was posted (while
    it is open), and its admin answers, both relayed by the platform."""
    people = world.members.get(association.pk) or []
    written = posted + datetime.timedelta(days=world.rng.randrange(2, 10))
    answered = written + datetime.timedelta(days=world.rng.randrange(1, 4))
    if not people or answered >= world.today or written >= item.expires_on:
        return
    writer = people[min(1, len(people) - 1)]
    with clock.at(world.moment(written, 19)):
        message = SendRelayedMessageAction(
            item.association,
            user=writer,
            sender_association=association,
            subject=f"About: {item.title}",
            body="Our association could help (or needs the same). Could we talk this week?",
            about=item,
        ).execute()
    with clock.at(world.moment(answered, 12)):
        SendRelayedMessageAction(
            None,
            user=admin,
            subject=f"Re: {message.subject}",
            body="Thank you! Write to us at our address and we will call you.",
            in_reply_to=message,
        ).execute()


def load_network(world):
    """The local associations, partnerships and offers and needs; their counts."""
    locals_ = ensure_locals(world)
    return {
        "local associations in Morocco (world)": len(locals_),
        "partnerships declared (world)": load_partnerships(world, locals_),
        "offers and needs (world)": load_offers(world, locals_),
        "relayed messages sent by world members": RelayedMessage.objects.filter(
            sender__username__in=[user.username for user in world.all_members()]
        ).count(),
    }, locals_
