"""Code that now sends LiveAvatar events needs ``livekit``: the run declares it in the project's
dependency manifest, in that manifest's style, or says where it could not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from heygen2liveavatar.engine.runtime_requirements import plan_addition

SRC = Path(__file__).resolve().parent.parent / "src"
INTERRUPT = """\
import requests

API = "https://api.heygen.com/v1"


def interrupt(session_id):
    requests.post(f"{API}/streaming.interrupt", json={"session_id": session_id})
"""
LIST_SESSIONS = """\
import requests


def sessions():
    return requests.get("https://api.heygen.com/v1/streaming.list", headers={"x-api-key": "k"})
"""


def migrate(*args: str, cwd: Path) -> dict[str, dict[str, object]]:
    (cwd / ".git").mkdir(exist_ok=True)  # the project's root
    result = subprocess.run(
        [sys.executable, "-m", "heygen2liveavatar", "migrate", *args, "--format", "json"],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(SRC)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    return {entry["path"]: entry for entry in json.loads(result.stdout)["files"]}


@pytest.mark.parametrize(
    ("name", "before", "after"),
    [
        (
            "requirements.txt",
            "requests==2.31.0\nflask>=2",
            "requests==2.31.0\nflask>=2\nlivekit>=1.0\n",
        ),
        (
            "pyproject.toml",
            '[project]\nname = "x"\ndependencies = [\n    "requests>=2",\n    "flask",\n]\n',
            '[project]\nname = "x"\ndependencies = [\n    "requests>=2",\n    "flask",\n'
            '    "livekit>=1.0",\n]\n',
        ),
        (
            "pyproject.toml",
            "[project]\nname = 'x'\ndependencies = ['requests']\n\n[tool.x]\n",
            "[project]\nname = 'x'\ndependencies = ['requests', 'livekit>=1.0']\n\n[tool.x]\n",
        ),
        (
            "pyproject.toml",
            '[tool.poetry.dependencies]\npython = "^3.10"\nrequests = "^2.31"\n\n[build-system]\n',
            '[tool.poetry.dependencies]\npython = "^3.10"\nrequests = "^2.31"\nlivekit = "^1.0"\n'
            "\n[build-system]\n",
        ),
        (
            "setup.cfg",
            "[options]\ninstall_requires =\n  requests\n  flask\npython_requires = >=3.9\n",
            "[options]\ninstall_requires =\n  requests\n  flask\n  livekit>=1.0\n"
            "python_requires = >=3.9\n",
        ),
    ],
    ids=["requirements", "pep621-multiline", "pep621-one-line", "poetry", "setup.cfg"],
)
def test_each_manifest_gets_livekit_in_its_own_style(
    tmp_path: Path, name: str, before: str, after: str
) -> None:
    (tmp_path / name).write_text(before, encoding="utf-8")
    addition = plan_addition(str(tmp_path / name), "livekit", "1.0")
    assert addition is not None and addition.new_text == after


def test_a_declared_livekit_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("livekit-agents~=1.2\n", encoding="utf-8")
    assert plan_addition(str(tmp_path / "requirements.txt"), "livekit", "1.0") is None


def test_a_whole_run_declares_livekit_once(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("requests\n", encoding="utf-8")
    (tmp_path / "a.py").write_text(INTERRUPT, encoding="utf-8")
    (tmp_path / "b.py").write_text(INTERRUPT, encoding="utf-8")
    files = migrate(".", cwd=tmp_path)
    assert files["requirements.txt"]["status"] == "changed"
    assert (tmp_path / "requirements.txt").read_text() == "requests\nlivekit>=1.0\n"
    assert migrate(".", cwd=tmp_path) == {}  # nothing more to do


def test_a_partial_run_holds_the_file_and_names_the_manifest(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("requests\n", encoding="utf-8")
    (tmp_path / "a.py").write_text(INTERRUPT, encoding="utf-8")
    files = migrate("a.py", cwd=tmp_path)
    # The migrated file would need `livekit` declared in a manifest the run may not write:
    # no half migration, the file stays as it was and the report names the manifest.
    assert (tmp_path / "requirements.txt").read_text() == "requests\n"
    assert (tmp_path / "a.py").read_text() == INTERRUPT
    assert files["a.py"]["status"] == "unchanged"
    assert files["a.py"]["needs"] == ["requirements.txt"]
    findings = files["a.py"]["findings"]
    assert [f["kind"] for f in findings] == ["manual"]  # type: ignore[index,union-attr]
    assert "`requirements.txt`" in findings[0]["message"]  # type: ignore[index]
    # With the manifest in the run, both move together.
    files = migrate("a.py", "requirements.txt", cwd=tmp_path)
    assert files["a.py"]["status"] == "changed"
    assert (tmp_path / "requirements.txt").read_text() == "requests\nlivekit>=1.0\n"


def test_without_a_manifest_the_file_says_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(INTERRUPT, encoding="utf-8")
    files = migrate(".", cwd=tmp_path)
    messages = [f["message"] for f in files["a.py"]["findings"]]  # type: ignore[union-attr]
    assert any("no dependency manifest" in m and "livekit>=1.0" in m for m in messages)


def test_code_that_sends_no_event_needs_no_livekit(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("requests\n", encoding="utf-8")
    (tmp_path / "a.py").write_text(LIST_SESSIONS, encoding="utf-8")
    migrate(".", cwd=tmp_path)
    assert (tmp_path / "requirements.txt").read_text() == "requests\n"
