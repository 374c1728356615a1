"""File-system faults: every file ends up as its old or its new version, never anything else.

Faults are injected into the writer's own calls (``os.write``, ``os.fsync``, ``os.replace``,
``os.chmod``, ``tempfile.mkstemp``...) through a stand-in ``os`` module, so that pytest and
the rest of the process are unaffected; the victim is one file among several, and the
others must still be migrated. Then real concurrency: two runs at once on one tree, and runs
killed with SIGKILL at random moments, after which a normal run must finish the job and
remove any temporary file the killed run left.
"""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from reliability_support import PYTHON, run_cli, run_cli_subprocess, snapshot, tally, temp_files

from heygen2liveavatar.engine import writer

STOP = """import requests

BASE = "https://api.heygen.com/v1"


def stop(session_id):
    return requests.post(f"{BASE}/streaming.stop", json={"session_id": session_id})
"""
NAMES = ("alpha.py", "victim.py", "omega.py")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in NAMES:
        (tmp_path / name).write_text(STOP)
    return tmp_path


def _migrated() -> bytes:
    from heygen2liveavatar import migrate_source

    return migrate_source(STOP, filename="x.py").code.encode()


class _Proxy(types.ModuleType):
    """A module that is ``real`` except for the attributes in ``overrides``."""

    def __init__(self, real: types.ModuleType, overrides: dict[str, Any]) -> None:
        super().__init__(real.__name__)
        self._real = real
        self._overrides = overrides

    def __getattr__(self, name: str) -> Any:
        if name in self._overrides:
            return self._overrides[name]
        return getattr(self._real, name)


