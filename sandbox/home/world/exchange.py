"""The generated world's exchange spaces: threads started by the world's members over the
eighteen months in the topic spaces of the strategic axes and of the regions of origin, and in
the spaces of the world's confirmed partnerships, each answered by other members (the asker
marks one answer as the solution now and then), and in a few past workshops' cohort spaces,
answered by the trainer. Written through the exchange's actions
(``StartThread``, ``Reply``, ``MarkSolution``) under ``clock.at`` of the day; a thread already
there (same space and title) is left as is, so loading twice adds nothing."""

import datetime

from capacity_lms.attendance.models import AttendanceRecord
from capacity_lms.core import clock
from capacity_lms.exchange.access import may_write
from capacity_lms.exchange.models import Thread
from capacity_lms.exchange.posting import MarkSolution, Reply, StartThread
from capacity_lms.exchange.spaces import space_for
from capacity_lms.network.models import Partnership
from capacity_lms.taxonomy.models import Region, StrategicAxis

# (title, body, language) of the questions asked in the topic spaces
QUESTIONS = [
    ("How do you keep volunteers after the first year?", "Half our tutors leave after one "
     "school year. What do you do to keep them?", "en"),
    ("Quel logiciel pour la comptabilité d'une petite association ?", "Nous tenons encore nos "
     "comptes sur un tableur. Que recommandez-vous pour 40 adhérents ?", "fr"),
    ("كيف نجد شريكا محليا في الجهة؟", "نريد إنجاز مشروع في جماعتنا الأصلية لكننا لا نعرف "
     "الجمعيات المحلية هناك. من أين نبدأ؟", "ar"),
    ("Which insurance for a summer camp abroad?", "We take twenty children to Morocco in "
     "July. Which insurance covers the trip and the activities?", "en"),
    ("Budget d'un projet : comment chiffrer le bénévolat ?", "Le bailleur demande une "
     "contribution propre. Peut-on valoriser les heures de bénévolat ?", "fr"),
    ("Reporting to two funders at once", "Our project has two funders with different report "
     "templates. How do you avoid writing everything twice?", "en"),
    ("تحويل الأموال إلى جمعية في المغرب", "ما هي الطريقة القانونية لتحويل مساهمة جمعيتنا "
     "إلى شريكنا في المغرب؟", "ar"),
    ("Recruter des jeunes au conseil d'administration", "Notre bureau a plus de 55 ans de "
     "moyenne. Comment avez-vous fait entrer des jeunes ?", "fr"),
    ("Measuring what a project changed", "The committee asked for indicators with a baseline. "
     "Where do you find a baseline in a rural commune?", "en"),
    ("Partager un local avec une autre association", "Une association voisine nous propose "
     "de partager sa salle. Quel accord écrire ?", "fr"),
]  # fmt: skip

ANSWERS = {
    "en": [
        "We give each volunteer a small role with a name and thank them in public twice a "
        "year: it changed everything.",
        "Ask the commune first; their technical staff know which associations really work.",
        "We wrote one internal report and copied its parts into each template.",
        "A written agreement of one page was enough for us; the module on partnerships has "
        "a model.",
    ],
    "fr": [
        "Nous utilisons un logiciel libre de comptabilité associative, gratuit et suffisant.",
        "Oui, à condition de tenir une feuille de temps signée : le bailleur l'a acceptée.",
        "Nous avons créé une commission jeunesse avec un vrai budget, puis deux sièges au bureau.",
        "Le module sur le cycle de projet explique comment fixer une situation de départ.",
    ],
    "ar": [
        "تواصلوا مع المجلس الجماعي أولا، فهو يعرف الجمعيات النشيطة.",
        "نحن نحول المساهمة عبر حساب بنكي باسم الجمعية الشريكة مع اتفاقية موقعة.",
        "جربنا ذلك ونجح الأمر عندما حددنا المسؤوليات كتابة.",
    ],
}

# (title, body) of the threads in a partnership's own space
PARTNERSHIP_THREADS = [
    ("Planning the next visit", "When can your team receive us? We suggest the second week "
     "of the school holidays."),
    ("Photos and figures for the report", "Could you send the attendance sheets and a few "
     "photos for our report to the members?"),
]  # fmt: skip


