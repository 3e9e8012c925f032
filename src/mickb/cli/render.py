"""The one renderer: every command's output goes through here.

Data goes to stdout, messages to stderr. JSON/JSONL/CSV are for scripts and never import
rich; tables and panels are for people at a terminal (colour off with NO_COLOR). When stdout
is not a terminal, tables print as tab-separated lines without padding or wrapping (as `gh`
does: `cut -f3` works) and `show` as plain text, without importing rich.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from mickb.records import CheckResult

# CSV columns: the contract's record fields, with nested objects flattened.
FACT_COLUMNS = [
    "kind",
    "id",
    "metric",
    "metric_en",
    "measure",
    "value",
    "unit",
    "value_text",
    "total",
    "qualifier",
    "base_value",
    "base_unit",
    "period",
    "compared_to",
    "direction",
    "sector",
    "related",
    "sentence",
]
QUOTE_COLUMNS = ["kind", "id", "text", "speaker_name", "speaker_role", "form", "sentence"]
SOURCE_COLUMNS = [
    "source_id",
    "source_title",
    "source_date",
    "source_url",
    "source_outlet",
    "source_author",
]
CSV_COLUMNS = list(dict.fromkeys(FACT_COLUMNS + QUOTE_COLUMNS + SOURCE_COLUMNS))


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def write_json(obj: Any, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    out.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def write_json_list(rows: Iterable[Any], out: TextIO | None = None) -> None:
    """One JSON list, written a row at a time (an export of a million records stays small)."""
    out = out or sys.stdout
    out.write("[")
    written = 0
    for row in rows:
        out.write(("," if written else "") + "\n  " + dumps(row))
        written += 1
    out.write("\n]\n" if written else "]\n")


def write_jsonl(rows: Iterable[Any], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    for row in rows:
        out.write(dumps(row) + "\n")


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if key == "source" and isinstance(value, dict):
            for sub, subvalue in value.items():
                flat[f"source_{sub}"] = subvalue
        elif key == "speaker" and isinstance(value, dict):
            flat["speaker_name"] = value.get("name")
            flat["speaker_role"] = value.get("role")
        elif key == "sources" and isinstance(value, list):
            flat[key] = " ".join(str(s.get("id")) for s in value if isinstance(s, dict))
        elif key == "conflicts" and isinstance(value, list):
            flat[key] = "; ".join(
                f"{c.get('value_text')} ({(c.get('source') or {}).get('id')})"
                for c in value
                if isinstance(c, dict)
            )
        elif isinstance(value, list):
            flat[key] = " ".join(str(v) for v in value)
        else:
            flat[key] = value
    return flat


def write_csv(
    rows: Iterable[dict[str, Any]], out: TextIO | None = None, extra: list[str] | None = None
) -> None:
    """CSV with a header row; `extra` columns follow the contract's ones (find adds
    `sources`, space-separated source ids, and `conflicts`, "value (source id)" by "; ")."""
    out = out or sys.stdout
    import csv  # (only for --csv)

    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS + (extra or []), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(flatten(row))


def is_terminal() -> bool:
    """Whether stdout is a person's terminal (MICKB_FORCE_TTY=1 says so, as GH_FORCE_TTY does
    for gh): tables for people then, tab-separated lines for programs otherwise."""
    if os.environ.get("MICKB_FORCE_TTY") == "1":
        return True
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stdout
        return False


def plural(n: int, word: str, words: str | None = None) -> str:
    """'1 source', '3 sources'."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def _tsv_field(value: Any) -> str:
    return " ".join(str("" if value is None else value).split())


def write_tsv(rows: Iterable[list[Any]], out: TextIO | None = None) -> None:
    """Tab-separated lines, no header, no padding: tabs and line breaks inside a field
    become spaces."""
    out = out or sys.stdout
    for row in rows:
        out.write("\t".join(_tsv_field(v) for v in row) + "\n")


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich would exit 1 ("nothing found" here); let the entry point end quietly with
            # the command's own code, as for JSON output (`mickb find … | head`).
            self.quiet = True
            raise BrokenPipeError

    # markup=False, emoji=False: strings are source text, printed as written; "[Infographic]"
    # or "[/]" in a title is not rich markup, ":phone:" not an emoji (and the emoji table is
    # not imported).
    return _Console(
        stderr=stderr,
        no_color=bool(os.environ.get("NO_COLOR")),
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
    )


