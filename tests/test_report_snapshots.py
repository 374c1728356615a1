"""Snapshots of the text, GitHub, Markdown and JSON reports of one ``--check`` run.

The tree has fixes, manual work, a marker an earlier run left, a helper module the run would
create and a file that cannot be parsed. The snapshots live in ``tests/snapshots/``;
``pytest --update-goldens`` rewrites them (read the diff before committing).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from heygen2liveavatar import __version__
from heygen2liveavatar.cli.run import MigrateRequest, run_migrate

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
TREE = {
    "stop.py": """import requests


def stop(session_id):
    return requests.post("https://api.heygen.com/v1/streaming.stop", json={"session_id": session_id})
""",
    "key.py": """import os

import requests

KEY = os.environ["HEYGEN_API_KEY"]


def keep_alive(session_id):
    return requests.post("https://api.heygen.com/v1/streaming.keep_alive", json={"session_id": session_id}, headers={"x-api-key": KEY})


def video(payload):
    return requests.post("https://api.heygen.com/v2/video/generate", json=payload, headers={"x-api-key": KEY})
""",
    "signalling.py": """# TODO(heygen2liveavatar): H2L105 `streaming.ice` has no LiveAvatar equivalent: LiveKit negotiates ICE
ICE_SERVERS = []
""",
    "speak.py": """import requests


def speak(session_id, text):
    return requests.post("https://api.heygen.com/v1/streaming.task", json={"session_id": session_id, "text": text, "task_type": "repeat"})
""",
    "broken.py": "import heygen\nx = (\n",
    "unrelated.py": "print('nothing to see')\n",
}


@pytest.mark.parametrize(
    ("fmt", "snapshot"),
    [
        ("text", "check.txt"),
        ("text", "check.verbose.txt"),
        ("github", "check.github.txt"),
        ("markdown", "check.md"),
        ("json", "check.json"),
    ],
)
def test_report_snapshot(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    update_goldens: bool,
    fmt: str,
    snapshot: str,
) -> None:
    for name, content in TREE.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    for variable in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(variable, raising=False)
    out, err = io.StringIO(), io.StringIO()
    verbose = "verbose" in snapshot  # every finding, with its source line and caret
    request = MigrateRequest(paths=["."], mode="check", output_format=fmt, jobs=1, verbose=verbose)
    assert run_migrate(request, out=out, err=err) == 2  # broken.py
    text = out.getvalue().replace(__version__, "X.Y.Z")
    if fmt == "text":  # the error goes to standard error: part of what a person sees
        text += "--- stderr ---\n" + err.getvalue()
    path = SNAPSHOTS / snapshot
    if update_goldens:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
    for name, content in TREE.items():  # --check wrote nothing
        assert (tmp_path / name).read_text(encoding="utf-8") == content
    assert not (tmp_path / "liveavatar_bridge.py").exists()