def _say(world, space, author, title, body, language, when, repliers):
    """One thread and its replies (a day or two apart), maybe a solution; 1 if made."""
    if space is None or (space.pk and Thread.objects.filter(space=space, title=title).exists()):
        return 0
    rng = world.rng
    with clock.at(when):
        question = StartThread(
            space, user=author, title=title, body=body, language=language
        ).execute()
    posts = []
    for number, person in enumerate(repliers):
        when += datetime.timedelta(hours=rng.randrange(3, 48))
        if when.date() >= world.today:
            break
        pool = ANSWERS.get(language) or ANSWERS["en"]
        with clock.at(when):
            posts.append(
                Reply(
                    question.thread,
                    user=person,
                    body=pool[(number + rng.randrange(len(pool))) % len(pool)],
                    language=language,
                ).execute()
            )
    marked = when + datetime.timedelta(hours=2)
    if posts and rng.random() < 0.4 and marked.date() < world.today:
        with clock.at(marked):
            MarkSolution(question.thread, user=author, post=rng.choice(posts)).execute()
    return 1


def _topic_threads(world, people):
    axes = list(StrategicAxis.objects.order_by("code"))
    codes = sorted({code for item in world.associations for code in _region_codes(item)})
    regions = list(Region.objects.filter(code__in=codes).order_by("code"))
    made = 0
    rounds = 3  # each question asked three times over the span, in different spaces
    for turn in range(rounds):
        for number, (title, body, language) in enumerate(QUESTIONS):
            if (number + turn) % 2 == 0 or not regions:
                space = space_for("axis", axes[(number + turn) % len(axes)].pk)
            else:
                space = space_for("region", regions[(number + turn) % len(regions)].pk)
            author = people[(number * 11 + turn * 37) % len(people)]
            repliers = [p for p in world.rng.sample(people, min(4, len(people))) if p != author]
            repliers = repliers[: world.rng.randrange(1, 4)]
            day = world.day_between(world.start, world.today - datetime.timedelta(days=2))
            when = world.moment(day, world.rng.randrange(8, 21), world.rng.randrange(60))
            made += _say(world, space, author, title, body, language, when, repliers)
    return made


def _region_codes(association):
    return [region.code for region in association.regions_of_origin.all()]


def _partnership_threads(world):
    world_ids = {association.pk for association in world.associations}
    made = 0
    shown = Partnership.objects.filter(status=Partnership.Status.ACTIVE, initiator__in=world_ids)
    for partnership in shown.order_by("pk")[:6]:
        ours = world.members.get(partnership.initiator_id) or []
        theirs = [m.user for m in partnership.partner.memberships.select_related("user")]
        if not ours or not theirs:
            continue
        space = space_for("partnership", partnership.pk)
        confirmed = partnership.confirmed_at or world.moment(partnership.starts_on)
        for number, (title, body) in enumerate(PARTNERSHIP_THREADS):
            when = confirmed + datetime.timedelta(days=20 + 45 * number)
            if when.date() >= world.today:
                break
            made += _say(world, space, ours[0], title, body, "en", when, theirs[:1])
    return made


# (title, body, the trainer's answer) of the questions asked in a workshop's cohort space
WORKSHOP_QUESTION = (
    "The template from the first meeting",
    "Could you share the table we filled in together? I did not copy it all.",
    "Here it is, in the workshop's documents; bring it filled in next time.",
)


def _workshop_threads(world):
    """In up to six of the world's past workshops, an attendee asks the day after the first
    meeting; a trainer answers and the asker marks the answer."""
    people = {user.pk: user for user in world.all_members()}
    records = (
        AttendanceRecord.objects.filter(user_id__in=people, occurrence_date__lt=world.today)
        .select_related("session__workshop")
        .order_by("occurrence_date", "pk")
    )
    made, seen = 0, set()
    for record in records:
        workshop = record.session.workshop
        trainer = workshop.trainers.order_by("pk").first()
        if workshop.pk in seen or trainer is None or len(seen) == 6:
            continue
        seen.add(workshop.pk)
        title, body, answer = WORKSHOP_QUESTION
        space = space_for("workshop", workshop.pk)
        when = world.moment(record.occurrence_date + datetime.timedelta(days=1), 9)
        if space is None or when.date() + datetime.timedelta(days=1) >= world.today:
            continue
        if space.pk and Thread.objects.filter(space=space, title=title).exists():
            continue
        author = people[record.user_id]
        if not may_write(author, space):  # attended without a registration (a walk-in)
            continue
        with clock.at(when):
            question = StartThread(
                space, user=author, title=title, body=body, language="en"
            ).execute()
        with clock.at(when + datetime.timedelta(hours=5)):
            post = Reply(question.thread, user=trainer, body=answer, language="en").execute()
        with clock.at(when + datetime.timedelta(hours=8)):
            MarkSolution(question.thread, user=author, post=post).execute()
        made += 1
    return made


def load_exchange(world):
    people = world.all_members()
    if not people:
        return {"exchange threads (world)": 0}
    made = _topic_threads(world, people) + _partnership_threads(world)
    return {"exchange threads (world)": made + _workshop_threads(world)}