_DIRECTION_VI = {"up": "tăng ", "down": "giảm "}


def format_figure(record: dict[str, Any]) -> str:
    """The figure as the source writes it; a growth rate says which way it went."""
    text = str(record.get("value_text") or "")
    if record.get("measure") == "change":
        return _DIRECTION_VI.get(record.get("direction") or "", "") + text
    return text


def format_change(record: dict[str, Any], related: dict[str, dict[str, Any]]) -> str:
    """For a level, the growth rate stated with it ('+1,6%'), if the results hold it."""
    if record.get("measure") == "change":
        return ""
    for rid in record.get("related") or []:
        other = related.get(rid)
        if other and other.get("measure") == "change":
            sign = {"up": "+", "down": "−"}.get(other.get("direction") or "", "")
            return sign + str(other.get("value_text") or "")
    return ""


def _highlight(text: str, words: list[str]) -> Any:
    """Rich Text with the query's words highlighted, matched without diacritics."""
    from rich.text import Text

    from mickb.text.fold import fold

    rich_text = Text(text)
    if not words:
        return rich_text
    folded = fold(text)
    # fold() keeps one character per character for NFC Vietnamese, so offsets carry over.
    if len(folded) != len(text):
        return rich_text
    for word in {w for w in words if len(w) >= 2}:
        start = 0
        while True:
            pos = folded.find(word, start)
            if pos < 0:
                break
            end = pos + len(word)
            before_ok = pos == 0 or not folded[pos - 1].isalnum()
            after_ok = end == len(folded) or not folded[end].isalnum()
            if before_ok and after_ok:
                rich_text.stylize("bold yellow", pos, end)
            start = end
    return rich_text


def results_table(
    hits: list[dict[str, Any]],
    words: list[str],
    related: dict[str, dict[str, Any]] | None = None,
    weak: set[str] | None = None,
) -> None:
    """Facts and quotes found, best first, matched words highlighted.

    Piped: one tab-separated line per result (`results_tsv`). At a terminal: a table on wide
    ones; on narrow ones one small card per result, so Vietnamese phrases wrap between words
    instead of columns being cut. `weak` holds the ids of weak matches (`find --all`).
    """
    known = {h["id"]: h for h in hits}
    known.update(related or {})
    if not is_terminal():
        write_tsv(results_tsv(hits, known))
        return
    console = _console()
    if console.width >= 110:
        _wide_table(console, hits, words, known, weak or set())
    else:
        _cards(console, hits, words, known, weak or set())


def results_tsv(hits: list[dict[str, Any]], known: dict[str, dict[str, Any]]) -> list[list[Any]]:
    """Columns: id, kind, figure (or “quote”), change, period, metric (or speaker), first
    source, its date, number of sources, other values sources give ("v (source); ...")."""
    rows: list[list[Any]] = []
    for rec in hits:
        source = rec.get("source") or {}
        if rec.get("kind") == "quote":
            rows.append(
                [
                    rec["id"],
                    "quote",
                    "“" + (rec.get("text") or "") + "”",
                    "",
                    "",
                    _speaker_label(rec),
                    _source_name(rec),
                    source.get("date"),
                    "",
                    "",
                ]
            )
            continue
        rows.append(
            [
                rec["id"],
                "fact",
                format_figure(rec),
                format_change(rec, known),
                rec.get("period"),
                rec.get("metric"),
                _source_name(rec),
                source.get("date"),
                len(rec.get("sources") or [source]),
                _conflicts_label(rec),
            ]
        )
    return rows


def _speaker_label(rec: dict[str, Any]) -> str:
    speaker = rec.get("speaker") or {}
    return ", ".join(x for x in (speaker.get("name"), speaker.get("role")) if x) or "?"


