"""Where the knowledge base lives.

Reading: --db, else $MICKB_DB, else the user's KB once they have ingested something,
else the KB shipped with the package. Writing (ingest): --db, else $MICKB_DB, else the
user's KB, created as a copy of the shipped one on first use: never inside the package.
"""

from __future__ import annotations

import os
from pathlib import Path

from mickb.errors import BadInput, KBMissing

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/mickb (this file is mickb/kb/paths.py)


def lock_timeout() -> float:
    """Seconds a command waits for another writer before giving up ($MICKB_TIMEOUT, default 30)."""
    raw = os.environ.get("MICKB_TIMEOUT")
    if not raw:
        return 30.0
    try:
        value = float(raw)
    except ValueError:
        raise BadInput(f"MICKB_TIMEOUT must be a number of seconds, not {raw!r}") from None
    if value < 0:
        raise BadInput(f"MICKB_TIMEOUT must not be negative, not {raw!r}")
    return value


def shipped_kb() -> Path:
    """The KB inside an installed package, or data/kb.sqlite of a checkout."""
    installed = PACKAGE_DIR / "data" / "kb.sqlite"
    if installed.exists():
        return installed
    return PACKAGE_DIR.parent.parent / "data" / "kb.sqlite"


def user_kb() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mickb" / "kb.sqlite"


def explicit_kb(db: str | Path | None) -> Path | None:
    chosen = db if db else os.environ.get("MICKB_DB")
    return Path(chosen).expanduser() if chosen else None


def kb_for_reading(db: str | Path | None = None) -> Path:
    explicit = explicit_kb(db)
    if explicit is not None:
        return explicit
    mine = user_kb()
    if mine.exists():
        return mine
    shipped = shipped_kb()
    if not shipped.exists():
        raise KBMissing(
            f"no knowledge base found (looked for {shipped}); run 'mickb build' or pass --db PATH"
        )
    return shipped


def kb_for_writing(db: str | Path | None = None) -> tuple[Path, bool]:
    """The KB to write to, and whether it was just created from the shipped one."""
    explicit = explicit_kb(db)
    if explicit is not None:
        return explicit, False
    mine = user_kb()
    if mine.exists():
        return mine, False
    mine.parent.mkdir(parents=True, exist_ok=True)
    shipped = shipped_kb()
    if shipped.exists():
        import shutil  # (only here: it imports compression modules, a cost to every start-up)

        tmp = mine.with_suffix(".sqlite.tmp")
        shutil.copyfile(shipped, tmp)
        os.replace(tmp, mine)
        return mine, True
    return mine, False
