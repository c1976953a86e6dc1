"""From `git clone` to a dashboard answering, as a new user meets it: clone this repository's committed HEAD into a
temporary folder, run `make run` there (which creates .venv and installs requirements.lock), and poll
`/_stcore/health` until it answers `ok`. Prints the seconds, and every line `make run` printed that is not one of
make's own command lines or Streamlit's greeting (a warning a user would see).

Run: `.venv/bin/python benchmarks/clone_to_health.py [--cold-cache] [--timeout 300]`. `--cold-cache` gives uv an
empty cache folder, so every package is downloaded as on a new machine; without it uv's cache (~/.cache/uv) is
used, as on a machine that installed the project before. Part of `make bench` (benchmarks/run.py).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Lines of `make run` that are not warnings: make echoing its commands (they start with a path into .venv, `test`
# or `touch`), Streamlit's greeting, and its last line when it is stopped.
EXPECTED = re.compile(
    r"^(test -x |touch |\.venv/bin/|python3? -m venv|\s*$|\s*You can now view|\s*(Local|Network|External) URL:"
    r"|\s*URL:|make(\[\d+\])?: (Entering|Leaving) directory|.* Uvicorn server started on |\s*Stopping\.\.\.$)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
            return answer.read().strip() == b"ok"
    except OSError:
        return False


def clone_to_health(cold_cache: bool = False, timeout: float = 300.0) -> dict:
    """Seconds from the start of `git clone` to the health endpoint answering, and the unexpected output lines."""
    work = Path(tempfile.mkdtemp(prefix="pledges-clone-"))
    clone = work / "clone"
    port = free_port()
    environment = dict(os.environ, STREAMLIT_SERVER_PORT=str(port), STREAMLIT_SERVER_HEADLESS="true")
    environment.pop("VIRTUAL_ENV", None)
    if cold_cache:
        environment["UV_CACHE_DIR"] = str(work / "uv-cache")
    log = work / "make-run.log"
    started = time.perf_counter()
    server = None
    try:
        subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True, env=environment)
        cloned = time.perf_counter() - started
        with log.open("wb") as output:
            server = subprocess.Popen(
                ["make", "--no-print-directory", "run"],
                cwd=clone,
                env=environment,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped whole below
            )
            installed = None
            while time.perf_counter() - started < timeout:
                if installed is None and (clone / ".venv" / ".installed").exists():
                    installed = time.perf_counter() - started
                if healthy(port):
                    break
                if server.poll() is not None:
                    raise RuntimeError(f"make run stopped (exit {server.returncode}):\n{log.read_text()}")
                time.sleep(0.25)
            else:
                raise TimeoutError(f"no answer on /_stcore/health in {timeout:.0f} s:\n{log.read_text()}")
            answered = time.perf_counter() - started
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
    lines = log.read_text(errors="replace").splitlines()
    shutil.rmtree(work, ignore_errors=True)
    return {
        "clone_s": cloned,
        "installed_s": installed,
        "health_s": answered,
        "cold_cache": cold_cache,
        "unexpected_lines": [line for line in lines if not EXPECTED.match(line)],
    }


def describe(result: dict) -> str:
    cache = "empty uv cache" if result["cold_cache"] else "uv cache as left by earlier installs"
    installed = result["installed_s"]
    text = (
        f"clone to /_stcore/health: {result['health_s']:.1f} s ({cache}; clone {result['clone_s']:.1f} s, "
        f"environment ready at {installed:.1f} s)"
        if installed is not None
        else f"clone to /_stcore/health: {result['health_s']:.1f} s ({cache})"
    )
    unexpected = result["unexpected_lines"]
    return text + (
        "; printed:\n  " + "\n  ".join(unexpected) if unexpected else "; nothing printed but make's commands"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold-cache", action="store_true", help="an empty uv cache: every package downloaded")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args(argv)
    print(describe(clone_to_health(args.cold_cache, args.timeout)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