def _source_name(rec: dict[str, Any]) -> str:
    source = rec.get("source") or {}
    return str(source.get("outlet") or source.get("title") or source.get("id") or "")


def _source_label(rec: dict[str, Any]) -> str:
    source = rec.get("source") or {}
    return " ".join(x for x in (_source_name(rec), source.get("date")) if x)


def _sources_label(rec: dict[str, Any]) -> str:
    """'Nhân Dân 2022-12-18' or, for a figure several sources state, '3 sources: Nhân Dân
    2022-12-18, VnExpress 2022-12-19, …'."""
    sources = rec.get("sources") or []
    if len(sources) <= 1:
        return _source_label(rec)
    names = [_source_label({"source": s}) for s in sources[:3]]
    more = ", …" if len(sources) > 3 else ""
    return f"{plural(len(sources), 'source')}: " + ", ".join(names) + more


def _conflicts_label(rec: dict[str, Any]) -> str:
    return "; ".join(
        f"{c.get('value_text')} ({_source_label({'source': c.get('source') or {}})})"
        for c in rec.get("conflicts") or []
    )


def _wide_table(
    console: Any,
    hits: list[dict[str, Any]],
    words: list[str],
    known: dict[str, dict[str, Any]],
    weak: set[str],
) -> None:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, expand=False)
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("metric / quote", ratio=3, overflow="fold")
    table.add_column("figure / speaker", ratio=2, overflow="fold")
    table.add_column("change", no_wrap=True)
    table.add_column("period", ratio=1, overflow="fold")
    table.add_column("source", ratio=2, overflow="fold")
    for rec in hits:
        style = "dim" if rec["id"] in weak else None
        if rec.get("kind") == "quote":
            table.add_row(
                rec["id"],
                _highlight("“" + rec["text"] + "”", words),
                _speaker_label(rec),
                "",
                "",
                _source_label(rec),
                style=style,
            )
        else:
            where = _sources_label(rec)
            if rec.get("conflicts"):
                where += "\nsources disagree: " + _conflicts_label(rec)
            table.add_row(
                rec["id"],
                _highlight(rec.get("metric") or "", words),
                _highlight(format_figure(rec), words),
                format_change(rec, known),
                rec.get("period") or "",
                where,
                style=style,
            )
    console.print(table)


def _cards(
    console: Any,
    hits: list[dict[str, Any]],
    words: list[str],
    known: dict[str, dict[str, Any]],
    weak: set[str],
) -> None:
    from rich.text import Text

    for rec in hits:
        head = Text()
        if rec.get("kind") == "quote":
            speaker = rec.get("speaker") or {}
            head.append(speaker.get("name") or speaker.get("role") or "?", style="bold")
            if speaker.get("name") and speaker.get("role"):
                head.append(", " + speaker["role"], style="dim")
            body = _highlight("“" + rec["text"] + "”", words)
        else:
            head.append_text(_highlight(format_figure(rec), words))
            head.stylize("bold cyan")
            change = format_change(rec, known)
            if change:
                head.append(f"  ({change})")
            if rec.get("period"):
                head.append(f"  {rec['period']}", style="bold")
            body = _highlight(rec.get("metric") or "", words)
        if rec["id"] in weak:
            head.append("  (weak match)", style="dim")
        _indented(console, head, 0)
        _indented(console, body)
        _indented(console, Text(f"{rec['id']} · {_sources_label(rec)}", style="dim"))
        if rec.get("conflicts"):
            disagree = Text("sources disagree: " + _conflicts_label(rec), style="yellow")
            _indented(console, disagree)
        console.print()


