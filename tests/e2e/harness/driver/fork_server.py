"""A process that imports the libraries a run needs once, then forks one child per run.

Started by ``harness/forkserver.py`` as ``python fork_server.py MODULE...``: it imports the
modules, then reads one JSON request per line on standard input and answers two lines on
standard output: ``{"pid": N}`` when the child is forked, ``{"exit": CODE}`` when it is done.
The server itself never runs a request, so every child starts as a fresh interpreter would
after importing the modules: the drivers' HTTP libraries (0.2-0.5 s of every driver's start)
and the tool (0.2 s of every migration) are imported once per server, not once per run.

A child takes the request's working directory, environment, ``sys.path`` additions, argv and
standard streams (files), runs its target, and leaves through the interpreter's normal exit
(``SystemExit``): non-daemon threads are joined and ``atexit`` handlers run, as in a process of
its own. It is the leader of its own process group, so a timeout kills what it started too.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import runpy
import sys
import traceback
from typing import Any


def _redirect(fd: int, path: str, flags: int) -> None:
    opened = os.open(path, flags, 0o644)
    os.dup2(opened, fd)
    os.close(opened)


def _run_target(request: dict[str, Any]) -> object:
    """The target's exit status (what ``SystemExit`` would carry)."""
    try:
        if request["kind"] == "script":
            runpy.run_path(request["argv"][0], run_name="__main__")
        else:  # "function": "package.module:name"
            module_name, _, function_name = request["target"].partition(":")
            return getattr(importlib.import_module(module_name), function_name)()
    except SystemExit as exit_:
        return exit_.code
    except BaseException:
        traceback.print_exc()
        return 1
    return 0


def _child(request: dict[str, Any], server_path: list[str]) -> object:
    os.setsid()
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    _redirect(0, os.devnull, os.O_RDONLY)
    _redirect(1, request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    _redirect(2, request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    # sys.path as a fresh ``python <argv[0]>`` with the request's PYTHONPATH would have it.
    inherited = [p for p in server_path[1:] if p not in request["server_pythonpath"]]
    sys.path[:] = [request["path0"], *request["pythonpath"], *inherited]
    sys.argv = list(request["argv"])
    return _run_target(request)


def main() -> None:
    for name in sys.argv[1:]:
        importlib.import_module(name)
    server_path = list(sys.path)
    gc.freeze()  # children share the imported objects instead of copying them in collections
    # The protocol uses copies of the standard descriptors: a child replaces 0, 1 and 2.
    requests = os.fdopen(os.dup(0), "rb")
    answers = os.fdopen(os.dup(1), "wb", buffering=0)
    for line in requests:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            requests.close()
            answers.close()
            # Unwinds to the interpreter's exit: threads joined, atexit handlers run.
            raise SystemExit(_child(request, server_path))
        answers.write(json.dumps({"pid": pid}).encode() + b"\n")
        _, status = os.waitpid(pid, 0)
        answers.write(json.dumps({"exit": os.waitstatus_to_exitcode(status)}).encode() + b"\n")


if __name__ == "__main__":
    main()
