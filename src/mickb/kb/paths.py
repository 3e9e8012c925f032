"""Where the knowledge base lives.

Reading: --db, else $MICKB_DB, else the user's KB once they have ingested something,
else the KB shipped with the package. Writing (ingest): --db, else $MICKB_DB, else the
user's KB, created as a copy of the shipped one on first use: never inside the package.

Paths are worked out with os.path: pathlib imports urllib and ipaddress, a cost to every
`find`; the functions that hand a path to callers give a pathlib.Path, made on return.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from mickb.errors import BadInput, KBMissing

if TYPE_CHECKING:
    from pathlib import Path

# src/mickb (this file is mickb/kb/paths.py)
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


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


def _shipped() -> str:
    installed = os.path.join(PACKAGE_DIR, "data", "kb.sqlite")
    if os.path.exists(installed):
        return installed
    return os.path.join(os.path.dirname(os.path.dirname(PACKAGE_DIR)), "data", "kb.sqlite")


def _user() -> str:
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "share"
    )
    return os.path.join(base, "mickb", "kb.sqlite")


def _explicit(db: str | os.PathLike[str] | None) -> str | None:
    chosen = os.fspath(db) if db else os.environ.get("MICKB_DB")
    return os.path.expanduser(chosen) if chosen else None


def shipped_kb() -> Path:
    """The KB inside an installed package, or data/kb.sqlite of a checkout."""
    from pathlib import Path

    return Path(_shipped())


def user_kb() -> Path:
    from pathlib import Path

    return Path(_user())


def explicit_kb(db: str | os.PathLike[str] | None) -> Path | None:
    from pathlib import Path

    chosen = _explicit(db)
    return Path(chosen) if chosen else None


def kb_for_reading(db: str | os.PathLike[str] | None = None) -> str:
    """The path of the KB to read (a plain string: opening it needs no pathlib)."""
    explicit = _explicit(db)
    if explicit is not None:
        return explicit
    mine = _user()
    if os.path.exists(mine):
        return mine
    shipped = _shipped()
    if not os.path.exists(shipped):
        raise KBMissing(
            f"no knowledge base found (looked for {shipped}); run 'mickb build' or pass --db PATH"
        )
    return shipped


def kb_for_writing(db: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
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
