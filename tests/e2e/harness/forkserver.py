"""Runs drivers and migrations as forks of a server that imported their libraries already.

A corpus case starts four Python processes (two drivers, two migrations); most of each one's
time was spent importing requests/httpx/aiohttp/FastAPI or LibCST and the tool. A
``ForkServer`` (``driver/fork_server.py``) imports them once; each run is a child forked from
it that takes its own working directory, environment, argv and output files, so it behaves as
the subprocess did (a fresh interpreter that found those modules imported). Where ``os.fork``
does not exist, runs are plain subprocesses.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

SERVER_SCRIPT = Path(__file__).parent / "driver" / "fork_server.py"
CAN_FORK = hasattr(os, "fork")


@dataclass
class Completed:
    returncode: int
    stdout: str
    stderr: str
    timed_out: bool


class ForkServer:
    """One server, one run at a time (a run waits for the previous one to finish)."""

    def __init__(self, preload: list[str], env: dict[str, str], log: Path) -> None:
        self._env = env
        self._pythonpath = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
        self._lock = threading.Lock()
        self._log = log.open("ab")
        self._process = subprocess.Popen(
            [sys.executable, str(SERVER_SCRIPT), *preload],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            bufsize=0,  # unbuffered answers: select() must see every line not yet read
            env=env,
        )

    def run(
        self,
        argv: list[str],
        *,
        cwd: Path,
        env: dict[str, str],
        timeout: float,
        target: str = "",
        path0: str = "",
    ) -> Completed:
        """Run ``argv[0]`` as a script (or call ``target``, ``"module:function"``, with
        ``argv`` as ``sys.argv``) in a child with this environment."""
        pythonpath = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
        with self._lock, tempfile.TemporaryDirectory(prefix="fork-run-") as streams:
            stdout_file = os.path.join(streams, "stdout")
            stderr_file = os.path.join(streams, "stderr")
            request = {
                "kind": "function" if target else "script",
                "target": target,
                "argv": argv,
                "cwd": str(cwd),
                "env": env,
                "path0": path0 or str(Path(argv[0]).resolve().parent),
                "pythonpath": pythonpath,
                "server_pythonpath": self._pythonpath,
                "stdout": stdout_file,
                "stderr": stderr_file,
            }
            stdin, stdout = self._pipes()
            stdin.write(json.dumps(request).encode() + b"\n")
            stdin.flush()
            pid = int(self._answer(stdout, None)["pid"])
            try:
                answer = self._answer(stdout, timeout)
                timed_out = False
            except TimeoutError:
                timed_out = True
                os.killpg(pid, signal.SIGKILL)
                answer = self._answer(stdout, None)
            return Completed(
                returncode=-1 if timed_out else int(answer["exit"]),
                stdout=_read(stdout_file),
                stderr=_read(stderr_file),
                timed_out=timed_out,
            )

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._log.close()

    def _pipes(self) -> tuple[IO[bytes], IO[bytes]]:
        assert self._process.stdin is not None and self._process.stdout is not None
        return self._process.stdin, self._process.stdout

    def _answer(self, stdout: IO[bytes], timeout: float | None) -> dict[str, Any]:
        if timeout is not None:
            ready, _, _ = select.select([stdout], [], [], timeout)
            if not ready:
                raise TimeoutError
        line = stdout.readline()
        if not line:
            raise RuntimeError(
                f"the fork server exited ({self._process.poll()}); see {self._log.name}"
            )
        answer: dict[str, Any] = json.loads(line)
        return answer


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except FileNotFoundError:
        return ""


def run_subprocess(argv: list[str], *, cwd: Path, env: dict[str, str], timeout: float) -> Completed:
    """The same run without a server (a new interpreter)."""
    try:
        completed = subprocess.run(
            argv,
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as expired:
        return Completed(-1, _text(expired.stdout), _text(expired.stderr), True)
    return Completed(completed.returncode, completed.stdout, completed.stderr, False)


def _text(value: str | bytes | None) -> str:
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value
