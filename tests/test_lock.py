"""requirements.lock, which `make setup` installs, agrees with pyproject.toml: every requirement (the dev extra's
too) is pinned there to a version its specifier allows. A requirement added to pyproject.toml without `make lock`
fails here, not on a user's machine."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from pipeline_helpers import ROOT


def locked_versions() -> dict[str, list[Version]]:
    """Package name -> the versions the lock pins (a universal lock may pin one per Python version)."""
    pins: dict[str, list[Version]] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if match:
            pins.setdefault(canonicalize_name(match.group(1)), []).append(Version(match.group(2)))
    return pins


def test_every_requirement_is_pinned_in_the_lock():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    pins = locked_versions()
    assert len(pins) > len(requirements)  # the transitive dependencies are pinned too
    for text in requirements:
        requirement = Requirement(text)
        versions = pins.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is not in requirements.lock: run `make lock`"
        assert all(requirement.specifier.contains(v, prereleases=True) for v in versions), (
            f"requirements.lock pins {requirement.name} {versions}, outside {requirement.specifier}: run `make lock`"
        )


def test_every_pin_has_hashes():
    """`uv pip sync --require-hashes` refuses a lock with a pin without its hashes."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert entries
    for entry in entries:
        assert "--hash=sha256:" in entry, entry.splitlines()[0]
