"""A folder that really cannot be written, as on a write-protected USB stick, for the tests that need one.

The tests run as root, and chmod does not stop root writing: the folder is bind-mounted onto
itself read-only in a private mount namespace (``unshare -m``) that only the command run there
sees. Where the system does not allow that (no unshare, not root), the tests that need it skip.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest

# $1: the folder; the rest: the command, run with the folder read-only.
_SCRIPT = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'


@functools.cache
def read_only_folders_available() -> bool:
    """Whether this system lets a test make a folder read-only for one command."""
    if sys.platform != "linux" or shutil.which("unshare") is None or shutil.which("mount") is None:
        return False
    with tempfile.TemporaryDirectory() as folder:
        probe = subprocess.run(
            ["unshare", "-m", "sh", "-c", _SCRIPT, "sh", folder, "touch", os.path.join(folder, "probe")],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        # Made read-only: touch fails with "Read-only file system", and the folder stays empty.
        return probe.returncode != 0 and "Read-only" in probe.stderr and not os.listdir(folder)


def run_with_read_only_folder(
    folder: Path, command: Sequence[str], env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with ``folder`` read-only (skip the test where that cannot be done)."""
    if not read_only_folders_available():
        pytest.skip("cannot make a folder read-only here (needs unshare and mount, as root, on Linux)")
    return subprocess.run(
        ["unshare", "-m", "sh", "-c", _SCRIPT, "sh", str(folder), *command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        timeout=timeout,
        check=False,
    )


def estatedesk(*argv: str) -> list[str]:
    """The command line of ``python -m estatedesk ARGV…``."""
    return [sys.executable, "-m", "estatedesk", *argv]


def damage_a_table_page(path: Path, table: str = "room") -> None:
    """Scribble over one page of a table of a closed file: the schema still reads, the quick check fails."""
    import sqlite3

    connection = sqlite3.connect(path)
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = bytes(range(256)) * (page_size // 256)
    path.write_bytes(bytes(data))
