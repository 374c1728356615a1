"""Runs one case's ``drive.py`` in a driver subprocess (started by harness/runner.py).

The working directory is the project; the project goes first on ``sys.path`` (in place of this
script's directory). A failure is written as JSON to ``$E2E_RESULT_FILE`` with the frames of its
traceback, so the test can find the innermost frame inside the project.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import traceback


def main() -> int:
    drive = sys.argv[1]
    sys.path[0] = os.getcwd()
    sys.argv = [drive]
    result: dict[str, object] = {"ok": True}
    try:
        runpy.run_path(drive, run_name="__main__")
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            result = {"ok": False, "exception": f"SystemExit({exit_.code!r})", "frames": []}
    except BaseException as error:
        traceback.print_exc()
        frames = [
            [frame.filename, frame.lineno] for frame in traceback.extract_tb(error.__traceback__)
        ]
        exception = "".join(traceback.format_exception_only(type(error), error)).strip()
        result = {"ok": False, "exception": exception, "frames": frames}
    with open(os.environ["E2E_RESULT_FILE"], "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    sys.stdout.flush()
    sys.stderr.flush()
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
