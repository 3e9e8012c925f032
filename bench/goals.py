"""One line per measured goal, so bench/all.py can gather every bench into one table.

A bench prints its own tables for people and, for each goal, a line
`GOAL<TAB>what<TAB>measured<TAB>goal<TAB>yes|NO` that bench/all.py collects.
"""

from __future__ import annotations


def goal_line(what: str, measured: str, goal: str, ok: bool) -> None:
    print(f"GOAL\t{what}\t{measured}\t{goal}\t{'yes' if ok else 'NO'}", flush=True)