class Faults:
    """Installs faults on the writer's calls that concern ``victim.py`` only."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.victim_fds: set[int] = set()
        self.victim_temps: set[str] = set()
        self.injected = 0
        self.os_overrides: dict[str, Any] = {}
        self.before_mkstemp: Callable[[str], object] | None = None
        self.mkstemp_error: OSError | None = None

    def install(self) -> None:
        real_mkstemp = tempfile.mkstemp

        def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
            prefix = str(kwargs.get("prefix", ""))
            if "victim.py" in prefix:
                if self.mkstemp_error is not None:
                    self.injected += 1
                    raise self.mkstemp_error
                if self.before_mkstemp is not None:
                    self.injected += 1
                    self.before_mkstemp(str(kwargs.get("dir")))
            handle, path = real_mkstemp(*args, **kwargs)
            if "victim.py" in prefix:
                self.victim_fds.add(handle)
                self.victim_temps.add(path)
            return handle, path

        self.monkeypatch.setattr(writer, "tempfile", _Proxy(tempfile, {"mkstemp": mkstemp}))
        self.monkeypatch.setattr(writer, "os", _Proxy(os, self.os_overrides))

    def on_fd(self, name: str, fault: Callable[..., Any]) -> None:
        real = getattr(os, name)

        def call(handle: int, *args: Any) -> Any:
            if handle in self.victim_fds:
                self.injected += 1
                return fault(real, handle, *args)
            return real(handle, *args)

        self.os_overrides[name] = call

    def on_path(self, name: str, fault: Callable[..., Any]) -> None:
        real = getattr(os, name)

        def call(path: str, *args: Any, **kwargs: Any) -> Any:
            if str(path) in self.victim_temps:
                self.injected += 1
                return fault(real, path, *args, **kwargs)
            return real(path, *args, **kwargs)

        self.os_overrides[name] = call


def _raise(code: int) -> Callable[..., Any]:
    def fault(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(code, os.strerror(code))

    return fault


def _run_and_check_victim(tree: Path, faults: Faults, needle: str) -> None:
    faults.install()
    before = (tree / "victim.py").read_bytes()
    outcome = run_cli("migrate", "--jobs", "1", "--format", "json", str(tree))
    entries = {Path(e["path"]).name: e for e in json.loads(outcome.stdout)["files"]}
    assert faults.injected, "the fault was never triggered"
    assert outcome.code == 2, outcome.stdout
    victim = entries["victim.py"]
    assert victim["status"] == "error" and needle in victim["error"], victim
    assert (tree / "victim.py").read_bytes() == before, "the victim changed"
    for name in ("alpha.py", "omega.py"):
        assert (tree / name).read_bytes() == _migrated(), f"{name} was not migrated"
    assert temp_files(tree) == [], "a temporary file was left behind"
    tally("fs-faults/injected", faults=faults.injected, files_checked=3, bytes_lost=0)


# ---------------------------------------------------------------------------------------
# Faults while writing
# ---------------------------------------------------------------------------------------


def test_disk_full_on_the_first_write(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    faults = Faults(monkeypatch)
    faults.on_fd("write", _raise(errno.ENOSPC))
    _run_and_check_victim(tree, faults, "No space left")


def test_disk_full_after_a_partial_write(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    faults = Faults(monkeypatch)
    calls = {"n": 0}

    def half_then_full(real: Callable[..., int], handle: int, data: Any) -> int:
        calls["n"] += 1
        if calls["n"] == 1:
            return int(real(handle, bytes(data)[: len(data) // 2]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    faults.on_fd("write", half_then_full)
    _run_and_check_victim(tree, faults, "No space left")


def test_short_writes_still_write_everything(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    faults = Faults(monkeypatch)
    faults.on_fd("write", lambda real, handle, data: real(handle, bytes(data)[:7]))
    faults.install()
    outcome = run_cli("migrate", "--jobs", "1", str(tree))
    assert outcome.code == 1
    assert faults.injected > 10, "writes were not short"
    assert (tree / "victim.py").read_bytes() == _migrated()
    tally("fs-faults/short-writes", os_write_calls=faults.injected)


@pytest.mark.parametrize(
    ("call", "code"),
    [("fsync", errno.EIO), ("fsync", errno.ENOSPC)],
)
def test_fsync_failure(tree: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int) -> None:
    faults = Faults(monkeypatch)
    faults.on_fd(call, _raise(code))
    _run_and_check_victim(tree, faults, os.strerror(code))


@pytest.mark.parametrize("code", [errno.EACCES, errno.EXDEV, errno.EBUSY, errno.ENOSPC])
def test_rename_failure(tree: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    faults = Faults(monkeypatch)
    faults.on_path("replace", _raise(code))
    _run_and_check_victim(tree, faults, os.strerror(code))


def test_chmod_failure(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    faults = Faults(monkeypatch)
    faults.on_path("chmod", _raise(errno.EPERM))
    _run_and_check_victim(tree, faults, os.strerror(errno.EPERM))


@pytest.mark.parametrize("code", [errno.EACCES, errno.ENOSPC, errno.EROFS])
def test_no_temporary_file_can_be_created(
    tree: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    faults = Faults(monkeypatch)
    faults.mkstemp_error = OSError(code, os.strerror(code))
    _run_and_check_victim(tree, faults, os.strerror(code))


# ---------------------------------------------------------------------------------------
# The file changes under the tool
# ---------------------------------------------------------------------------------------


def test_file_changed_between_read_and_write_is_not_overwritten(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    newer = b"# edited by someone else meanwhile\n" + STOP.encode()
    faults = Faults(monkeypatch)
    faults.before_mkstemp = lambda directory: Path(directory, "victim.py").write_bytes(newer)
    faults.install()
    outcome = run_cli("migrate", "--jobs", "1", "--format", "json", str(tree))
    entries = {Path(e["path"]).name: e for e in json.loads(outcome.stdout)["files"]}
    assert outcome.code == 2
    assert "changed on disk" in entries["victim.py"]["error"]
    assert (tree / "victim.py").read_bytes() == newer, "newer content was overwritten"
    assert temp_files(tree) == []
    tally("fs-faults/changed-meanwhile", files=1, newer_content_kept=1)


def test_file_deleted_between_read_and_write_is_not_recreated(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faults = Faults(monkeypatch)
    faults.before_mkstemp = lambda directory: os.unlink(os.path.join(directory, "victim.py"))
    faults.install()
    outcome = run_cli("migrate", "--jobs", "1", "--format", "json", str(tree))
    entries = {Path(e["path"]).name: e for e in json.loads(outcome.stdout)["files"]}
    assert outcome.code == 2 and "deleted" in entries["victim.py"]["error"]
    assert not (tree / "victim.py").exists(), "a deleted file came back"
    assert temp_files(tree) == []


def test_file_replaced_by_a_symlink_meanwhile_is_not_replaced(
    tree: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "target.py"
    outside.write_text(STOP)

    def swap(directory: str) -> None:
        os.unlink(os.path.join(directory, "victim.py"))
        os.symlink(outside, os.path.join(directory, "victim.py"))

    faults = Faults(monkeypatch)
    faults.before_mkstemp = swap
    faults.install()
    outcome = run_cli("migrate", "--jobs", "1", "--format", "json", str(tree))
    entries = {Path(e["path"]).name: e for e in json.loads(outcome.stdout)["files"]}
    assert outcome.code == 2 and "symbolic link" in entries["victim.py"]["error"]
    assert (tree / "victim.py").is_symlink(), "the link was replaced by a regular file"
    assert outside.read_text() == STOP, "the link's target was written"


def test_the_same_migration_written_meanwhile_is_success(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run wrote exactly this migration first: nothing to report."""
    faults = Faults(monkeypatch)
    faults.before_mkstemp = lambda directory: Path(directory, "victim.py").write_bytes(_migrated())
    faults.install()
    outcome = run_cli("migrate", "--jobs", "1", "--format", "json", str(tree))
    assert outcome.code == 1, outcome.stdout
    assert (tree / "victim.py").read_bytes() == _migrated()
    assert temp_files(tree) == []


