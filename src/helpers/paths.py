"""Every path the suite uses, derived from the project root so no notebook hard-codes one."""

from pathlib import Path

__all__ = ["BUILD", "DATA", "ENTITIES_CORE", "EVAL_DEV", "NOTEBOOKS", "ROOT", "SEEDS", "corpus_path"]

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
EVAL_DEV = DATA / "eval" / "dev"
ENTITIES_CORE = DATA / "entities_core.csv"


def corpus_path(value: str | Path) -> Path:
    """A corpus given as a notebook parameter: absolute, relative to the cwd, or to the project root."""
    path = Path(value).expanduser()
    if path.is_absolute() or path.exists():
        return path.resolve()
    return (ROOT / path).resolve()
