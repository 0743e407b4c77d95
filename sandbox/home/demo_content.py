"""The sandbox's demo content, read from data files: the training modules
(``sandbox/demo_content/modules/*.toml``) and the library's case studies
(``sandbox/demo_content/case_studies/*.toml``).

One file per module, every human text side by side in each language of the module (``title.en``,
``title.fr``, ``title.ar``), so a translator reviews the text without reading Python. A module
is written in English, French and Arabic unless its file lists fewer ``languages``. In ``body``
and ``objectives`` each line is one paragraph or one objective. ``position`` orders the modules:
a module's prerequisites must come before it.

Each file is checked before anything is built: required keys, no unknown key, every text in
every language of its module, unique slugs and positions, prerequisites that exist. A file that
fails is refused with a ``DemoContentError`` naming the file and the key (lessons, questions and
options are counted from 1, as a reader counts them).

A case study is written in ONE language (its ``language``): its texts are plain strings in that
language, its narrative sections (``context``, ``what_was_done``...) one paragraph per line.
Its optional ``[translations.<language>]`` tables give the title, summary and tags in other
languages (some case studies are translated in part on purpose). ``load_case_studies`` checks
the same things as for modules, plus a known language, dates (``ended_on`` not before
``started_on``) and translations only into languages other than the original's.
"""

import datetime
import tomllib
from pathlib import Path

from capacity_lms.projects.deliverables import DeliverableKind

LANGUAGES = ["en", "fr", "ar"]

DEMO_CONTENT_DIRECTORY = Path(__file__).resolve().parent.parent / "demo_content"
MODULES_DIRECTORY = DEMO_CONTENT_DIRECTORY / "modules"
CASE_STUDIES_DIRECTORY = DEMO_CONTENT_DIRECTORY / "case_studies"

# Kinds of value besides Python types: a text in each language, the same split in lines (one
# paragraph or item per line), a list of plain strings (codes, slugs, tags); a text in one
# language (a case study's), the same split in lines.
TEXT = "text"
LINES = "lines"
STRINGS = "strings"
PROSE = "prose"
PARAGRAPHS = "paragraphs"
DATE = datetime.date

OPTION = {"correct": bool, "text": TEXT, "feedback": TEXT}
QUESTION = {"multiple": bool, "text": TEXT, "options": [OPTION]}
QUIZ = {"pass_mark": int, "max_attempts": int, "title": TEXT, "questions": [QUESTION]}
LEVEL = {"points": int, "label": TEXT}
CRITERION = {"name": TEXT, "levels": [LEVEL]}
# A deliverable step (courses/deliverable_blocks.py): kind is one of DeliverableKind's values.
DELIVERABLE = {
    "kind": str,
    "required": bool,
    "title": TEXT,
    "instructions": TEXT,
    "rubric": [CRITERION],
}
LESSON = {
    "slug": str,
    "minutes": int,
    "preview": bool,
    "title": TEXT,
    "body": LINES,
    "callout": TEXT,
    "quiz": QUIZ,
    "deliverables": [DELIVERABLE],
}
MODULE = {
    "position": int,
    "slug": str,
    "languages": STRINGS,
    "axis": str,
    "groups": STRINGS,
    "countries": STRINGS,
    "level": str,
    "format": str,
    "hours": int,
    "certificate": bool,
    "prerequisites": STRINGS,
    # Demo usernames who train the module (every language version); optional.
    "trainers": STRINGS,
    "tags": STRINGS,
    "title": TEXT,
    "summary": TEXT,
    "objectives": LINES,
    "lessons": [LESSON],
}
INDICATOR = {"indicator": str, "baseline": str, "result": str}
TRANSLATION = {"title": PROSE, "summary": PROSE, "tags": STRINGS}
CASE_STUDY = {
    "position": int,
    "slug": str,
    "language": str,
    "title": PROSE,
    "summary": PROSE,
    "association": str,
    "country": str,
    "regions": STRINGS,
    "groups": STRINGS,
    "axes": STRINGS,
    "tags": STRINGS,
    "started_on": DATE,
    "ended_on": DATE,
    "budget": str,
    "currency": str,
    "funders": PROSE,
    "partners_host_country": PROSE,
    "partners_morocco": PROSE,
    "context": PARAGRAPHS,
    "what_was_done": PARAGRAPHS,
    "results": PARAGRAPHS,
    "indicators": [INDICATOR],
    "success_factors": PARAGRAPHS,
    "pitfalls": PARAGRAPHS,
    "replication": PARAGRAPHS,
    "contact_name": str,
    "contact_email": str,
    "courses": STRINGS,
    # Any of the languages, each optional; the original's is refused by load_case_study.
    "translations": dict.fromkeys(LANGUAGES, TRANSLATION),
}
OPTIONAL = {
    "languages",
    "callout",
    "quiz",
    "deliverables",
    "regions",
    "translations",
    "trainers",
    *LANGUAGES,
}
KIND_NAMES = {
    str: "a string",
    int: "a whole number",
    bool: "true or false",
    DATE: "a date written 2024-06-30 (without quotes)",
}


