"""Bar charts drawn on the server as SVG: no script, readable by screen readers (a title and
a description, each bar a labelled group), and always shown beside the data table."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import format_html
from django.utils.safestring import mark_safe

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 220
BAR_WIDTH = 360
VALUE_WIDTH = 70


@dataclass
class Bar:
    label: str
    value: object


def bar_chart(title, description, bars, chart_id):
    """An accessible horizontal bar chart (``<svg role="img">``) of ``bars``."""
    values = [Decimal(bar.value) for bar in bars if bar.value is not None]
    top = max(values, default=Decimal(0)) or Decimal(1)
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    rows = []
    for index, bar in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        value = Decimal(bar.value or 0)
        length = int(BAR_WIDTH * value / top)
        shown = f"{value:.1f}" if value != value.to_integral_value() else f"{value:.0f}"
        rows.append(
            format_html(
                '<g role="listitem" aria-label="{}: {}">'
                '<text x="{}" y="{}" text-anchor="end" class="cl-chart__label">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" class="cl-chart__bar"></rect>'
                '<text x="{}" y="{}" class="cl-chart__value">{}</text></g>',
                bar.label,
                shown,
                LABEL_WIDTH - 8,
                y + BAR_HEIGHT - 6,
                bar.label,
                LABEL_WIDTH,
                y,
                max(length, 1),
                BAR_HEIGHT,
                LABEL_WIDTH + length + 6,
                y + BAR_HEIGHT - 6,
                shown,
            )
        )
    # Every row was built by format_html above, which escaped what it took in.
    joined_rows = mark_safe("".join(rows))  # noqa: S308  # nosec B308 B703
    return format_html(
        '<svg class="cl-chart" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        '<g role="list">{rows}</g></svg>',
        id=chart_id,
        w=width,
        h=height,
        title=title,
        desc=description,
        rows=joined_rows,
    )


__all__ = ["Bar", "bar_chart"]
