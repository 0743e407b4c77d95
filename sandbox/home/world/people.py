"""The generated world's people: sixty associations abroad in nine host countries, about three
hundred members with names in Latin and Arabic script, their preferred languages and
specialized groups, and the trainers.

The associations are made one by one with the shared factory (they are indexed for the
directory's search); the members' accounts, profiles and memberships, which nothing indexes,
in bulk, with one password hash computed once. The demo learner's association
(``jeunesse-maroc-france``) gets a handful of generated members too, so that its page and
reports have a history.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from capacity_lms.core import clock
from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.taxonomy.models import Country, Region, SpecializedGroup, StrategicAxis
from sandbox.testing.factories import AssociationFactory, demo_password_hash

MARKER = "world-001"  # the first generated member: the world exists when they do
REGISTRATION_PREFIX = "WORLD-"
LEARNER_ASSOCIATION = "jeunesse-maroc-france"

# country: (number of associations, [(city, city in Arabic)], preferred languages)
HOST_COUNTRIES = {
    "fr": (11, [("Paris", "باريس"), ("Lyon", "ليون"), ("Marseille", "مرسيليا")], "fffaa"),
    "be": (8, [("Bruxelles", "بروكسيل"), ("Anvers", "أنتويرب"), ("Liège", "لييج")], "ffaan"),
    "nl": (
        7,
        [("Amsterdam", "أمستردام"), ("Rotterdam", "روتردام"), ("Utrecht", "أوتريخت")],
        "eaaf",
    ),
    "es": (7, [("Barcelona", "برشلونة"), ("Madrid", "مدريد"), ("Murcia", "مرسية")], "afe"),
    "it": (7, [("Torino", "تورينو"), ("Milano", "ميلانو"), ("Bologna", "بولونيا")], "afe"),
    "de": (6, [("Düsseldorf", "دوسلدورف"), ("Frankfurt", "فرانكفورت")], "eaf"),
    "ca": (5, [("Montréal", "مونتريال"), ("Toronto", "تورونتو")], "ffea"),
    "us": (4, [("New York", "نيويورك"), ("Washington", "واشنطن")], "eea"),
    "gb": (5, [("London", "لندن"), ("Manchester", "مانشستر")], "eea"),
}
LANGUAGE_LETTERS = {"f": "fr", "a": "ar", "e": "en", "n": "fr"}

REGIONS_OF_ORIGIN = [
    "oriental",
    "tanger-tetouan-al-hoceima",
    "souss-massa",
    "fes-meknes",
    "casablanca-settat",
    "draa-tafilalet",
]

# (name, name in Arabic script): the association's name is "<stem> <city>".
NAME_STEMS = [
    ("Association Amal", "جمعية الأمل"),
    ("Association Atlas", "جمعية الأطلس"),
    ("Association Ennour", "جمعية النور"),
    ("Association Tawassol", "جمعية التواصل"),
    ("Association Al Wifaq", "جمعية الوفاق"),
    ("Association Jisr", "جمعية الجسر"),
    ("Association Tadamoun", "جمعية التضامن"),
    ("Association Assaada", "جمعية السعادة"),
    ("Association Al Moustaqbal", "جمعية المستقبل"),
    ("Association Ibn Battouta", "جمعية ابن بطوطة"),
    ("Association Tafilalet", "جمعية تافيلالت"),
    ("Association Rif Solidaire", "جمعية الريف للتضامن"),
]

# (Latin, Arabic script)
FIRST_NAMES = [
    ("Mohamed", "محمد"),
    ("Fatima", "فاطمة"),
    ("Youssef", "يوسف"),
    ("Khadija", "خديجة"),
    ("Ahmed", "أحمد"),
    ("Aicha", "عائشة"),
    ("Rachid", "رشيد"),
    ("Naima", "نعيمة"),
    ("Hamza", "حمزة"),
    ("Zineb", "زينب"),
    ("Said", "سعيد"),
    ("Meryem", "مريم"),
    ("Karim", "كريم"),
    ("Souad", "سعاد"),
    ("Ilyas", "إلياس"),
    ("Houda", "هدى"),
    ("Abdelaziz", "عبد العزيز"),
    ("Latifa", "لطيفة"),
    ("Ayoub", "أيوب"),
    ("Nora", "نورة"),
    ("Omar", "عمر"),
    ("Siham", "سهام"),
    ("Bilal", "بلال"),
    ("Loubna", "لبنى"),
]
LAST_NAMES = [
    ("El Amrani", "العمراني"),
    ("Benjelloun", "بنجلون"),
    ("Ouali", "الوالي"),
    ("Bouzid", "بوزيد"),
    ("El Khattabi", "الخطابي"),
    ("Tahiri", "الطاهري"),
    ("Azzouzi", "العزوزي"),
    ("Haddad", "الحداد"),
    ("Lamrini", "اللمريني"),
    ("Bakkali", "البقالي"),
    ("Cherkaoui", "الشرقاوي"),
    ("Ait Ali", "آيت علي"),
    ("Moussaoui", "الموساوي"),
    ("Zerhouni", "الزرهوني"),
    ("El Fassi", "الفاسي"),
    ("Naciri", "الناصري"),
    ("Ziani", "الزياني"),
    ("Kettani", "الكتاني"),
]

MEMBERS_PER_ASSOCIATION = (3, 7)  # a leader and 2 to 6 members: about 300 in all
LEARNER_ASSOCIATION_MEMBERS = 6
TRAINERS = [
    ("world-trainer-1", "Rkia", "Soussi"),
    ("world-trainer-2", "Mustapha", "Ouarzazi"),
    ("world-trainer-3", "Ghizlane", "Filali"),
    ("world-trainer-4", "Jamal", "Berkani"),
]


def _codes(model, codes):
    return {item.code: item for item in model.objects.filter(code__in=codes)}


def make_associations(world, staff):
    """The sixty associations abroad, created a year or more before the world starts."""
    countries = _codes(Country, HOST_COUNTRIES)
    regions = list(_codes(Region, REGIONS_OF_ORIGIN).values())
    groups = list(SpecializedGroup.objects.order_by("code"))
    axes = list(StrategicAxis.objects.order_by("code"))
    rng = world.rng
    number = 0
    for code, (count, cities, _languages) in HOST_COUNTRIES.items():
        for index in range(count):
            number += 1
            stem, stem_ar = NAME_STEMS[(number + index) % len(NAME_STEMS)]
            city, city_ar = cities[index % len(cities)]
            created = world.moment(
                world.start - datetime.timedelta(days=rng.randint(30, 400)), hour=9
            )
            with clock.at(created):
                association = AssociationFactory(
                    name=f"{stem} {city}"
                    + (f" {index // len(cities) + 1}" if index >= len(cities) else ""),
                    name_ar=f"{stem_ar} {city_ar}",
                    host_country=countries[code],
                    city=city,
                    registration_number=f"{REGISTRATION_PREFIX}{number:03d}",
                    verification_status=Association.VerificationStatus.VERIFIED,
                    verified_at=created + datetime.timedelta(days=rng.randint(3, 20)),
                    founding_year=rng.randint(1985, 2022),
                    languages=sorted({"ar", LANGUAGE_LETTERS[rng.choice(_languages)]}),
                    size_bracket=rng.choice(Association.SizeBracket.values),
                    published_fields=["name_ar", "strategic_axes", "specialized_groups"],
                    created_by=staff,
                    specialized_groups=rng.sample(groups, rng.randint(1, 2)),
                    strategic_axes=[axes[number % len(axes)], *rng.sample(axes, 1)],
                    description_fr=f"Association de Marocains de {city} : "
                    "accompagnement, formation et liens avec la région d'origine.",
                    description_en=f"An association of Moroccans in {city}: support, training "
                    "and links with the region of origin.",
                )
            association.regions_of_origin.set(
                [regions[number % len(regions)], *rng.sample(regions, 1)]
            )
            world.associations.append(association)


def _person_name(rng):
    first, first_ar = rng.choice(FIRST_NAMES)
    last, last_ar = rng.choice(LAST_NAMES)
    return first, last, f"{first_ar} {last_ar}"


def make_members(world):
    """The members of every generated association (the first its leader), and a few more in
    the demo learner's association; accounts, profiles and memberships written in bulk."""
    rng = world.rng
    User = get_user_model()
    password = demo_password_hash()
    groups = list(SpecializedGroup.objects.order_by("code"))
    zones = dict(Country.objects.values_list("code", "default_time_zone"))
    learner_association = Association.objects.filter(name__in=_learner_association_names()).first()
    plan = []  # (association, role)
    for association in world.associations:
        size = rng.randint(*MEMBERS_PER_ASSOCIATION)
        plan += [(association, Membership.Role.LEADER)]
        plan += [(association, Membership.Role.MEMBER)] * (size - 1)
    if learner_association is not None:
        plan += [(learner_association, Membership.Role.MEMBER)] * LEARNER_ASSOCIATION_MEMBERS
    users, profiles, names = [], [], []
    for number in range(1, len(plan) + 1):
        first, last, name_ar = _person_name(rng)
        username = f"world-{number:03d}"
        users.append(
            User(
                username=username,
                email=f"{username}@capacity-demo.example",
                first_name=first,
                last_name=last,
                password=password,
                date_joined=world.moment(world.start, hour=8),
            )
        )
        names.append(name_ar)
    User.objects.bulk_create(users)
    users = list(
        User.objects.filter(username__in=[user.username for user in users]).order_by("username")
    )
    memberships, chosen_groups = [], []
    for user, name_ar, (association, role) in zip(users, names, plan, strict=True):
        country = association.host_country.code
        languages = HOST_COUNTRIES.get(country, (0, [], "fa"))[2]
        profiles.append(
            LearnerProfile(
                user=user,
                country_of_residence=association.host_country,
                preferred_language=LANGUAGE_LETTERS[rng.choice(languages)],
                name_in_arabic=name_ar,
                time_zone=zones.get(country, ""),
            )
        )
        chosen_groups.append(rng.sample(groups, rng.randint(1, 2)))
        memberships.append(
            Membership(
                user=user,
                association=association,
                role=role,
                joined_on=world.start - datetime.timedelta(days=rng.randint(0, 700)),
            )
        )
        world.members.setdefault(association.pk, []).append(user)
    LearnerProfile.objects.bulk_create(profiles)
    Membership.objects.bulk_create(memberships)
    through = LearnerProfile.specialized_groups.through
    saved = dict(LearnerProfile.objects.filter(user__in=users).values_list("user_id", "pk"))
    through.objects.bulk_create(
        [
            through(learnerprofile_id=saved[user.pk], specializedgroup_id=group.pk)
            for user, chosen in zip(users, chosen_groups, strict=True)
            for group in chosen
        ]
    )
    if learner_association is not None and learner_association not in world.associations:
        world.associations.append(learner_association)
    return users