def _show_sections(context: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """`show` as titled sections of lines, the same on a terminal and in a pipe."""
    rec = context["record"]
    head: list[str] = []
    if rec.get("kind") == "quote":
        head.append("“" + rec["text"] + "”")
        head.append(f"— {_speaker_label(rec)}  ({rec.get('form')})")
    else:
        head.append(f"{rec.get('metric') or ''}: {format_figure(rec)}")
        fields = ("measure", "qualifier", "period", "compared_to", "direction", "sector")
        details = [f"{k}: {rec[k]}" for k in (*fields, "metric_en") if rec.get(k) not in (None, "")]
        head.append("  ".join(details))
    sections: list[tuple[str, list[str]]] = [(rec["id"], head)]
    sections.append(("Sentence", [rec.get("sentence") or ""]))
    if context.get("paragraph") and context["paragraph"] != rec.get("sentence"):
        sections.append(("Paragraph", [context["paragraph"]]))
    sources = rec.get("sources") or []
    if len(sources) > 1:
        sections.append(
            (f"Stated by {plural(len(sources), 'source')}", [_one_source(s) for s in sources])
        )
    if rec.get("conflicts"):
        sections.append(
            (
                "Sources that disagree",
                [
                    f"{c.get('value_text')}  {c.get('id')}  {_one_source(c.get('source') or {})}"
                    for c in rec["conflicts"]
                ],
            )
        )
    related = context.get("related") or []
    if related:
        lines = []
        for other in related:
            what = other.get("metric") or other.get("text") or ""
            lines.append(f"{other['id']}  {what}: {format_figure(other)}")
        sections.append(("Related", lines))
    return sections


def _one_source(source: dict[str, Any]) -> str:
    parts = (source.get("outlet"), source.get("date"), source.get("title"), source.get("url"))
    return " · ".join(str(x) for x in parts if x)


def record_panel(context: dict[str, Any]) -> None:
    """`show`: the record, its sentence, paragraph, the sources stating it, related facts, and
    the citations. The citations are plain lines written as they are, never wrapped nor
    boxed, so that they paste whole whatever the terminal's width."""
    sections = _show_sections(context)
    citations = context.get("citation") or {}
    cite = [f"[{lang}] {citations[lang]}" for lang in ("vi", "en") if citations.get(lang)]
    if is_terminal():
        _show_on_terminal(context, sections)
    else:
        out = sys.stdout
        for n, (title, lines) in enumerate(sections):
            if n:
                out.write(f"\n{title}\n")
            else:
                out.write(f"{title}\n")
            for line in lines:
                out.write(f"{line}\n")
    if cite:
        sys.stdout.write("\nCite\n" + "".join(line + "\n" for line in cite))


def _indented(console: Any, text: Any, indent: int = 2) -> None:
    """Text wrapped between words at the console's width, each line indented, with no
    trailing spaces (what a terminal copies is what the text says)."""
    from rich.text import Text

    for line in text.wrap(console, max(20, console.width - indent)):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)


def _show_on_terminal(context: dict[str, Any], sections: list[tuple[str, list[str]]]) -> None:
    from rich.text import Text

    rec = context["record"]
    console = _console()
    for n, (title, lines) in enumerate(sections):
        if n:
            console.print()
        console.print(Text(title, style="dim" if n == 0 else "underline"))
        for i, line in enumerate(lines):
            text = Text(line)
            if n == 0 and i == 0:
                text.stylize("bold")
            elif title == "Sentence":
                needle = rec.get("value_text") if rec.get("kind") == "fact" else rec.get("text")
                if needle:
                    text.highlight_words([needle], style="bold yellow")
            elif title == "Paragraph" or (n == 0 and i == 1):
                text.stylize("dim")
            _indented(console, text)
    console.file.flush()


VERDICT_STYLE = {
    "supported": "green",
    "verified": "green",
    "contradicted": "red",
    "misattributed": "red",
    "not_found": "yellow",
    "altered": "yellow",
}


def check_lines(result: CheckResult) -> None:
    """One checked sentence of an article: its verdict, then a line per figure."""
    out = sys.stdout
    out.write(f"{result['verdict'].upper()}\t{result['claim']}\n")
    for fig in result["figures"]:
        out.write(f"  {fig['text']}\t{fig['verdict']}\t{fig['explanation']}\n")