class DemoContentError(ValueError):
    """A demo content file that cannot be loaded; the message names the file and the key."""


def load_modules(directory=MODULES_DIRECTORY):
    """Every module of ``directory``, validated, in the order of their ``position``.

    Each module is a dict: texts as {language: text}, ``body`` and ``objectives`` as
    {language: [line, ...]}, ``languages`` always given and ``file`` the path it was read from.
    """
    modules = _load_all(directory, load_module, "module")
    for module in modules:
        path = module["file"]
        for slug in module["prerequisites"]:
            required = next((m for m in modules if m["slug"] == slug), None)
            if required is None:
                raise DemoContentError(f"{path}: prerequisites: no module has the slug {slug!r}")
            if required["position"] >= module["position"]:
                raise DemoContentError(
                    f"{path}: prerequisites: {slug!r} must have a smaller position than this "
                    "module's"
                )
            missing = set(module["languages"]) - set(required["languages"])
            if missing:
                raise DemoContentError(
                    f"{path}: prerequisites: {slug!r} is not written in {sorted(missing)}"
                )
    return modules


def load_module(path):
    """The module of one file, validated on its own (see ``load_modules`` for the rest)."""
    data = _load_toml(path)
    languages = _read(path, data.get("languages", LANGUAGES), STRINGS, "languages", LANGUAGES)
    if not languages or set(languages) - set(LANGUAGES):
        raise DemoContentError(f"{path}: languages: give some of {LANGUAGES}")
    # Always in the same order: a module's first language is the source of its translations.
    languages = [code for code in LANGUAGES if code in languages]
    module = {**_read(path, data, MODULE, "", languages), "languages": languages, "file": path}
    for number, lesson in enumerate(module["lessons"], start=1):
        for step in lesson.get("deliverables", []):
            if step["kind"] not in DeliverableKind.values:
                raise DemoContentError(
                    f"{path}: lessons[{number}].deliverables: kind {step['kind']!r} is not one "
                    f"of {sorted(DeliverableKind.values)}"
                )
    lesson_slugs = [lesson["slug"] for lesson in module["lessons"]]
    for number, slug in enumerate(lesson_slugs, start=1):
        if slug in lesson_slugs[: number - 1]:
            raise DemoContentError(f"{path}: lessons[{number}].slug {slug!r} is used twice")
    return module


def load_case_studies(directory=CASE_STUDIES_DIRECTORY):
    """Every case study of ``directory``, validated, in the order of their ``position``.

    Each case study is a dict in the shape ``demo_library`` builds pages from: texts as
    strings, narrative sections as lists of paragraphs, ``period`` (started, ended) as dates,
    ``budget`` (amount, currency), ``contact`` (name, e-mail), ``indicators`` as (indicator,
    baseline, result), ``translations`` as {language: (title, summary, tags)}; ``regions`` and
    ``translations`` only when the file gives them; ``file`` the path it was read from.
    """
    return _load_all(directory, load_case_study, "case study")


