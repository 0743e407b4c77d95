"""The sandbox's demo training modules, read from ``sandbox/demo_content/modules/*.toml``.

One file per module, every human text side by side in each language of the module (``title.en``,
``title.fr``, ``title.ar``), so a translator reviews the text without reading Python. A module
is written in English, French and Arabic unless its file lists fewer ``languages``. In ``body``
and ``objectives`` each line is one paragraph or one objective. ``position`` orders the modules:
a module's prerequisites must come before it.

Each file is checked before anything is built: required keys, no unknown key, every text in
every language of its module, unique slugs and positions, prerequisites that exist. A file that
fails is refused with a ``DemoContentError`` naming the file and the key (lessons, questions and
options are counted from 1, as a reader counts them).
"""

import tomllib
from pathlib import Path

LANGUAGES = ["en", "fr", "ar"]

MODULES_DIRECTORY = Path(__file__).resolve().parent.parent / "demo_content" / "modules"

# Kinds of value besides Python types: a text in each language, the same split in lines (one
# paragraph or item per line), a list of plain strings (codes, slugs, tags).
TEXT = "text"
LINES = "lines"
STRINGS = "strings"

OPTION = {"correct": bool, "text": TEXT, "feedback": TEXT}
QUESTION = {"multiple": bool, "text": TEXT, "options": [OPTION]}
QUIZ = {"pass_mark": int, "max_attempts": int, "title": TEXT, "questions": [QUESTION]}
LESSON = {
    "slug": str,
    "minutes": int,
    "preview": bool,
    "title": TEXT,
    "body": LINES,
    "callout": TEXT,
    "quiz": QUIZ,
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
    "tags": STRINGS,
    "title": TEXT,
    "summary": TEXT,
    "objectives": LINES,
    "lessons": [LESSON],
}
OPTIONAL = {"languages", "callout", "quiz"}
KIND_NAMES = {str: "a string", int: "a whole number", bool: "true or false"}


class DemoContentError(ValueError):
    """A demo content file that cannot be loaded; the message names the file and the key."""


def load_modules(directory=MODULES_DIRECTORY):
    """Every module of ``directory``, validated, in the order of their ``position``.

    Each module is a dict: texts as {language: text}, ``body`` and ``objectives`` as
    {language: [line, ...]}, ``languages`` always given and ``file`` the path it was read from.
    """
    paths = sorted(Path(directory).glob("*.toml"))
    if not paths:
        raise DemoContentError(f"{directory}: no module file (*.toml)")
    modules = sorted((load_module(path) for path in paths), key=lambda m: m["position"])
    seen = {}
    for module in modules:
        path = module["file"]
        for key in ("slug", "position"):
            other = seen.get((key, module[key]))
            if other:
                raise DemoContentError(f"{path}: {key} {module[key]!r} is also {other.name}'s")
            seen[(key, module[key])] = path
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
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise DemoContentError(f"{path}: not valid TOML: {error}") from error
    languages = _read(path, data.get("languages", LANGUAGES), STRINGS, "languages", LANGUAGES)
    if not languages or set(languages) - set(LANGUAGES):
        raise DemoContentError(f"{path}: languages: give some of {LANGUAGES}")
    # Always in the same order: a module's first language is the source of its translations.
    languages = [code for code in LANGUAGES if code in languages]
    module = {**_read(path, data, MODULE, "", languages), "languages": languages, "file": path}
    lesson_slugs = [lesson["slug"] for lesson in module["lessons"]]
    for number, slug in enumerate(lesson_slugs, start=1):
        if slug in lesson_slugs[: number - 1]:
            raise DemoContentError(f"{path}: lessons[{number}].slug {slug!r} is used twice")
    return module


def _read(path, value, kind, key, languages):
    """``value`` (at ``key`` in the file at ``path``) checked against ``kind``, texts trimmed."""

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
                table[name] = _read(path, value[name], inner, f"{prefix}{name}", languages)
            elif name not in OPTIONAL:
                refuse("is missing", f"{prefix}{name}")
        return table
    if isinstance(kind, list):
        if not isinstance(value, list) or not value:
            refuse("should be one table or more ([[...]])")
        return [
            _read(path, item, kind[0], f"{key}[{number}]", languages)
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
            if kind == LINES:
                texts[language] = [line.strip() for line in text.splitlines() if line.strip()]
            else:
                texts[language] = text.strip()
        return texts
    if kind == STRINGS:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            refuse("should be a list of strings")
        return value
    # bool is an int in Python: true is not a number of minutes.
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        refuse(f"should be {KIND_NAMES[kind]}")
    return value