def _learner_association_names():
    from sandbox.home.demo_network_content import load_network_content

    items = load_network_content()["associations"]
    return [item["name"] for item in items if item["key"] == LEARNER_ASSOCIATION]


def make_trainers(world, users):
    """The demo's two trainers and four generated ones, all in the Trainers group."""
    group = Group.objects.get(name="Trainers")
    trainers = [users["trainer"]]
    second = get_user_model().objects.filter(username="trainer2").first()
    if second is not None:
        trainers.append(second)
    password = demo_password_hash()
    for username, first, last in TRAINERS:
        trainer, _created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@capacity-demo.example",
                "first_name": first,
                "last_name": last,
                "password": password,
            },
        )
        trainer.groups.add(group)
        trainers.append(trainer)
    world.trainers = trainers


def find_world(world):
    """Fill ``world`` with the people of a world loaded before; False when there is none."""
    if not get_user_model().objects.filter(username=MARKER).exists():
        return False
    world.associations = list(
        Association.objects.filter(registration_number__startswith=REGISTRATION_PREFIX).order_by(
            "registration_number"
        )
    )
    memberships = (
        Membership.objects.filter(user__username__regex=r"^world-[0-9]+$")
        .select_related("user", "association")
        .order_by("user__username")
    )
    for membership in memberships:
        if membership.association not in world.associations:
            world.associations.append(membership.association)
        world.members.setdefault(membership.association_id, []).append(membership.user)
    usernames = ["trainer", "trainer2", *(username for username, _f, _l in TRAINERS)]
    found = {
        user.username: user for user in get_user_model().objects.filter(username__in=usernames)
    }
    world.trainers = [found[name] for name in usernames if name in found]
    return True


def load_people(world, users):
    make_associations(world, users["staff"])
    make_members(world)
    make_trainers(world, users)