def test_read_only_file_is_refused_even_for_root(tree: Path) -> None:
    victim = tree / "victim.py"
    victim.chmod(0o444)
    outcome = run_cli("migrate", "--jobs", "1", "--format", "json", str(tree))
    entries = {Path(e["path"]).name: e for e in json.loads(outcome.stdout)["files"]}
    assert outcome.code == 2 and "read-only" in entries["victim.py"]["error"]
    assert victim.read_text() == STOP and (victim.stat().st_mode & 0o777) == 0o444
    assert (tree / "alpha.py").read_bytes() == _migrated()


def test_read_only_directory(tree: Path) -> None:
    """Issue 15 item 13: runs as whoever runs the suite, root included (CI is root). A
    directory without write bits is read-only to the tool even for root, who could write
    into it: every file in it is reported (exit 2) and none is written, nor a helper module
    or a temporary file created."""
    tree.chmod(0o555)
    try:
        outcome = run_cli("migrate", "--jobs", "1", "--format", "json", str(tree))
        after = snapshot(tree)
        names = sorted(os.listdir(tree))
    finally:
        tree.chmod(0o755)
    assert outcome.code == 2
    errors = [e["error"] for e in json.loads(outcome.stdout)["files"]]
    assert errors and all("Permission denied" in str(e) for e in errors), errors
    assert after == {name: STOP.encode() for name in NAMES}
    assert names == sorted(NAMES), names
    tally("fs-faults/read-only-directory", root=int(IS_ROOT), files_written=0)


def test_hard_linked_file_is_refused(tree: Path) -> None:
    os.link(tree / "victim.py", tree / "victim_alias.txt")
    outcome = run_cli("migrate", "--jobs", "1", "--format", "json", str(tree))
    entries = {Path(e["path"]).name: e for e in json.loads(outcome.stdout)["files"]}
    assert "hard links" in entries["victim.py"]["error"]
    assert (tree / "victim_alias.txt").read_text() == (tree / "victim.py").read_text() == STOP


@pytest.mark.skipif(not IS_ROOT, reason="only root can give a file to another user")
def test_owner_and_mode_survive_a_run_as_root(tree: Path) -> None:
    victim = tree / "victim.py"
    os.chown(victim, 4321, 4321)
    victim.chmod(0o640)
    assert run_cli("migrate", "--jobs", "1", str(tree)).code == 1
    info = victim.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (4321, 4321, 0o640)
    assert victim.read_bytes() == _migrated()


# ---------------------------------------------------------------------------------------
# Symbolic links
# ---------------------------------------------------------------------------------------


