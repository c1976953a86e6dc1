"""Every path the project uses, rooted at the repository; PLEDGES_DOCS_DIR overrides the documents folder."""

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
