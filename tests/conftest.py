"""Every test runs against temp KBs: no test reads or writes the user's real data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "sources" / "000_8e6147a0301236b6.txt"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("MICKB_DB", raising=False)
    monkeypatch.delenv("MICKB_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture(scope="session")
def seed_kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A KB built by the real pipeline from the seed article, shared read-only by tests."""
    from mickb.ingest.pipeline import build

    folder = tmp_path_factory.mktemp("seed-sources")
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    out = tmp_path_factory.mktemp("seed-kb") / "kb.sqlite"
    build(folder, out)
    return out