def test_symlinks_are_never_followed_out_or_replaced(tmp_path: Path) -> None:
    inside, outside = tmp_path / "inside", tmp_path / "outside"
    inside.mkdir()
    outside.mkdir()
    (inside / "a.py").write_text(STOP)
    (outside / "b.py").write_text(STOP)
    (outside / "pkg").mkdir()
    (outside / "pkg" / "c.py").write_text(STOP)
    os.symlink("a.py", inside / "link_to_a.py")
    os.symlink(outside / "b.py", inside / "link_out.py")
    os.symlink(outside / "pkg", inside / "dir_out")
    os.symlink(inside, inside / "loop")
    os.symlink(inside / "missing.py", inside / "dangling.py")
    outside_before = snapshot(outside)

    walked = run_cli("migrate", "--jobs", "1", "--format", "json", str(inside))
    entries = {Path(e["path"]).name: e for e in json.loads(walked.stdout)["files"]}
    assert (inside / "a.py").read_bytes() == _migrated()
    # A loop is a skipped path (issue 15 item 10), noted on stderr, not an error.
    assert "skipped" in walked.stderr and "directory loop" in walked.stderr
    assert set(entries) == {"a.py"}, entries  # links are neither followed nor listed

    explicit = run_cli(
        "migrate", "--format", "json", str(inside / "link_out.py"), str(inside / "dangling.py")
    )
    errors = {Path(e["path"]).name: e["error"] for e in json.loads(explicit.stdout)["files"]}
    assert explicit.code == 2
    assert "outside the given paths" in errors["link_out.py"]
    assert "broken symbolic link" in errors["dangling.py"]

    for link in ("link_to_a.py", "link_out.py", "dir_out", "loop", "dangling.py"):
        assert (inside / link).is_symlink(), f"{link} is no longer a symlink"
    assert snapshot(outside) == outside_before, "a file outside the given paths changed"
    tally("fs-faults/symlinks", links=5, followed_out=0, replaced=0)


def test_an_explicit_symlink_inside_a_given_directory_writes_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.py").write_text(STOP)
    os.symlink("real.py", tmp_path / "alias.py")
    outcome = run_cli("migrate", "--jobs", "1", str(tmp_path / "alias.py"), str(tmp_path))
    assert outcome.code == 1
    assert (tmp_path / "alias.py").is_symlink()
    assert (tmp_path / "real.py").read_bytes() == _migrated()


def test_an_explicit_symlinked_directory_outside_the_given_paths_is_refused(
    tmp_path: Path,
) -> None:
    """Issue 15 item 4: like a file link, a directory link named on the command line is
    followed only into what was given; otherwise reported (exit 2) and not followed."""
    inside, outside = tmp_path / "inside", tmp_path / "outside"
    inside.mkdir()
    outside.mkdir()
    (outside / "b.py").write_text(STOP)
    os.symlink(outside, inside / "dir_out")
    before = snapshot(outside)
    outcome = run_cli("migrate", "--jobs", "1", "--format", "json", str(inside / "dir_out"))
    errors = {Path(e["path"]).name: e["error"] for e in json.loads(outcome.stdout)["files"]}
    assert outcome.code == 2
    assert "outside the given paths" in errors["dir_out"]
    assert snapshot(outside) == before, "a file outside the given paths changed"
    # Into a directory that is given too, the link is walked (each file once).
    both = run_cli("migrate", "--jobs", "1", str(inside / "dir_out"), str(outside))
    assert both.code == 1
    assert (outside / "b.py").read_bytes() == _migrated()
    tally("fs-faults/symlinks", links=1, followed_out=0)


def test_a_fifo_or_device_named_on_the_command_line_is_refused_not_read(
    tmp_path: Path,
) -> None:
    """Issue 15 item 3: reading a FIFO blocks forever; a device may never end."""
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    (tmp_path / "a.py").write_text(STOP)
    outcome = run_cli_subprocess(
        "migrate", "--jobs", "1", "--format", "json", str(fifo), "/dev/zero",
        str(tmp_path / "a.py"), timeout=60,
    )  # fmt: skip
    errors = {e["path"]: e["error"] for e in json.loads(outcome.stdout)["files"] if e["error"]}
    assert outcome.code == 2
    assert "FIFO" in errors[str(fifo)]
    assert "character device" in errors["/dev/zero"]
    assert (tmp_path / "a.py").read_bytes() == _migrated()
    # Met in a walk, a FIFO is not a candidate at all.
    walked = run_cli_subprocess("migrate", "--jobs", "1", str(tmp_path), timeout=60)
    assert walked.code == 0, walked.stdout + walked.stderr
    tally("fs-faults/special-files", fifos=1, devices=1)


