"""The no-change corpus: files that look like HeyGen clients but use no streaming endpoint.

``tests/fixtures/negative/`` holds them (HeyGen's video, translation, template and webhook
APIs; endpoint names in comments, docstrings, log messages, UI and help texts; LiveAvatar
clients migrated by hand; a provider switch; OpenAI, ElevenLabs and D-ID with their own
keys). Each must stay byte-identical and produce no finding, run alone, as a whole tree
(where project facts are shared between files) and file by file through the command line.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from heygen2liveavatar import migrate_source
from heygen2liveavatar.cli.main import main

NEGATIVE = Path(__file__).parent / "fixtures" / "negative"
CASES = sorted(p.parent for p in NEGATIVE.glob("*/input.py"))


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_finding_from_the_api(case: Path) -> None:
    source = (case / "input.py").read_text(encoding="utf-8")
    result = migrate_source(source, filename=f"{case.name}.py")
    assert result.code == source
    assert result.findings == []


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("no_change_corpus")
    (root / "pyproject.toml").write_text('[project]\nname = "clips"\nversion = "0"\n')
    package = root / "clips"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for case in CASES:
        shutil.copyfile(case / "input.py", package / f"{case.name}.py")
    return root


def _run(root: Path, *paths: str) -> dict:
    old = os.getcwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(
            main, ["migrate", "--format", "json", "--jobs", "1", *paths], catch_exceptions=False
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _assert_untouched(root: Path) -> None:
    for case in CASES:
        written = (root / "clips" / f"{case.name}.py").read_bytes()
        assert written == (case / "input.py").read_bytes(), case.name


def test_the_whole_tree_stays_byte_identical(tree: Path) -> None:
    report = _run(tree, ".")
    assert report["files"] == []
    assert report["summary"]["files_changed"] == 0
    assert report["summary"]["fixes"] == 0 and report["summary"]["manual"] == 0
    assert report["summary"]["files_scanned"] >= len(CASES)
    _assert_untouched(tree)
    assert sorted(p.name for p in (tree / "clips").iterdir()) == sorted(
        ["__init__.py", *(f"{c.name}.py" for c in CASES)]
    ), "the run created a file"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_file_named_alone_stays_byte_identical(tree: Path, case: Path) -> None:
    report = _run(tree, f"clips/{case.name}.py")
    assert report["files"] == []
    _assert_untouched(tree)
