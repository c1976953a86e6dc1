"""Start the dashboard as a user does (`streamlit run dashboard.py`) on a free port, for the benchmarks that time it
in a browser (first_chart.py, upload_health.py), and wait until /_stcore/health answers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from clone_to_health import free_port, healthy


def start_dashboard(code: Path, environment: dict[str, str], timeout: float) -> tuple[subprocess.Popen, str]:
    """The server started from the repository copy `code` with these variables added to the environment, and its
    base URL (no trailing slash). Exits the benchmark if it does not answer within `timeout` seconds."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", f"--server.port={port}"]
    command += ["--server.headless=true", "--browser.gatherUsageStats=false", "--server.fileWatcherType=none"]
    server = subprocess.Popen(
        command,
        cwd=code,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **environment},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + timeout
    while not healthy(port):
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise SystemExit(f"the dashboard in {code} did not start")
        time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


def stop_dashboard(server: subprocess.Popen, timeout: float) -> None:
    """Ask the server to stop; kill it if it has not within `timeout` seconds."""
    server.terminate()
    try:
        server.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        server.kill()
