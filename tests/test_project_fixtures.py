"""Golden projects: cases that only a whole project shows (several modules, a factory).

``tests/fixtures_projects/<case>/input/`` is a project tree and ``expected/`` the same tree
after ``heygen2liveavatar migrate .`` run from its root (a helper module the run creates is
checked by its first line only: ``tests/test_bridge.py`` covers its content). A whole-project
run must give ``expected/``; so must a run given one file at a time (the partial runs read
the same project facts); a second run changes nothing; and the report's manual findings are
the markers the run added, as for the single-file goldens (``test_golden_markers.py``).
``pytest --update-goldens`` rewrites ``expected/`` (read the diff before committing it).
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from heygen2liveavatar.cli.run import MigrateRequest, run_migrate

PROJECTS = Path(__file__).parent / "fixtures_projects"
CASES = sorted(p.parent for p in PROJECTS.glob("*/input"))
_MARKER = re.compile(r"#\s*TODO\(heygen2liveavatar\):\s*(H2L\d{3})\s+(.*?)\s*$")
_HELPER_LINE = b"# heygen2liveavatar helper:"


def _tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.parts
    }


def _comparable(tree: dict[str, bytes]) -> dict[str, bytes]:
    """The tree with a created helper module reduced to its version line."""
    return {
        name: data.split(b"\n", 1)[0] if data.startswith(_HELPER_LINE) else data
        for name, data in tree.items()
    }


def _copy(case: Path, destination: Path) -> Path:
    shutil.copytree(case / "input", destination)
    (destination / ".git").mkdir()  # the project's root, as in a git work tree
    return destination


def _migrate(root: Path, *paths: str) -> tuple[int, dict]:
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        status = run_migrate(
            MigrateRequest(paths=list(paths), jobs=1, output_format="json"), out=out, err=err
        )
    finally:
        os.chdir(cwd)
    return status, json.loads(out.getvalue())


def _markers(data: bytes) -> list[tuple[str, str]]:
    found = []
    for line in data.decode("utf-8").splitlines():
        match = _MARKER.search(line)
        if match:
            found.append((match.group(1), match.group(2)))
    return found


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_whole_project_run(case: Path, tmp_path: Path, update_goldens: bool) -> None:
    root = _copy(case, tmp_path / "project")
    before = _tree(root)
    _status, report = _migrate(root, ".")
    after = _tree(root)
    expected_dir = case / "expected"
    if update_goldens:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for name, data in _comparable(after).items():
            (expected_dir / name).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / name).write_bytes(data)
    assert _comparable(after) == _tree(expected_dir)

    # Every manual finding is a marker the run added, and every added marker is reported.
    for entry in report["files"]:
        name = entry["path"].replace(os.sep, "/")
        if entry["status"] == "created" or not name.endswith(".py"):
            continue  # markers are Python comments; a manifest's findings are report-only
        added = _markers(after[name])
        for marker in _markers(before[name]):
            added.remove(marker)
        manual = sorted(
            (f["rule"], f["message"]) for f in entry["findings"] if f["kind"] == "manual"
        )
        assert manual == sorted(added), name

    # A second run is a no-op.
    _status, again = _migrate(root, ".")
    assert _tree(root) == after
    assert again["summary"]["files_changed"] == 0 and again["summary"]["fixes"] == 0, again


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_one_file_at_a_time(case: Path, tmp_path: Path) -> None:
    """Each Python file named alone (the others as they were) comes out as in the whole run,
    or is held back whole when its migration goes with another file's."""
    expected = _tree(case / "expected")
    for name in sorted(_tree(case / "input")):
        if not name.endswith(".py"):
            continue
        root = _copy(case, tmp_path / name.replace("/", "_"))
        original = (root / name).read_bytes()
        _status, report = _migrate(root, name)
        written = (root / name).read_bytes()
        held = any(entry.get("needs") for entry in report["files"])
        assert written == expected[name] or (held and written == original), name
