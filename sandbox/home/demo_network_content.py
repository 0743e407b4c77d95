"""The data files of the sandbox's associative network (``sandbox/demo_content/network/``),
read and checked before anything is built: required keys, no unknown key, known codes and
statuses, references between the files. A file that fails is refused with a
``DemoContentError`` naming the file and the key. ``demo_network`` builds from what this
returns.
"""

from pathlib import Path

from capacity_lms.network.models import OfferOrNeed, Partnership
from capacity_lms.people.models import PUBLISHABLE_FIELDS, Association
from sandbox.home.demo_content import (
    DATE,
    DEMO_CONTENT_DIRECTORY,
    LANGUAGES,
    PROSE,
    STRINGS,
    TEXT,
    DemoContentError,
    _load_toml,
    _read,
)

NETWORK_DIRECTORY = DEMO_CONTENT_DIRECTORY / "network"

ASSOCIATION = {
    "key": str,
    "kind": str,
    "name": PROSE,
    "name_ar": str,
    "country": str,
    "city": str,
    "region": str,
    "province": str,
    "commune": str,
    "registration_number": str,
    "status": str,
    "reason": PROSE,
    "groups": STRINGS,
    "axes": STRINGS,
    "regions_of_origin": STRINGS,
    "founding_year": int,
    "languages": STRINGS,
    "website": str,
    "social_links": STRINGS,
    "size": str,
    "published": STRINGS,
    "contact_name": str,
    "contact_email": str,
    "contact_phone": str,
    "description": TEXT,
    "leader": STRINGS,
    "members": STRINGS,
    "names_shown": STRINGS,
    "join_requests": STRINGS,
}
PARTNERSHIP = {
    "initiator": str,
    "partner": str,
    "status": str,
    "region": str,
    "axis": str,
    "starts_on": DATE,
    "ends_on": DATE,
    "language": str,
    "purpose": PROSE,
}
OFFER_OR_NEED = {
    "association": str,
    "direction": str,
    "category": str,
    "language": str,
    "title": PROSE,
    "description": PROSE,
    "axis": str,
    "regions": STRINGS,
    "groups": STRINGS,
    "open_days": int,
    "status": str,
}
MESSAGE = {
    "from": str,
    "to": str,
    "sender": str,
    "about": PROSE,
    "reply_to": PROSE,
    "subject": PROSE,
    "body": PROSE,
    "read": bool,
}
DIRECTORY_PAGE = {"title": TEXT, "intro": TEXT}
FILES = {
    "associations": ASSOCIATION,
    "partnerships": PARTNERSHIP,
    "offers_and_needs": OFFER_OR_NEED,
    "messages": MESSAGE,
}
OPTIONAL = {
    "name_ar",
    "country",
    "city",
    "region",
    "province",
    "commune",
    "reason",
    "regions_of_origin",
    "founding_year",
    "website",
    "social_links",
    "leader",
    "members",
    "names_shown",
    "join_requests",
    "ends_on",
    "about",
    "reply_to",
}
# (file, key) -> the values it may take.
ALLOWED = {
    ("associations", "kind"): Association.Kind.values,
    ("associations", "status"): Association.VerificationStatus.values,
    ("associations", "size"): Association.SizeBracket.values,
    ("partnerships", "status"): Partnership.Status.values,
    ("partnerships", "language"): LANGUAGES,
    ("offers_and_needs", "direction"): OfferOrNeed.Direction.values,
    ("offers_and_needs", "category"): OfferOrNeed.Category.values,
    ("offers_and_needs", "status"): OfferOrNeed.Status.values,
    ("offers_and_needs", "language"): LANGUAGES,
}


def load_directory_texts(directory=NETWORK_DIRECTORY):
    """The directory page's ``title`` and ``intro``, each ``{language: text}``."""
    path = Path(directory) / "directory.toml"
    return _read(path, _load_toml(path), DIRECTORY_PAGE, "", LANGUAGES)


def load_network_content(directory=NETWORK_DIRECTORY):
    """The four files of ``directory``, validated: ``{"associations": [...], ...}``, each
    item a dict of the file's keys (``file`` the path it was read from)."""
    content = {}
    for name, schema in FILES.items():
        path = Path(directory) / f"{name}.toml"
        if not path.exists():
            raise DemoContentError(f"{path}: missing (the demo network needs it)")
        data = _read(path, _load_toml(path), {name: [schema]}, "", LANGUAGES, OPTIONAL)
        items = data[name]
        for number, item in enumerate(items, start=1):
            for (file, key), allowed in ALLOWED.items():
                if file == name and item[key] not in allowed:
                    raise DemoContentError(
                        f"{path}: {name}[{number}].{key} should be one of {list(allowed)}"
                    )
            item["file"], item["at"] = path, f"{name}[{number}]"
        content[name] = items
    _check_associations(content["associations"])
    _check_references(content)
    return content


def _check_associations(associations):
    keys = set()
    for item in associations:
        path, at = item["file"], item["at"]
        if item["key"] in keys:
            raise DemoContentError(f"{path}: {at}.key {item['key']!r} is used twice")
        keys.add(item["key"])
        needed = ("country", "city") if item["kind"] == "abroad" else ("region",)
        for key in needed:
            if not item.get(key):
                raise DemoContentError(f"{path}: {at}.{key} is missing ({item['kind']})")
        unknown = set(item["published"]) - set(PUBLISHABLE_FIELDS)
        if unknown:
            raise DemoContentError(
                f"{path}: {at}.published: {sorted(unknown)[0]!r} is not a publishable field"
            )
        if item["status"] in ("rejected", "suspended") and not item.get("reason"):
            raise DemoContentError(f"{path}: {at}.reason is missing ({item['status']})")
        leader = item.get("leader")
        if leader is not None and len(leader) != 3:
            raise DemoContentError(f"{path}: {at}.leader should be [username, first, last]")


def _check_references(content):
    keys = {item["key"] for item in content["associations"]}
    titles = {item["title"] for item in content["offers_and_needs"]}
    subjects = {item["subject"] for item in content["messages"]}
    references = [
        ("partnerships", ("initiator", "partner"), keys),
        ("offers_and_needs", ("association",), keys),
        ("messages", ("from", "to"), keys),
        ("messages", ("about",), titles),
        ("messages", ("reply_to",), subjects),
    ]
    for name, fields, known in references:
        for item in content[name]:
            for field in fields:
                value = item.get(field)
                if value is not None and value not in known:
                    raise DemoContentError(
                        f"{item['file']}: {item['at']}.{field} {value!r} names nothing in the "
                        "demo network"
                    )
    for item in content["partnerships"]:
        if item["initiator"] == item["partner"]:
            raise DemoContentError(f"{item['file']}: {item['at']}.partner is the initiator")
        ends_on = item.get("ends_on")
        if ends_on and ends_on < item["starts_on"]:
            raise DemoContentError(f"{item['file']}: {item['at']}.ends_on is before starts_on")
