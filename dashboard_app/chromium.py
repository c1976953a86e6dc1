"""The one Chromium the project drives: the briefing pack's chart images (kaleido), the browser tests and the
first-chart benchmark (Playwright). Debian's package, never a browser a library downloads for itself."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# PLEDGES_CHROMIUM: the path of another Chromium (a developer's laptop, another distribution).
CHROMIUM_VARIABLE = "PLEDGES_CHROMIUM"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
# For a headless Chromium started by Playwright: no sandbox (it runs as root in CI's container), no GPU, and
# nothing fetched or synced in the background while a page is measured or tested.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_path() -> Path:
    """PLEDGES_CHROMIUM when set, else `chromium` on the PATH, else Debian's /usr/bin/chromium (which may not
    exist: the caller says so in its own words)."""
    configured = os.environ.get(CHROMIUM_VARIABLE)
    if configured:
        return Path(configured)
    found = shutil.which("chromium")
    return Path(found) if found else DEFAULT_CHROMIUM
