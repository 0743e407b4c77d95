"""Reading an attendance file: CSV bytes to a header and rows, and the cells' dates and minutes.

A file that cannot be read as CSV (wrong encoding, no header, a mapped column missing, a row
with more cells than the header, too large) is refused with ImportRefused naming the bad
lines, before anything is written.
"""

import csv
import datetime
import io
import math
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from capacity_lms.core.actions import ImportRefused

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
# The delimiter is guessed from the first lines, at most this many characters of them: the
# sniffer's regular expressions take time that grows with the square of what they read (40 KB
# of crafted text took 9 seconds; 4 KB take about a tenth of a second).
SNIFF_CHARS = 4096
SNIFF_LINES = 20
# One participant's time in one meeting, which lasts a day at most.
MAX_MINUTES = 24 * 60
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")


@dataclass
class Table:
    headers: list
    rows: list  # [(line number, [cells])]

    def column(self, name, label):
        """The index of the column headed ``name`` (case and spaces ignored)."""
        wanted = normalise(name)
        for index, header in enumerate(self.headers):
            if normalise(header) == wanted:
                return index
        raise ImportRefused(
            [
                _(
                    "The file has no column “%(name)s” (for the %(label)s); "
                    "its columns are: %(columns)s."
                )
                % {"name": name, "label": label, "columns": ", ".join(self.headers)}
            ]
        )


def normalise(text):
    return " ".join(str(text).split()).casefold()


def decode(data):
    if not data or not data.strip():
        raise ImportRefused([_("The file is empty.")])
    if len(data) > MAX_BYTES:
        raise ImportRefused([_("The file is larger than 2 MB.")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRefused(
            [
                _("Line %(line)s is not UTF-8 text: save the file as CSV UTF-8 and try again.")
                % {"line": line}
            ]
        ) from error


def sniff_dialect(text):
    """The CSV dialect of ``text``, guessed from its first lines (SNIFF_LINES of them, at most
    SNIFF_CHARS characters, cut at a line's end when one is in reach)."""
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    sample = "\n".join(sample.splitlines()[:SNIFF_LINES])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        return "excel" if first.count(",") >= first.count(";") else _Semicolon


class _Semicolon(csv.excel):
    delimiter = ";"


def read_table(data, header_finder=None):
    """The header and rows of CSV ``data`` (bytes), or ImportRefused naming the bad lines.

    ``header_finder(cells)`` picks the header row when a file has lines before it (a video
    meeting tool's summary); by default the first non-blank row is the header.
    """
    text = decode(data)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportRefused(
            [_("Line %(line)s holds binary data: this is not a CSV file.") % {"line": line}]
        )
    reader = csv.reader(io.StringIO(text, newline=""), sniff_dialect(text))
    read = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                read.append((reader.line_num, [cell.strip() for cell in cells]))
    except csv.Error as error:
        raise ImportRefused(
            [
                _("Line %(line)s cannot be read as CSV: %(error)s")
                % {"line": reader.line_num, "error": error}
            ]
        ) from error
    # A tool's summary may come first and name some of the same columns: the last row that
    # looks like a header is the participants' one.
    starts = [
        index
        for index, (_line, cells) in enumerate(read)
        if header_finder is None or header_finder(cells)
    ]
    if not starts:
        raise ImportRefused([_("The file has no header row.")])
    start = 0 if header_finder is None else starts[-1]
    headers, rows, problems = read[start][1], [], []
    for line, cells in read[start + 1 :]:
        if len(cells) > len(headers) and any(cells[len(headers) :]):
            problems.append(
                _("Line %(line)s has %(count)s cells where the header has %(columns)s.")
                % {"line": line, "count": len(cells), "columns": len(headers)}
            )
            continue
        rows.append((line, cells + [""] * (len(headers) - len(cells))))
    if problems:
        raise ImportRefused(problems)
    if not rows:
        raise ImportRefused([_("The file has a header but no row.")])
    if len(rows) > MAX_ROWS:
        raise ImportRefused([_("The file has more than %(count)s rows.") % {"count": MAX_ROWS}])
    return Table(headers, rows)


def parse_date(text):
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


_DURATION_PARTS = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)\b"
)


def parse_minutes(text):
    """Minutes in ``text``: ``42``, ``42.5``, ``1:05:30``, ``1h 5m 30s``, ``45 min``; or None
    for text that is not a finite number of minutes (``inf``, ``nan``, ``1e400``). A negative or
    absurd number is returned: the caller says what is wrong with it."""
    text = text.strip().casefold()
    if not text:
        return None
    minutes = _read_minutes(text)
    if minutes is None or not math.isfinite(minutes):
        return None
    return minutes


def _read_minutes(text):
    try:
        return float(text.replace(",", "."))
    except ValueError:
        pass
    if re.fullmatch(r"\d+(:\d{1,2}){1,2}", text):
        try:
            parts = [int(part) for part in text.split(":")]
        except ValueError:  # more digits than Python converts
            return None
        if len(parts) == 2:
            parts = [0, *parts]
        hours, minutes, seconds = parts
        return hours * 60 + minutes + seconds / 60
    found = _DURATION_PARTS.findall(text)
    if not found or _DURATION_PARTS.sub("", text).strip():
        return None
    scale = {"h": 60, "m": 1, "s": 1 / 60}
    return sum(float(amount.replace(",", ".")) * scale[unit[0]] for amount, unit in found)


def shown(value, length=40):
    """A cell's text short enough to quote in a message."""
    return value if len(value) <= length else value[: length - 1] + "…"