def article_summary(summary: dict[str, int]) -> str:
    n = summary["sentences"]
    return (
        f"{n} {'sentence' if n == 1 else 'sentences'} with figures checked: "
        f"{summary['supported']} supported, {summary['contradicted']} contradicted, "
        f"{summary['not_found']} not found"
    )


def _cite_line(record: dict[str, Any]) -> str:
    source: dict[str, Any] = dict(record.get("source") or {})
    parts = (source.get("title"), source.get("outlet"), source.get("date"), record.get("id"))
    return ", ".join(str(x) for x in parts if x)


def check_plain(result: CheckResult) -> None:
    """A checked claim on a pipe: the verdict and the claim, a line per figure (figure,
    verdict, explanation, tab-separated, as `check --article` prints them), then for each
    figure the source sentence and where to cite it from, never wrapped nor boxed."""
    out = sys.stdout
    check_lines(result)
    if not result.get("figures"):
        out.write("  no figure to check in this claim\n")
    for fig in result.get("figures", []):
        fact = fig.get("fact")
        if fact:
            out.write(f"\nSource of {fig['text']}\n{fact.get('sentence') or ''}\n")
            out.write(f"Cite: {_cite_line(dict(fact))}\n")


def check_panel(result: CheckResult) -> None:
    if not is_terminal():
        check_plain(result)
        return
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    verdict = result["verdict"]
    style = VERDICT_STYLE.get(verdict, "white")
    lines: list[Any] = [Text(result["claim"])]
    if not result.get("figures"):
        lines.append(Text("no figure to check in this claim", style="yellow"))
    for fig in result.get("figures", []):
        lines.append(Text(""))
        head = Text()
        head.append(fig["text"], style="bold")
        head.append("  ")
        head.append(fig["verdict"].upper(), style=f"bold {VERDICT_STYLE.get(fig['verdict'])}")
        lines.append(head)
        if fig.get("explanation"):
            lines.append(Text(fig["explanation"]))
        fact = fig.get("fact")
        if fact:
            sentence = Text(fact.get("sentence") or "", style="dim")
            if fact.get("value_text"):
                sentence.highlight_words([fact["value_text"]], style="bold yellow")
            lines.append(sentence)
            source: dict[str, Any] = dict(fact.get("source") or {})
            cite = ", ".join(
                x
                for x in (
                    source.get("title"),
                    source.get("outlet"),
                    source.get("date"),
                    fact.get("id"),
                )
                if x
            )
            lines.append(Text(cite, style="dim italic"))
    _console().print(Panel(Group(*lines), title=verdict.upper(), border_style=style))


# A quotation's sentence longer than this shows only the part around the words looked up.
QUOTE_WINDOW = 360


def quote_window(sentence: str, said: str) -> tuple[str, tuple[int, int]]:
    """The sentence, or the part of a long one around the words looked up ("… có kết nối
    trên tinh thần “không để ai bị bỏ lại phía sau”."), and where those words are in it."""
    from rapidfuzz import fuzz

    if not sentence or not said.strip():
        return sentence, (0, 0)
    found = fuzz.partial_ratio_alignment(said.lower(), sentence.lower())
    start, end = (found.dest_start, found.dest_end) if found is not None else (0, 0)
    if len(sentence) <= QUOTE_WINDOW:
        return sentence, (start, end)
    room = max(0, QUOTE_WINDOW - (end - start)) // 2
    lo = max(0, start - room)
    hi = min(len(sentence), end + room)
    if lo > 0:  # begin and end on whole words
        lo = sentence.find(" ", lo) + 1 or lo
    if hi < len(sentence):
        hi = sentence.rfind(" ", end, hi) if sentence.rfind(" ", end, hi) > 0 else hi
    prefix = "… " if lo > 0 else ""
    suffix = " …" if hi < len(sentence) else ""
    shift = len(prefix) - lo
    shown = prefix + sentence[lo:hi].strip() + suffix
    return shown, (start + shift, end + shift)


