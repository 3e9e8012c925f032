"""Ready-to-paste citations of a record, in Vietnamese and in English."""

from __future__ import annotations

import datetime
from typing import Any

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _dates(iso: str | None) -> tuple[str | None, str | None]:
    if not iso:
        return None, None
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso, iso
    return (
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{_MONTHS[day.month - 1]} {day.day}, {day.year}",
    )


_SCALES_EN = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _number_en(value: float) -> str:
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return text


def figure_en(record: dict[str, Any]) -> str:
    """The figure in English notation: 138.000 tỷ đồng -> VND 138 trillion; 12,7% -> 12.7%."""
    base, unit = record.get("base_value"), record.get("base_unit")
    value = record.get("value")
    if unit in ("VND", "USD") and isinstance(base, (int, float)):
        for factor, word in _SCALES_EN:
            if abs(base) >= factor:
                return f"{unit} {_number_en(base / factor)} {word}"
        return f"{unit} {_number_en(base)}"
    if not isinstance(value, (int, float)):
        return str(record.get("value_text") or "")
    text = _number_en(value)
    if record.get("total") is not None:
        text += "/" + _number_en(record["total"])
    unit_text = record.get("unit") or ""
    if unit_text == "%":
        return text + "%"
    return f"{text} {unit_text}".strip()


def citation(record: dict[str, Any]) -> dict[str, str]:
    source = record.get("source") or {}
    vi_date, en_date = _dates(source.get("date"))
    title = source.get("title")
    where_vi = ", ".join(
        x
        for x in (
            f"“{title}”" if title else None,
            source.get("outlet"),
            f"ngày {vi_date}" if vi_date else None,
            source.get("url"),
        )
        if x
    )
    where_en = ", ".join(
        x
        for x in (f"“{title}”" if title else None, source.get("outlet"), en_date, source.get("url"))
        if x
    )
    if record.get("kind") == "quote":
        speaker = record.get("speaker") or {}
        who = ", ".join(x for x in (speaker.get("name"), speaker.get("role")) if x) or "?"
        said = f"“{record.get('text')}” — {who}"
        return {"vi": f"{said} (theo {where_vi})", "en": f"{said} (according to {where_en})"}
    period = f" ({record['period']})" if record.get("period") else ""
    metric_en = record.get("metric_en") or record.get("metric")
    figure = record.get("value_text")
    if record.get("measure") == "change" and record.get("direction") in ("up", "down"):
        figure_vi = ("tăng " if record["direction"] == "up" else "giảm ") + str(figure)
        figure_english = ("up " if record["direction"] == "up" else "down ") + figure_en(record)
    else:
        figure_vi, figure_english = str(figure), figure_en(record)
    vi = f"{record.get('metric')}{period}: {figure_vi} (theo {where_vi})"
    en = f"{metric_en}{period}: {figure_english} (according to {where_en})"
    return {"vi": vi, "en": en}
