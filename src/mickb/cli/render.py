"""The one renderer: every command's output goes through here.

Data goes to stdout, messages to stderr. JSON/JSONL/CSV are for scripts and never import
rich; tables and panels are for people at a terminal (colour off with NO_COLOR or when piped).
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
        elif isinstance(value, list):
            flat[key] = " ".join(str(v) for v in value)
        else:
            flat[key] = value
    return flat


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO | None = None) -> None:
    out = out or sys.stdout
    import csv  # (only for --csv)

    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(flatten(row))


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
    hits: list[dict[str, Any]], words: list[str], related: dict[str, dict[str, Any]] | None = None
) -> None:
    """Facts and quotes found, best first, matched words highlighted.

    A table on wide terminals; on narrow ones (or piped at 80 columns) one small card per
    result, so Vietnamese phrases wrap between words instead of columns being cut.
    """
    console = _console()
    known = {h["id"]: h for h in hits}
    known.update(related or {})
    if console.width >= 110:
        _wide_table(console, hits, words, known)
    else:
        _cards(console, hits, words, known)


def _source_label(rec: dict[str, Any]) -> str:
    source = rec.get("source") or {}
    return " ".join(
        x
        for x in (
            source.get("outlet") or source.get("title") or source.get("id"),
            source.get("date"),
        )
        if x
    )


def _wide_table(
    console: Any, hits: list[dict[str, Any]], words: list[str], known: dict[str, dict[str, Any]]
) -> None:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, expand=False)
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("metric / quote", ratio=3, overflow="fold")
    table.add_column("figure / speaker", ratio=2, overflow="fold")
    table.add_column("change", no_wrap=True)
    table.add_column("period", ratio=1, overflow="fold")
    table.add_column("source", ratio=1, overflow="fold")
    for rec in hits:
        if rec.get("kind") == "quote":
            speaker = rec.get("speaker") or {}
            who = ", ".join(x for x in (speaker.get("name"), speaker.get("role")) if x) or "?"
            table.add_row(
                rec["id"],
                _highlight("“" + rec["text"] + "”", words),
                who,
                "",
                "",
                _source_label(rec),
            )
        else:
            table.add_row(
                rec["id"],
                _highlight(rec.get("metric") or "", words),
                _highlight(format_figure(rec), words),
                format_change(rec, known),
                rec.get("period") or "",
                _source_label(rec),
            )
    console.print(table)


def _cards(
    console: Any, hits: list[dict[str, Any]], words: list[str], known: dict[str, dict[str, Any]]
) -> None:
    from rich.padding import Padding
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
        console.print(head)
        console.print(Padding(body, (0, 0, 0, 2), expand=False))
        console.print(
            Padding(
                Text(f"{rec['id']} · {_source_label(rec)}", style="dim"), (0, 0, 0, 2), expand=False
            )
        )
        console.print()


def record_panel(context: dict[str, Any]) -> None:
    """`show`: the record, its sentence, paragraph, document, related facts and citations."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    rec = context["record"]
    lines: list[Any] = []
    if rec.get("kind") == "quote":
        speaker = rec.get("speaker") or {}
        lines.append(Text("“" + rec["text"] + "”", style="bold"))
        lines.append(
            Text(
                "— "
                + ", ".join(x for x in (speaker.get("name"), speaker.get("role")) if x)
                + f"  ({rec['form']})"
            )
        )
    else:
        head = Text()
        head.append(rec.get("metric") or "", style="bold")
        head.append(": ")
        head.append(rec.get("value_text") or "", style="bold cyan")
        lines.append(head)
        details = [
            f"{k}: {rec[k]}"
            for k in (
                "measure",
                "qualifier",
                "period",
                "compared_to",
                "direction",
                "sector",
                "metric_en",
            )
            if rec.get(k) not in (None, "")
        ]
        lines.append(Text("  ".join(details), style="dim"))
    lines.append(Text(""))
    lines.append(Text("Sentence", style="underline"))
    needle = rec.get("value_text") if rec.get("kind") == "fact" else rec.get("text")
    sentence = Text(rec.get("sentence") or "")
    if needle:
        sentence.highlight_words([needle], style="bold yellow")
    lines.append(sentence)
    if context.get("paragraph") and context["paragraph"] != rec.get("sentence"):
        lines.append(Text(""))
        lines.append(Text("Paragraph", style="underline"))
        lines.append(Text(context["paragraph"], style="dim"))
    related = context.get("related") or []
    if related:
        lines.append(Text(""))
        lines.append(Text("Related", style="underline"))
        for other in related:
            lines.append(Text(f"{other['id']}  {other.get('metric')}: {other.get('value_text')}"))
    citations = context.get("citation") or {}
    if citations:
        lines.append(Text(""))
        lines.append(Text("Cite", style="underline"))
        for lang in ("vi", "en"):
            if citations.get(lang):
                lines.append(Text(f"[{lang}] {citations[lang]}"))
    _console().print(Panel(Group(*lines), title=rec["id"], expand=True))


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


def check_panel(result: CheckResult) -> None:
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


def quote_panel(result: dict[str, Any]) -> None:
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
        sentence = Text(quote.get("sentence") or "", style="dim")
        if quote.get("text"):
            sentence.highlight_words([quote["text"]], style="bold yellow")
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
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, title=title)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*["" if row.get(c) is None else str(row.get(c)) for c in columns])
    _console().print(table)


def message(text: str) -> None:
    """A note for the person (stderr), never mixed with data on stdout."""
    sys.stderr.write(text + "\n")
