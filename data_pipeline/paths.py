"""Every path the project uses, rooted at the repository. Environment overrides: PLEDGES_DOCS_DIR (documents
folder), PLEDGES_LIBRARY_DIR (uploaded documents), PLEDGES_CACHE_DIR (per-document extraction cache),
PLEDGES_CORRECTIONS_DB (the analysts' corrections)."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = Path(__file__).resolve().parent
LEXICON_DIR = PACKAGE_DIR / "lexicon"
SEEDS_DIR = REPO_ROOT / "seeds"
BUILD_DIR = REPO_ROOT / "build"
SHARED_DIR = REPO_ROOT.parent / "shared"
DEVSET_DIR = SHARED_DIR / "devset"


def documents_dir() -> Path:
    """The folder the dashboard reads: the seeds unless PLEDGES_DOCS_DIR says otherwise."""
    return Path(os.environ.get("PLEDGES_DOCS_DIR", SEEDS_DIR))


def library_dir() -> Path:
    """The document library: files added in the dashboard and their manifest.csv (git-ignored ./library/)."""
    return Path(os.environ.get("PLEDGES_LIBRARY_DIR", REPO_ROOT / "library"))


def corrections_db() -> Path:
    """The analysts' corrections: one SQLite file beside the document library (not inside it, so it is never
    read as a document)."""
    default = library_dir().parent / "corrections.sqlite"
    return Path(os.environ.get("PLEDGES_CORRECTIONS_DB", default))


def cache_dir() -> Path:
    """Where each document's extraction is kept between builds, keyed by its content (safe to delete)."""
    return Path(os.environ.get("PLEDGES_CACHE_DIR", BUILD_DIR / ".cache" / "extractions"))
