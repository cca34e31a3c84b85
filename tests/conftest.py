"""Shared fixtures: one full-pipeline run over the examples (and the seeds, where present)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def seeds_dir() -> Path | None:
    """The two seed articles live outside the repo (../shared/seeds); None where absent."""
    for cand in (os.environ.get("SPINSCOPE_SEEDS"), ROOT.parent / "shared" / "seeds", "/work/shared/seeds"):
        if cand and Path(cand).is_dir() and any(Path(cand).glob("*.txt")):
            return Path(cand)
    return None


@pytest.fixture(scope="session")
def examples_result():
    """The whole default pipeline over examples/ (no store), run once per test session."""
    from spinscope.commands.analyze import analyze

    return analyze([str(EXAMPLES)], workers=1, store=None)


@pytest.fixture(scope="session")
def seeds_folder() -> Path:
    d = seeds_dir()
    if d is None:
        pytest.skip("the seed articles (../shared/seeds) are not on this machine")
    return d


@pytest.fixture(scope="session")
def seeds_result():
    d = seeds_dir()
    if d is None:
        pytest.skip("the seed articles (../shared/seeds) are not on this machine")
    from spinscope.commands.analyze import analyze

    return analyze(sorted(str(p) for p in d.glob("*.txt")), workers=1, store=None)
