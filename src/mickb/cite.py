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
    vi = f"{record.get('metric')}{period}: {record.get('value_text')} (theo {where_vi})"
    metric_en = record.get("metric_en") or record.get("metric")
    en = f"{metric_en}{period}: {record.get('value_text')} (according to {where_en})"
    return {"vi": vi, "en": en}