def test_a_symlink_loop_is_a_skipped_path_not_an_error(tmp_path: Path) -> None:
    """Issue 15 item 10: links are never followed, so a loop costs nothing: a note on
    stderr, exit 0 for a tree with nothing to do."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "plain.py").write_text("x = 1\n")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    outcome = run_cli("migrate", "--jobs", "1", "--format", "json", str(tmp_path))
    assert outcome.code == 0, outcome.stdout
    assert json.loads(outcome.stdout)["files"] == []
    assert "skipped" in outcome.stderr and "loop" in outcome.stderr
    quiet = run_cli("migrate", "--quiet", "--jobs", "1", str(tmp_path))
    assert quiet.code == 0 and "skipped" not in quiet.stderr


# ---------------------------------------------------------------------------------------
# Stale temporary files
# ---------------------------------------------------------------------------------------


def _dead_pid() -> int:
    process = subprocess.Popen([PYTHON, "-c", "pass"])
    process.wait()
    return process.pid


def test_stale_temporary_files_are_removed_and_live_ones_kept(tree: Path) -> None:
    dead = tree / f".victim.py.{_dead_pid()}-abc123.h2l-tmp"
    live = tree / f".victim.py.{os.getpid()}-live12.h2l-tmp"
    old = tree / f".alpha.py.{os.getpid()}-old123.h2l-tmp"
    foreign = tree / ".notes.txt.h2l-tmp"  # no pid in the name: only age decides
    for path in (dead, live, old, foreign):
        path.write_bytes(b"half a fi")
    hours_ago = time.time() - 2 * writer.STALE_AFTER_SECONDS
    os.utime(old, (hours_ago, hours_ago))

    assert run_cli("migrate", "--check", str(tree)).code == 1
    assert dead.exists(), "--check must not touch the tree"

    # A fresh interpreter: the sweep runs once per process and directory.
    outcome = subprocess.run(
        [PYTHON, "-m", "heygen2liveavatar", "migrate", "--jobs", "1", str(tree)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert outcome.returncode == 1, outcome.stderr
    assert not dead.exists() and not old.exists(), "stale temporary files survived"
    assert live.exists() and foreign.exists(), "a live or young temporary file was removed"
    tally("fs-faults/stale-temps", removed=2, kept=2)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_run_with_nothing_to_write_still_removes_a_killed_runs_temporary_files(
    tmp_path: Path, jobs: str
) -> None:
    """Issue 15 item 11: a SIGKILL between creating the temporary file and the rename
    leaves it; the next run removes it (and says so) even when it has nothing to write
    there, in a subdirectory or beside a file given explicitly. A live run's file stays."""
    (tmp_path / "pkg").mkdir()
    done = tmp_path / "pkg" / "done.py"
    done.write_bytes(_migrated())
    (tmp_path / "plain.py").write_text("x = 1\n")
    dead_pid = _dead_pid()
    dead = tmp_path / "pkg" / f".done.py.{dead_pid}-abc123.h2l-tmp"
    beside = tmp_path / f".plain.py.{dead_pid}-def456.h2l-tmp"
    live = tmp_path / "pkg" / f".done.py.{os.getpid()}-live12.h2l-tmp"
    for path in (dead, beside, live):
        path.write_bytes(b"half a fi")

    assert run_cli_subprocess("migrate", "--check", "--jobs", jobs, str(tmp_path)).code == 0
    assert dead.exists(), "--check must not touch the tree"

    outcome = run_cli_subprocess("migrate", "--jobs", jobs, str(tmp_path))
    assert outcome.code == 0, outcome.stdout + outcome.stderr
    assert not dead.exists() and not beside.exists(), "stale temporary files survived"
    assert live.exists(), "a live run's temporary file was removed"
    assert "removed 2 temporary files left by a killed run" in outcome.stderr, outcome.stderr
    assert done.read_bytes() == _migrated()

    beside.write_bytes(b"half a fi")
    explicit = run_cli_subprocess("migrate", "--jobs", jobs, str(tmp_path / "plain.py"))
    assert explicit.code == 0 and not beside.exists(), explicit.stderr
    tally("fs-faults/stale-temps", removed=3, kept=1)


# ---------------------------------------------------------------------------------------
# Real concurrency: two runs at once, and SIGKILL at random moments
# ---------------------------------------------------------------------------------------

HELPER_USERS = """import requests


def interrupt(session_id):
    return requests.post(
        "https://api.heygen.com/v1/streaming.interrupt", json={"session_id": session_id}
    )
"""