def load_case_study(path):
    """The case study of one file, validated on its own (see ``load_case_studies``)."""
    data = _load_toml(path)
    language = data.get("language")
    if language not in LANGUAGES:
        raise DemoContentError(f"{path}: language should be one of {LANGUAGES}")
    study = _read(path, data, CASE_STUDY, "", [language])
    if language in study.get("translations", {}):
        raise DemoContentError(
            f"{path}: translations.{language} is the language the case study is written in; "
            "translate it into another language"
        )
    started_on, ended_on = study.pop("started_on"), study.pop("ended_on")
    if ended_on < started_on:
        raise DemoContentError(f"{path}: ended_on {ended_on} is before started_on {started_on}")
    study["period"] = (started_on, ended_on)
    study["budget"] = (study["budget"], study.pop("currency"))
    study["contact"] = (study.pop("contact_name"), study.pop("contact_email"))
    study["indicators"] = [
        (row["indicator"], row["baseline"], row["result"]) for row in study["indicators"]
    ]
    if "translations" in study:
        study["translations"] = {
            code: (texts["title"], texts["summary"], texts["tags"])
            for code, texts in study["translations"].items()
        }
    return {**study, "file": path}


def _load_all(directory, load_one, what):
    """Each ``*.toml`` of ``directory`` read by ``load_one``, ordered by their ``position``;
    slugs and positions unique."""
    paths = sorted(Path(directory).glob("*.toml"))
    if not paths:
        raise DemoContentError(f"{directory}: no {what} file (*.toml)")
    items = sorted((load_one(path) for path in paths), key=lambda item: item["position"])
    seen = {}
    for item in items:
        for key in ("slug", "position"):
            other = seen.get((key, item[key]))
            if other:
                raise DemoContentError(
                    f"{item['file']}: {key} {item[key]!r} is also {other.name}'s"
                )
            seen[(key, item[key])] = item["file"]
    return items


def _load_toml(path):
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise DemoContentError(f"{path}: not valid TOML: {error}") from error


def _lines(text):
    """One paragraph or item per line, blank lines ignored."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _read(path, value, kind, key, languages, optional=OPTIONAL):
    """``value`` (at ``key`` in the file at ``path``) checked against ``kind``, texts trimmed;
    the keys of tables named in ``optional`` may be left out."""

    def refuse(problem, at=key):
        raise DemoContentError(f"{path}: {at} {problem}")

    if isinstance(kind, dict):
        if not isinstance(value, dict):
            refuse("should be a table")
        prefix = f"{key}." if key else ""
        unknown = sorted(value.keys() - kind.keys())
        if unknown:
            refuse("is not a key the demo loader knows", f"{prefix}{unknown[0]}")
        table = {}
        for name, inner in kind.items():
            if name in value:
                table[name] = _read(
                    path, value[name], inner, f"{prefix}{name}", languages, optional
                )
            elif name not in optional:
                refuse("is missing", f"{prefix}{name}")
        return table
    if isinstance(kind, list):
        if not isinstance(value, list) or not value:
            refuse("should be one table or more ([[...]])")
        return [
            _read(path, item, kind[0], f"{key}[{number}]", languages, optional)
            for number, item in enumerate(value, start=1)
        ]
    if kind in (TEXT, LINES):
        if not isinstance(value, dict):
            refuse(f"should give a text in each of {languages}")
        others = sorted(value.keys() - set(languages))
        if others:
            refuse("is not a language of this module", f"{key}.{others[0]}")
        texts = {}
        for language in languages:
            text = value.get(language)
            if not isinstance(text, str) or not text.strip():
                refuse("is missing (every text is needed in each language)", f"{key}.{language}")
            texts[language] = _lines(text) if kind == LINES else text.strip()
        return texts
    if kind in (PROSE, PARAGRAPHS):
        if not isinstance(value, str) or not value.strip():
            refuse("should be a text (not empty)")
        return _lines(value) if kind == PARAGRAPHS else value.strip()
    if kind == STRINGS:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            refuse("should be a list of strings")
        return value
    # bool is an int in Python: true is not a number of minutes; a date and time is not a date.
    if (
        not isinstance(value, kind)
        or (kind is int and isinstance(value, bool))
        or (kind is DATE and isinstance(value, datetime.datetime))
    ):
        refuse(f"should be {KIND_NAMES[kind]}")
    return value
