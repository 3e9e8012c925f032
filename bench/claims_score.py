"""How often `check` gives each figure of a claim the right verdict (bench/claims/).

    python bench/claims_score.py [-v] [--json] [--pattern NAME]

Builds a KB from the seed (data/sources) and the three reports of ../shared/corpus, checks
every claim of bench/claims/claims.jsonl, and prints: figures right (all, Vietnamese,
English), false SUPPORTED (a figure or claim said supported when it is not: the worst
failure), and a table by pattern and by expected verdict. These claims were written for
the development of `check` (development data, not an unseen test).

A predicted figure is paired with an expected one by the digits of its number; an expected
figure the checker did not read at all counts as wrong (its verdict is "missing").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

CLAIMS = ROOT / "bench" / "claims" / "claims.jsonl"
SEED = ROOT / "data" / "sources"
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "bench" / "out"


def _sources() -> list[Path]:
    return sorted(SEED.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))


def build_kb() -> Path:
    """The KB of the four documents, rebuilt when they or the extractor change."""
    from mickb.ingest.pipeline import build

    digest = hashlib.sha256()
    for path in _sources():
        digest.update(path.read_bytes())
    for path in sorted((ROOT / "src" / "mickb").rglob("*.py")):
        digest.update(path.read_bytes())
    kb = OUT / f"claims-kb-{digest.hexdigest()[:12]}.sqlite"
    if not kb.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        folder = OUT / "claims-sources"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        for path in _sources():
            shutil.copyfile(path, folder / path.name)
        for old in OUT.glob("claims-kb-*.sqlite"):
            old.unlink()
        build(folder, kb)
    return kb


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _pair(expected: list[dict], got: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each expected figure with the checker's figure of the same digits, in order."""
    pairs: list[tuple[dict, dict | None]] = []
    used: set[int] = set()
    for exp in expected:
        want = _digits(exp["text"])
        found = None
        for i, g in enumerate(got):
            if i in used:
                continue
            have = _digits(g.get("text") or "")
            if have and want and (have == want or have.startswith(want) or want.startswith(have)):
                found = i
                break
            if not want and exp["text"] in (g.get("text") or ""):
                found = i  # a number in words ("gấp rưỡi"): paired by its words
                break
        if found is None:
            # "2,152 of the 2,418 villages" read as one figure with its total answers for both
            for g in got:
                groups = re.findall(r"\d+(?:[.,]\d+)*", g.get("text") or "")
                if len(groups) > 1 and want in {_digits(x) for x in groups}:
                    found = got.index(g)
                    break
        if found is not None:
            used.add(found)
            pairs.append((exp, got[found]))
        else:
            pairs.append((exp, None))
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong figure")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--pattern", help="only claims of this pattern")
    parser.add_argument("--doc", help="only claims about this document (seed, 01, 03, 05)")
    parser.add_argument(
        "--claims", type=Path, default=CLAIMS, help="the claims file (default: claims.jsonl)"
    )
    parser.add_argument("--kb", type=Path, help="check against this KB instead of building one")
    args = parser.parse_args()

    from mickb.kb.store import KB
    from mickb.query.check import check_claim

    kb_path = args.kb or build_kb()
    claims = [
        json.loads(line) for line in args.claims.read_text(encoding="utf-8").splitlines() if line
    ]
    if args.pattern:
        claims = [c for c in claims if c.get("pattern") == args.pattern]
    if args.doc:
        claims = [c for c in claims if c.get("doc") == args.doc]
    figures = Counter()
    right = Counter()
    false_support = Counter()
    claim_right = Counter()
    claim_false_support = 0
    by_pattern: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_doc: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_expected: dict[str, Counter] = defaultdict(Counter)
    wrong: list[str] = []
    started = time.perf_counter()
    with KB.open(kb_path, readonly=True) as kb:
        for claim in claims:
            result = check_claim(kb, claim["claim"])
            lang = claim["lang"]
            claim_ok = result["verdict"] == claim["verdict"]
            claim_right[lang] += claim_ok
            claim_right["all"] += claim_ok
            if result["verdict"] == "supported" and claim["verdict"] != "supported":
                claim_false_support += 1
            for exp, got in _pair(claim["figures"], result["figures"]):
                verdict = got["verdict"] if got else "missing"
                ok = verdict == exp["verdict"]
                for key in ("all", lang):
                    figures[key] += 1
                    right[key] += ok
                    if verdict == "supported" and exp["verdict"] != "supported":
                        false_support[key] += 1
                by_pattern[claim.get("pattern", "?")][0] += ok
                by_pattern[claim.get("pattern", "?")][1] += 1
                by_doc[claim.get("doc", "?")][0] += ok
                by_doc[claim.get("doc", "?")][1] += 1
                by_expected[exp["verdict"]][verdict] += 1
                if not ok:
                    why = (got or {}).get("explanation") or "(figure not read)"
                    wrong.append(
                        f"{claim['id']}: {exp['text']!r} expected {exp['verdict']}, got "
                        f"{verdict}\n    claim: {claim['claim']}\n    expected: {exp['why']}\n"
                        f"    got: {why}"
                    )
    elapsed = time.perf_counter() - started

    def pct(a: int, b: int) -> str:
        return f"{100 * a / b:5.1f}% ({a}/{b})" if b else "-"

    report = {
        "figures_right": {k: [right[k], figures[k]] for k in ("all", "vi", "en")},
        "false_supported_figures": {k: false_support[k] for k in ("all", "vi", "en")},
        "claims_right": [claim_right["all"], len(claims)],
        "false_supported_claims": claim_false_support,
        "by_pattern": dict(by_pattern),
        "by_doc": dict(by_doc),
        "confusion": {k: dict(v) for k, v in by_expected.items()},
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return 0
    print("DEVELOPMENT DATA: claims written for the development of check (bench/claims)")
    print(f"figures right          {pct(right['all'], figures['all'])}")
    print(f"  Vietnamese           {pct(right['vi'], figures['vi'])}")
    print(f"  English              {pct(right['en'], figures['en'])}")
    print(f"false SUPPORTED        {false_support['all']} figures, {claim_false_support} claims")
    print(f"claims right           {pct(claim_right['all'], len(claims))}")
    print(
        "\nexpected -> got        "
        + "  ".join(["supported", "contradicted", "not_found", "missing"])
    )
    for exp in ("supported", "contradicted", "not_found"):
        row = by_expected.get(exp, Counter())
        cells = "  ".join(
            f"{row.get(v, 0):>{len(v)}}"
            for v in ("supported", "contradicted", "not_found", "missing")
        )
        print(f"{exp:<22} {cells}")
    print("\nby document")
    for name, (ok, n) in sorted(by_doc.items()):
        print(f"  {name:<18} {pct(ok, n)}")
    print("\nby pattern")
    for name, (ok, n) in sorted(by_pattern.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"  {name:<18} {pct(ok, n)}")
    print(f"\n{len(claims)} claims in {elapsed:.1f} s")
    if args.verbose:
        print("\n" + "\n".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
