"""The sandbox's exchange spaces, read from ``sandbox/demo_content/exchange/threads.toml``:
topic spaces for each strategic axis and one region with threads in the three languages, the
Paris workshop's cohort space with the trainer's answered question, the space of the demo
learner's partnership, a case study's discussion, and a conversation the learner's association
opened about another association's need. Threads are written through the domain's actions (the
space's row, the figures, the follows as in use); a thread already there (same space and title)
is left as is, so loading again duplicates nothing."""

import tomllib
from pathlib import Path

from django.contrib.auth import get_user_model

from capacity_lms.exchange.models import Thread
from capacity_lms.exchange.posting import MarkSolution, Reply, StartThread
from capacity_lms.exchange.spaces import space_for
from capacity_lms.library.models import CaseStudyPage
from capacity_lms.network.models import OfferOrNeed, Partnership
from capacity_lms.taxonomy.models import Region, StrategicAxis
from capacity_lms.workshops.models import Workshop
from sandbox.home.demo_content import DemoContentError
from sandbox.home.demo_network import _find as find_association
from sandbox.home.demo_network_content import load_network_content

THREADS = Path(__file__).resolve().parents[1] / "demo_content" / "exchange" / "threads.toml"
KEYS = {"axis", "region", "workshop", "partnership", "author", "language", "title", "body"}
KEYS |= {"replies", "case_study", "offer"}


def load_exchange(path=THREADS):
    items = tomllib.loads(path.read_text())["threads"]
    for item in items:
        unknown = set(item) - KEYS
        if unknown:
            raise DemoContentError(f"{path.name}: unknown keys {sorted(unknown)} in {item}")
    people = {user.get_username(): user for user in get_user_model().objects.all()}
    made = 0
    for item in items:
        space = _space(item, path)
        if space.pk and Thread.objects.filter(space=space, title=item["title"]).exists():
            continue
        made += 1
        question = StartThread(
            space,
            user=_person(people, item["author"], path),
            title=item["title"],
            body=item["body"],
            language=item["language"],
        ).execute()
        for answer in item.get("replies", []):
            post = Reply(
                question.thread,
                user=_person(people, answer["author"], path),
                body=answer["body"],
                language=answer["language"],
            ).execute()
            if answer.get("solution"):
                MarkSolution(question.thread, user=question.author, post=post).execute()
    return {"exchange threads": Thread.objects.count(), "exchange threads added": made}


def _person(people, username, path):
    if username not in people:
        raise DemoContentError(f"{path.name}: no demo account {username!r}")
    return people[username]


def _space(item, path):
    if "axis" in item:
        return space_for("axis", StrategicAxis.objects.get(code=item["axis"]).pk)
    if "region" in item:
        return space_for("region", Region.objects.get(code=item["region"]).pk)
    if "workshop" in item:
        return space_for("workshop", Workshop.objects.get(slug=item["workshop"]).pk)
    if "partnership" in item:
        initiator, partner = (_association(key, path) for key in item["partnership"])
        partnership = Partnership.objects.get(initiator=initiator, partner=partner)
        return space_for("partnership", partnership.pk)
    if "case_study" in item:
        page = CaseStudyPage.objects.filter(slug=item["case_study"]).live().first()
        if page is None:
            raise DemoContentError(f"{path.name}: no live case study {item['case_study']!r}")
        return space_for("case_study", page.translation_key)
    if "offer" in item:
        title, answering = item["offer"]
        offer = OfferOrNeed.objects.filter(title=title).first()
        if offer is None:
            raise DemoContentError(f"{path.name}: no offer or need {title!r}")
        return space_for("offer", f"{offer.pk}-{_association(answering, path).pk}")
    raise DemoContentError(f"{path.name}: the thread {item['title']!r} names no space")


def _association(key, path):
    for entry in load_network_content()["associations"]:
        if entry.get("key") == key:
            found = find_association(entry)
            if found is not None:
                return found
    raise DemoContentError(f"{path.name}: no association {key!r} in the network's files")
