"""One line per measured goal, so bench/all.py can gather every bench into one table.

A bench prints its own tables for people and, for each goal, a line
`GOAL<TAB>what<TAB>measured<TAB>goal<TAB>yes|NO[<TAB>why]` that bench/all.py collects; `why`
says, for a goal not met, by how much it falls short and where the time goes.
"""

from __future__ import annotations


def goal_line(what: str, measured: str, goal: str, ok: bool, why: str = "") -> None:
    fields = [what, measured, goal, "yes" if ok else "NO"] + ([why] if why else [])
    print("GOAL\t" + "\t".join(fields), flush=True)
