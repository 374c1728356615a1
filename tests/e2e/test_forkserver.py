"""A run forked from the fork server behaves as the same run in a process of its own.

The corpus's drivers and migrations are forks of servers that imported their libraries once
(harness/forkserver.py); a verdict means something only if a fork sees what a new interpreter
would: its argv, working directory, environment and ``sys.path``, its own output, its exit
status, its threads joined and its ``atexit`` handlers run, and a timeout that kills it and
what it started.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from harness import Case, StandIns, copy_project, runner
from harness.forkserver import CAN_FORK, ForkServer, run_subprocess

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CAN_FORK, reason="no os.fork: runs are subprocesses"),
]

CORPUS = Path(__file__).parent / "corpus"

PROGRAM = """\
import atexit, json, os, sys, threading, time

def late():
    time.sleep(0.2)
    with open("thread.txt", "w") as out:
        out.write("joined")

threading.Thread(target=late).start()  # not a daemon: the interpreter waits for it
atexit.register(lambda: print("atexit ran"))
print(json.dumps({
    "argv": sys.argv,
    "cwd": os.getcwd(),
    "env": os.environ.get("FORK_TEST"),
    "path": sys.path[:2],
}))
print("to stderr", file=sys.stderr)
sys.exit(int(sys.argv[1]))
"""


@pytest.fixture
def server(tmp_path: Path) -> Iterator[ForkServer]:
    forks = ForkServer(["json"], dict(os.environ), tmp_path / "server.log")
    try:
        yield forks
    finally:
        forks.close()


def _runs_both_ways(tmp_path: Path, server: ForkServer, argv: list[str]) -> list[object]:
    extra = tmp_path / "extra"
    extra.mkdir()
    env = {**os.environ, "FORK_TEST": "yes", "PYTHONPATH": str(extra)}
    outcomes: list[object] = []
    for name in ("fork", "subprocess"):
        work = tmp_path / name
        work.mkdir()
        script = work / "program.py"
        script.write_text(PROGRAM, encoding="utf-8")
        if name == "fork":
            done = server.run([str(script), *argv], cwd=work, env=env, timeout=20)
        else:
            done = run_subprocess(
                [sys.executable, str(script), *argv], cwd=work, env=env, timeout=20
            )
        outcomes.append(
            (
                done.returncode,
                done.stdout.replace(str(work), "<work>"),
                done.stderr,
                (work / "thread.txt").read_text(encoding="utf-8"),
            )
        )
    return outcomes


def test_a_fork_sees_what_a_new_interpreter_sees(tmp_path: Path, server: ForkServer) -> None:
    forked, fresh = _runs_both_ways(tmp_path, server, ["3"])
    assert forked == fresh
    returncode, stdout, stderr, thread = forked  # type: ignore[misc]
    assert returncode == 3
    assert '"env": "yes"' in stdout and '"cwd": "<work>"' in stdout
    assert f'"path": ["<work>", "{tmp_path / "extra"}"]' in stdout
    assert stdout.rstrip().endswith("atexit ran")
    assert stderr == "to stderr\n" and thread == "joined"


def test_a_timeout_kills_the_run_and_what_it_started(tmp_path: Path, server: ForkServer) -> None:
    script = tmp_path / "hang.py"
    script.write_text(
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "open('child.pid', 'w').write(str(child.pid))\n"
        "print('started', flush=True)\n"
        "time.sleep(60)\n",
        encoding="utf-8",
    )
    began = time.monotonic()
    done = server.run([str(script)], cwd=tmp_path, env=dict(os.environ), timeout=2)
    assert done.timed_out and done.returncode == -1
    assert done.stdout == "started\n"
    assert time.monotonic() - began < 15
    grandchild = int((tmp_path / "child.pid").read_text(encoding="utf-8"))
    for _ in range(50):
        if not Path(f"/proc/{grandchild}").exists() or _zombie(grandchild):
            break
        time.sleep(0.1)
    else:
        pytest.fail("the timed-out run's own subprocess is still running")
    # The server goes on serving after a timeout.
    again = server.run([str(script)], cwd=tmp_path, env=dict(os.environ), timeout=0.5)
    assert again.timed_out


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


@pytest.mark.parametrize("name", ["b_flask_session_routes", "a21_async_kiosk_avatar_catalog"])
def test_a_corpus_phase_forked_is_the_phase_in_a_subprocess(
    name: str, standins: StandIns, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = Case.load(CORPUS / name)
    forked = runner.run_phase(standins, case, copy_project(case, tmp_path / "a"), "heygen")
    monkeypatch.setattr(runner, "CAN_FORK", False)
    fresh = runner.run_phase(standins, case, copy_project(case, tmp_path / "b"), "heygen")
    assert forked.ok and fresh.ok
    assert forked.trace == fresh.trace and forked.trace
    assert forked.problems == fresh.problems == []