def quote_plain(result: dict[str, Any]) -> None:
    """A checked quotation on a pipe: plain lines, never wrapped nor boxed."""
    out = sys.stdout
    sim = result.get("similarity")
    score = f"\t{sim:.2f}" if isinstance(sim, float) else ""
    out.write(f"{result['verdict'].upper()}{score}\t{result['text']}\n")
    if result.get("by"):
        out.write(f"attributed to: {result['by']}\n")
    quote = result.get("quote")
    if quote:
        speaker = result.get("actual_speaker") or quote.get("speaker") or {}
        who = ", ".join(x for x in (speaker.get("name"), speaker.get("role")) if x)
        said = "reported speech of " if quote.get("form") == "reported" else "said by "
        out.write(said + (who or "an unnamed speaker") + "\n")
        out.write(f"{quote.get('sentence') or ''}\n")
        out.write(f"Cite: {_cite_line(quote)}\n")
    for key in ("differences", "note"):
        if result.get(key):
            out.write(f"{result[key]}\n")


def quote_panel(result: dict[str, Any]) -> None:
    if not is_terminal():
        quote_plain(result)
        return
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    verdict = result["verdict"]
    lines: list[Any] = [Text("“" + result["text"] + "”")]
    if result.get("by"):
        lines.append(Text("attributed to: " + result["by"], style="dim"))
    quote = result.get("quote")
    if quote:
        lines.append(Text(""))
        speaker = result.get("actual_speaker") or quote.get("speaker") or {}
        who = ", ".join(x for x in (speaker.get("name"), speaker.get("role")) if x)
        form = quote.get("form")
        said = "reported speech of " if form == "reported" else "said by "
        lines.append(Text(said + (who or "an unnamed speaker"), style="bold"))
        shown, (start, end) = quote_window(quote.get("sentence") or "", result["text"])
        sentence = Text(shown, style="dim")
        if end > start:
            sentence.stylize("bold yellow", start, end)
        lines.append(sentence)
        # Where to cite it from, as the other verdict panels give it: title, outlet, date, id.
        source = quote.get("source") or {}
        cite = ", ".join(
            x
            for x in (
                source.get("title"),
                source.get("outlet"),
                source.get("date"),
                quote.get("id"),
            )
            if x
        )
        lines.append(Text(cite, style="dim italic"))
    if result.get("differences"):
        lines.append(Text(result["differences"], style="yellow"))
    if result.get("note"):
        lines.append(Text(result["note"], style="yellow"))
    sim = result.get("similarity")
    title = verdict.upper() + (f"  ({sim:.2f})" if isinstance(sim, float) else "")
    _console().print(
        Panel(Group(*lines), title=title, border_style=VERDICT_STYLE.get(verdict, "white"))
    )


def key_value_table(
    rows: list[dict[str, Any]], columns: list[str], title: str | None = None
) -> None:
    """Rows of a few columns (`sources`, `stats`). Piped: tab-separated lines, no header. At
    a terminal: a table, or under 100 columns a card per row (the short values on one line,
    each long one on its own), so titles wrap at full width instead of in a narrow column."""
    values = [["" if row.get(c) is None else str(row.get(c)) for c in columns] for row in rows]
    if not is_terminal():
        write_tsv(values)
        return
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console = _console()
    long = {i for i in range(len(columns)) if any(len(v[i]) > 24 for v in values)}
    if console.width >= 100 or not long or len(columns) <= 2:
        table = Table(box=box.SIMPLE_HEAD, title=title)
        for col in columns:
            table.add_column(col, overflow="fold")
        for row_values in values:
            table.add_row(*row_values)
        console.print(table)
        return
    for row, row_values in zip(rows, values, strict=True):
        head = Text()
        for i, col in enumerate(columns):
            if i in long or not row_values[i]:
                continue
            if head:
                head.append("  ")
            label = f"{col}: " if isinstance(row.get(col), (int, float)) else ""
            head.append(label + row_values[i], style="bold" if i == 0 else None)
        _indented(console, head, 0)
        for i in sorted(long):
            if row_values[i]:
                _indented(console, Text(row_values[i]))
        console.print()


def message(text: str) -> None:
    """A note for the person (stderr), never mixed with data on stdout."""
    sys.stderr.write(text + "\n")
