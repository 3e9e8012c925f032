"""One row per figure: what `find` shows once, and which sources state or contradict it.

Rules, in the order they apply to records ranked best first:

1. A growth rate stated with a level (the level lists it in `related`) shows in the level's
   row, not as a row of its own, when both were found.
2. The same figure stated twice in one source (a title and its body: same value, unit,
   measure and direction; periods equal, of the same year, or one unstated) is one row.
3. The same figure in several sources (same value, unit, measure, direction and stated
   period; metrics alike, or both found by the query's words) is one row; `sources` lists
   every source, the row's own first.
4. Other values for exactly the same metric (three words or more: "doanh thu" alone names
   no one thing) and the same stated period, from other sources, whose sentences name the
   same subject before the figure ("lợi nhuận sau thuế" of Vinatex is not that of HPG) or,
   for a metric of five syllables or more, name none, are `conflicts` of the first row:
   sources that disagree. The first step of cross-checking, not a verdict.

Rows gather what the search found; the rows shown are also looked up by value
(mickb.kb.figures, bounded), so that `sources` names the other sources of the KB that state
the figure. `figure_sources` does the same for one record (`show`), looking up the other
values of its metric as well.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from mickb.kb.store import KB
from mickb.text.fold import fold

if TYPE_CHECKING:
    from mickb.records import SourceRecord

Scope = tuple[list[str] | None, str | None, str | None]  # source ids, since, until
NO_SCOPE: Scope = (None, None, None)
CONFLICT_METRIC_WORDS = 3
NAME_WINDOW = 150  # characters before a figure where its subject is named
# Syllables of a metric that names one thing without a subject ("doanh thu dịch vụ viễn
# thông" does; "lợi nhuận trước thuế" is anyone's).
SELF_SPEAKING_METRIC = 5
_NAME_WORDS = re.compile(r"[^\W\d_][\w&.-]*")
# Capitalised words that name no one in particular (a title, a kind of body, a place word).
_NOT_NAMES = frozenset(
    """bo cong ty tong tap doan ngan hang nha nuoc chinh phu thanh pho tinh so cuc vien
    ong ba anh chi theo trong nam thang quy ubnd tp viet nam""".split()
)
_RELATIVE = re.compile(r"^(?:nam (?:nay|ngoai|truoc|qua|toi|sau)|ca nam|nam)\s*/?\s*(?=\d{4}$)")
_WORDS = re.compile(r"[^\W_]+")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")


@lru_cache(maxsize=4096)
def period_key(period: str | None) -> str:
    """A period as compared across sources: "năm nay/2017", "năm 2017" and "2017" are one."""
    if not period:
        return ""
    folded = " ".join(_WORDS.findall(fold(period).replace("/", " / "))).replace(" / ", "/")
    return _RELATIVE.sub("", folded)


class _Keys(NamedTuple):
    """What the rules compare of a fact, computed once per record."""

    figure: tuple[Any, ...]  # value, total, unit, measure, direction
    period: str
    years: list[str]
    metric: frozenset[str]
    conflict: tuple[Any, ...] | None  # metric, period, measure, unit, direction
    source: str
    names: frozenset[str]  # proper names before the figure: whose figure it is


_folded = lru_cache(maxsize=4096)(fold)


@lru_cache(maxsize=4096)
def _folded_words(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(_folded(text)))


def _keys(record: dict[str, Any]) -> _Keys:
    words = _folded_words(record.get("metric") or "")
    unit = _folded(record.get("unit") or "")
    period = period_key(record.get("period"))
    measure, direction = record.get("measure"), record.get("direction")
    conflict = None
    if len(words) >= CONFLICT_METRIC_WORDS and period:
        conflict = (" ".join(words), period, measure, unit, direction)
    return _Keys(
        figure=(record.get("value"), record.get("total"), unit, measure, direction),
        period=period,
        years=_YEARS.findall(period),
        metric=frozenset(words),
        conflict=conflict,
        source=str((record.get("source") or {}).get("id") or ""),
        names=_names_before(record) if conflict is not None else frozenset(),
    )


def _names_before(record: dict[str, Any]) -> frozenset[str]:
    """The proper names the sentence writes before the figure ("Vinatex", "HPG", "Vietnam
    Airlines"), folded: metrics in news rarely name whose profit or revenue it is."""
    sentence, figure = record.get("sentence") or "", record.get("value_text") or ""
    at = sentence.find(figure) if figure else -1
    if at < 0:
        return frozenset()
    words = _NAME_WORDS.findall(sentence[max(0, at - NAME_WINDOW) : at])
    if at <= NAME_WINDOW and words and sentence.startswith(words[0]):
        words = words[1:]  # the sentence's first word is capitalised whatever it is
    names = {_folded(w) for w in words if w[0].isupper()}
    return frozenset(names - _NOT_NAMES)


class _Rules:
    """The four rules over records, with each record's keys computed once."""

    def __init__(self) -> None:
        self._cache: dict[str, _Keys] = {}

    def keys(self, record: dict[str, Any]) -> _Keys:
        found = self._cache.get(record["id"])
        if found is None:
            found = self._cache[record["id"]] = _keys(record)
        return found

    def repeated(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        """Rule 2: the same figure stated twice in one source."""
        ka, kb = self.keys(a), self.keys(b)
        if ka.source != kb.source or ka.figure != kb.figure:
            return False
        return not ka.period or not kb.period or ka.period == kb.period or ka.years == kb.years

    def found_alike(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        """Rule 3 for two records the same query found: the query's words are their metric,
        however differently each source words it."""
        ka, kb = self.keys(a), self.keys(b)
        return ka.figure == kb.figure and bool(ka.period) and ka.period == kb.period

    def same_figure(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        """Rule 3 for any two facts: same figure and period, metrics alike (one's words hold
        the other's, or they share most of their words)."""
        if not self.found_alike(a, b):
            return False
        wa, wb = self.keys(a).metric, self.keys(b).metric
        if not wa or not wb:
            return False
        return wa <= wb or wb <= wa or len(wa & wb) / min(len(wa), len(wb)) >= 0.8

    def disagrees(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        """Rule 4: another source's other value for exactly the same metric and period."""
        ka, kb = self.keys(a), self.keys(b)
        return (
            ka.conflict is not None
            and ka.conflict == kb.conflict
            and ka.source != kb.source
            and ka.figure[:2] != kb.figure[:2]
            # The same metric of two companies is no disagreement: they name someone in
            # common, or neither names anyone and the metric says enough by itself.
            and (
                bool(ka.names & kb.names)
                or (not (ka.names or kb.names) and len(ka.metric) >= SELF_SPEAKING_METRIC)
            )
        )


class _Row:
    __slots__ = ("record", "members", "records", "stated", "conflicts")

    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record
        self.members = [record["id"]]  # ids of the records the row stands for
        self.records = [record]
        self.stated = [record]  # one record per source that states the figure, its own first
        self.conflicts: list[dict[str, Any]] = []

    def take(self, record: dict[str, Any], rules: _Rules) -> None:
        self.members.append(record["id"])
        self.records.append(record)
        if rules.found_alike(self.record, record):
            self.state(record, rules)
        elif rules.disagrees(self.record, record):
            self.conflicts.append(record)

    def state(self, record: dict[str, Any], rules: _Rules) -> None:
        if rules.keys(record).source not in {rules.keys(r).source for r in self.stated}:
            self.stated.append(record)


def _levels(records: list[dict[str, Any]]) -> dict[str, str]:
    """Growth rate id -> the id of the level it was stated with, when both were found."""
    by_id = {r["id"]: r for r in records}
    level_of: dict[str, str] = {}
    for record in records:
        if record.get("kind") == "fact" and record.get("measure") == "change":
            for rid in record.get("related") or []:
                other = by_id.get(rid)
                if other is not None and other.get("measure") != "change":
                    level_of[record["id"]] = rid
                    break
    return level_of


class Grouping:
    """Records ranked best first, gathered into rows ranked best first."""

    def __init__(self, kb: KB, records: list[dict[str, Any]], scope: Scope = NO_SCOPE) -> None:
        self.kb = kb
        self.scope = scope
        self.rules = _Rules()
        self.rows: list[_Row] = []
        by_id = {r["id"]: r for r in records}
        level_of = _levels(records)
        row_of: dict[str, _Row] = {}
        for record in records:
            if record["id"] in row_of:
                continue
            level = level_of.get(record["id"])
            if level is not None and level in row_of:
                row_of[level].members.append(record["id"])
                row_of[level].records.append(record)
                row_of[record["id"]] = row_of[level]
                continue
            change = None
            if level is not None:
                # The level takes its growth rate's place in the ranking when it ranks lower.
                change, record = record, by_id[level]
            home = self._home(record)
            if home is None:
                home = _Row(record)
                self.rows.append(home)
            else:
                home.take(record, self.rules)
            row_of[record["id"]] = home
            if change is not None:
                home.members.append(change["id"])
                home.records.append(change)
                row_of[change["id"]] = home

    def _home(self, record: dict[str, Any]) -> _Row | None:
        if record.get("kind") != "fact":
            return None
        rules = self.rules
        for row in self.rows:
            first = row.record
            if first.get("kind") != "fact":
                continue
            if (
                rules.repeated(first, record)
                or rules.found_alike(first, record)
                or rules.disagrees(first, record)
                or any(rules.repeated(other, record) for other in row.records[1:])
            ):
                return row
        return None

    def first(self, n: int) -> list[tuple[dict[str, Any], list[str]]]:
        """The first n rows, each figure looked up in the rest of the KB: (the row's record,
        with `sources` and `conflicts` for a fact; the ids of the records it stands for)."""
        rows = self.rows[:n]
        for row in rows:
            if row.record.get("kind") == "fact":
                _look_up_others(self.kb, row, self.rules, self.scope)
        return [(_finished(row, self.rules), row.members) for row in _merged(rows, self.rules)]


def _merged(rows: list[_Row], rules: _Rules) -> list[_Row]:
    """A row whose figure an earlier row also found stated (in the same other source) joins
    that row: each source words the metric its own way, and alikeness does not chain."""
    kept: list[_Row] = []
    owner: dict[str, _Row] = {}
    for row in rows:
        ids = [r["id"] for r in row.records + row.stated]
        home = next((owner[i] for i in ids if i in owner), None)
        if home is None:
            kept.append(row)
            home = row
        else:
            home.members += [m for m in row.members if m not in home.members]
            home.records += row.records
            for stated in row.stated:
                home.state(stated, rules)
        for record in row.records + row.stated:
            owner.setdefault(record["id"], home)
    return kept


def _in_scope(record: dict[str, Any], scope: Scope) -> bool:
    source_ids, since, until = scope
    source = record.get("source") or {}
    if source_ids is not None and source.get("id") not in source_ids:
        return False
    if since or until:
        date = source.get("date") or ""
        if not date or (since and date < since) or (until and date > until):
            return False
    return True


def _look_up_others(
    kb: KB, row: _Row, rules: _Rules, scope: Scope, *, by_metric: bool = False
) -> None:
    from mickb.kb.figures import facts_like, facts_with_metric

    first = row.record
    keys = rules.keys(first)
    known = {r["id"] for r in row.records} | {c["id"] for c in row.conflicts}
    others: list[dict[str, Any]] = []
    if isinstance(first.get("value"), (int, float)) and keys.period:
        others += facts_like(kb, first, keys.years[-1] if keys.years else None)
    if by_metric and keys.conflict is not None:
        others += facts_with_metric(kb, keys.conflict[0])
    for other in sorted(others, key=_by_date):
        if other["id"] in known or not _in_scope(other, scope):
            continue
        known.add(other["id"])
        if rules.same_figure(first, other):
            row.state(other, rules)
        elif rules.disagrees(first, other) and not any(
            rules.repeated(c, other) for c in row.conflicts
        ):
            row.conflicts.append(other)


def _by_date(record: dict[str, Any]) -> tuple[str, str]:
    source = record.get("source") or {}
    return (source.get("date") or "9999", record["id"])


def _conflict(record: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": record["id"],
        "value": record.get("value"),
        "unit": record.get("unit"),
        "value_text": record.get("value_text"),
        "source": record.get("source"),
    }


def _finished(row: _Row, rules: _Rules) -> dict[str, Any]:
    record = dict(row.record)
    if record.get("kind") == "fact":
        sources: list[SourceRecord] = []
        seen: set[str] = set()
        for stated in row.stated:
            source = stated.get("source")
            if source and source.get("id") not in seen:
                seen.add(source.get("id"))
                sources.append(source)
        record["sources"] = sources
        record["conflicts"] = [_conflict(c) for c in row.conflicts]
    return record


def one_row_per_figure(
    kb: KB, records: list[dict[str, Any]], scope: Scope = NO_SCOPE, limit: int | None = None
) -> list[tuple[dict[str, Any], list[str]]]:
    """Records ranked best first -> at most `limit` rows ranked best first."""
    grouping = Grouping(kb, records, scope)
    return grouping.first(len(grouping.rows) if limit is None else limit)


def figure_sources(kb: KB, record: dict[str, Any]) -> dict[str, Any]:
    """`show`: the record with `sources` (every source of the KB stating the same figure)
    and `conflicts` (other sources' other values for the same metric and period)."""
    if record.get("kind") != "fact":
        return record
    rules = _Rules()
    row = _Row(record)
    _look_up_others(kb, row, rules, NO_SCOPE, by_metric=True)
    return _finished(row, rules)