def _make_tree(root: Path, files: int) -> dict[str, bytes]:
    for index in range(files):
        package = root / f"pkg{index % 7}"
        package.mkdir(exist_ok=True)
        text = HELPER_USERS if index % 5 == 0 else STOP.replace("session_id", f"sid_{index}")
        filler = "".join(f"CONSTANT_{i} = {i}\n" for i in range(index % 40))
        (package / f"m{index:04}.py").write_text(filler + text)
        if index % 3 == 0:
            (package / f"plain{index:04}.py").write_text(filler + "x = 1\n")
    return snapshot(root)


def _start(root: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [PYTHON, "-m", "heygen2liveavatar", "migrate", "--quiet", *extra, str(root)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group: the kill reaches the workers too
    )


HELPER = "liveavatar_bridge.py"


def _expected_after(
    tmp: Path, files: int
) -> tuple[dict[str, bytes], dict[str, bytes], float, dict[str, bytes]]:
    """(tree before, tree after one run, seconds the run took, tree after a second run)."""
    reference = tmp / "reference"
    reference.mkdir()
    before = _make_tree(reference, files)
    started = time.monotonic()
    process = _start(reference, "--jobs", "2")
    _out, err = process.communicate(timeout=600)
    elapsed = time.monotonic() - started
    assert process.returncode == 1, err.decode()
    after = snapshot(reference)
    again = _start(reference, "--jobs", "2")
    again.communicate(timeout=600)
    twice = snapshot(reference)
    # Only the generated helper modules may differ after a second run (see
    # test_security.py::test_second_run_leaves_generated_helper_modules_alone).
    assert {k: v for k, v in twice.items() if not k.endswith(HELPER)} == {
        k: v for k, v in after.items() if not k.endswith(HELPER)
    }, "a second run changed migrated files"
    return before, after, elapsed, twice


def _settled(root: Path, after: dict[str, bytes], twice: dict[str, bytes]) -> None:
    """The tree is what one run produces (helper modules: as one or two runs leave them)."""
    now = snapshot(root)
    assert set(now) == set(after), sorted(set(now) ^ set(after))
    for name, data in now.items():
        allowed = {after[name], twice[name]} if name.endswith(HELPER) else {after[name]}
        assert data in allowed, f"{name} differs from a clean run's result"


def _old_or_new(root: Path, before: dict[str, bytes], after: dict[str, bytes]) -> tuple[int, int]:
    """Every file is its old or its new version (helper modules: absent or complete)."""
    now = snapshot(root)
    new = 0
    for name, data in now.items():
        if name.endswith(writer.TEMP_SUFFIX):
            continue
        assert name in before or name in after, f"unexpected file {name}"
        options = {before.get(name), after.get(name)} - {None}
        assert data in options, f"{name} is neither its old nor its new version ({len(data)} bytes)"
        new += int(data == after.get(name) and data != before.get(name))
    missing = set(before) - set(now)
    assert not missing, f"files vanished: {sorted(missing)}"
    return new, len(temp_files(root))


def test_two_runs_at_once_on_the_same_tree(tmp_path: Path) -> None:
    before, after, _, twice = _expected_after(tmp_path, 120)
    root = tmp_path / "shared"
    root.mkdir()
    _make_tree(root, 120)
    first, second = _start(root, "--jobs", "2"), _start(root, "--jobs", "2")
    errors = [p.communicate(timeout=600)[1].decode() for p in (first, second)]
    assert first.returncode in (0, 1) and second.returncode in (0, 1), errors
    _settled(root, after, twice)
    assert temp_files(root) == []
    tally("fs-faults/concurrent-runs", runs=2, files=len(before), bytes_lost=0)


def _kill_rounds(tmp_path: Path, rounds: int, files: int) -> None:
    before, after, full, twice = _expected_after(tmp_path, files)
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    killed_mid_run = temps_seen = new_total = 0
    for round_number in range(rounds):
        root = tmp_path / f"round{round_number}"
        root.mkdir()
        _make_tree(root, files)
        process = _start(root, "--jobs", "2")
        delay = rng.uniform(0.05, max(0.1, full))
        time.sleep(delay)
        alive = process.poll() is None
        with_group = True
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            with_group = False
        process.wait(timeout=60)
        _wait_for_group(process.pid) if with_group else None
        killed_mid_run += int(alive)
        new, temps = _old_or_new(root, before, after)
        new_total += new
        temps_seen += temps
        # The next run finishes the job and sweeps what the killed one left.
        rerun = _start(root, "--jobs", "2")
        _out, err = rerun.communicate(timeout=600)
        assert rerun.returncode in (0, 1), err.decode()
        try:
            _settled(root, after, twice)
        except AssertionError as exc:
            raise AssertionError(
                f"round {round_number}, killed after {delay:.2f}s: {exc}"
            ) from None
        assert temp_files(root) == [], "temporary files survived the next run"
        shutil.rmtree(root)
    tally(
        "fs-faults/sigkill",
        rounds=rounds,
        killed_mid_run=killed_mid_run,
        files_checked=rounds * len(before),
        files_new_when_killed=new_total,
        temp_files_swept=temps_seen,
        bytes_lost=0,
    )


KILL_BEFORE_RENAME = """
import os, signal, sys
from heygen2liveavatar.engine import writer

real_replace = os.replace


class Os:
    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def replace(source, target):
        if target.endswith("victim.py"):
            os.kill(os.getpid(), signal.SIGKILL)  # between the temporary file and the rename
        return real_replace(source, target)


writer.os = Os()
from heygen2liveavatar.cli.main import main
main(sys.argv[1:])
"""


def test_sigkill_between_temporary_file_and_rename(tree: Path) -> None:
    """The one window that leaves a temporary file: the next run removes it and finishes."""
    killed = subprocess.run(
        [PYTHON, "-c", KILL_BEFORE_RENAME, "migrate", "--jobs", "1", str(tree)],
        capture_output=True,
        check=False,
    )
    assert killed.returncode == -signal.SIGKILL
    assert (tree / "victim.py").read_text() == STOP, "the victim is not its old version"
    left = temp_files(tree)
    assert len(left) == 1 and "victim.py" in left[0], left
    assert (tree / left[0]).read_bytes() == _migrated(), "the temporary file is not complete"
    rerun = subprocess.run(
        [PYTHON, "-m", "heygen2liveavatar", "migrate", "--jobs", "1", str(tree)],
        capture_output=True,
        check=False,
    )
    assert rerun.returncode == 1, rerun.stderr
    assert temp_files(tree) == [], "the stale temporary file survived the next run"
    assert all((tree / name).read_bytes() == _migrated() for name in NAMES)
    tally("fs-faults/sigkill-before-rename", temp_files_left=1, temp_files_swept=1, bytes_lost=0)


def _wait_for_group(pgid: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and process groups are POSIX")
def test_sigkill_at_random_moments(tmp_path: Path) -> None:
    _kill_rounds(tmp_path, rounds=4, files=150)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and process groups are POSIX")
def test_sigkill_at_random_moments_many_rounds(tmp_path: Path) -> None:
    _kill_rounds(tmp_path, rounds=30, files=400)


def test_a_directory_that_cannot_be_searched_is_an_error_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A directory the user may not read or search (mode 000): naming it, or a file in it, is
    an error with exit 2 in every mode, never a traceback (``Path.exists`` and
    ``Path.is_file`` raise there, where ``os.path`` answers False; root cannot be denied, so
    the system's answer is what the functions below give)."""
    (tmp_path / ".git").mkdir()
    legacy = tmp_path / "legacy"
    legacy.mkdir()
    (legacy / "old.py").write_text(STOP)
    inside = str(legacy) + os.sep

    def denied(real: Any) -> Any:
        def call(path: Any, *args: Any, **kwargs: Any) -> Any:
            where = os.path.abspath(os.fspath(path)) if not isinstance(path, int) else ""
            listing = real is os.scandir and where == str(legacy)
            if where.startswith(inside) or listing:
                raise PermissionError(errno.EACCES, "Permission denied", where)
            return real(path, *args, **kwargs)

        return call

    for name in ("stat", "lstat", "scandir", "open", "access"):
        monkeypatch.setattr(os, name, denied(getattr(os, name)))
    for given in ("legacy", "legacy/old.py"):
        for mode in (["--check"], ["--diff"], [], ["--check", "--format", "json"]):
            outcome = run_cli("migrate", *mode, given, cwd=tmp_path)
            assert outcome.code == 2, (given, mode, outcome)
            assert "Traceback" not in outcome.stdout + outcome.stderr
    outcome = run_cli("migrate", "--check", "legacy/old.py", cwd=tmp_path)
    assert "legacy/old.py: error: cannot stat: Permission denied" in outcome.stderr
    monkeypatch.undo()
    assert (legacy / "old.py").read_text() == STOP
