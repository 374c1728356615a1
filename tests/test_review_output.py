"""Review output: the open to-do list (``todo``, markers in ``migrate``), the text report's
styles and colour, exit statuses, path spelling, odd file names and report failures."""

from __future__ import annotations

import io
import json
import os
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from heygen2liveavatar.cli.main import main
from heygen2liveavatar.cli.run import MigrateRequest, run_migrate, use_color
from heygen2liveavatar.cli.todo import TodoRequest, run_todo
from heygen2liveavatar.engine.markers import scan_markers
from heygen2liveavatar.engine.runner import is_own_report

SHARED_KEY = """import os

import requests

KEY = os.environ["HEYGEN_API_KEY"]


def stop(session_id):
    return requests.post("https://api.heygen.com/v1/streaming.stop", json={"session_id": session_id}, headers={"x-api-key": KEY})


def video(payload):
    return requests.post("https://api.heygen.com/v2/video/generate", json=payload, headers={"x-api-key": KEY})
"""
STOP = """import requests


def stop(session_id):
    return requests.post("https://api.heygen.com/v1/streaming.stop", json={"session_id": session_id})
"""
MARKER = "# TODO(heygen2liveavatar): H2L402 read a separate `LIVEAVATAR_API_KEY`"
ANSI = re.compile(r"\x1b\[")


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def migrate(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    previous = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = runner.invoke(main, ["migrate", *args])
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


def cli(*args: str, cwd: Path) -> tuple[int, str, str]:
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args))
    finally:
        os.chdir(previous)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def marked(tmp_path: Path) -> Path:
    """A project after a migration: one file with an open marker, one left to migrate."""
    (tmp_path / "key.py").write_text(SHARED_KEY, encoding="utf-8")
    code, _out, _err = migrate("--jobs", "1", "key.py", cwd=tmp_path)
    assert code == 1
    assert MARKER.split(" read")[0] in (tmp_path / "key.py").read_text(encoding="utf-8")
    return tmp_path


# The to-do list ---------------------------------------------------------------------------


def test_todo_lists_every_marker_and_exits_1(marked: Path) -> None:
    code, out, err = cli("todo", cwd=marked)
    assert code == 1
    (line,) = out.splitlines()
    assert re.fullmatch(r"key\.py:\d+:1: H2L402 `HEYGEN_API_KEY` .*", line), line
    assert "1 open marker in 1 file" in err


def test_todo_exit_0_without_markers_and_2_for_a_missing_path(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(STOP, encoding="utf-8")
    # Documentation that shows a marker is not work to do.
    (tmp_path / "README.md").write_text(MARKER + "\n", encoding="utf-8")
    assert cli("todo", cwd=tmp_path)[0] == 0
    assert cli("todo", "missing.py", cwd=tmp_path)[0] == 2


@pytest.mark.parametrize("fmt", ["json", "github", "sarif", "markdown"])
def test_todo_formats(marked: Path, fmt: str) -> None:
    code, out, _err = cli("todo", "--format", fmt, cwd=marked)
    assert code == 1
    assert "key.py" in out
    if fmt == "json":
        (entry,) = json.loads(out)["files"]
        (marker,) = entry["acknowledged"]
        assert set(marker) == {"rule", "kind", "line", "column", "message"}
        assert marker["kind"] == "manual" and marker["rule"] == "H2L402"
    elif fmt == "github":
        assert out.startswith("::warning file=key.py,line=")
    elif fmt == "sarif":
        (result,) = json.loads(out)["runs"][0]["results"]
        assert result["properties"] == {"kind": "manual", "marker": True}
    else:
        assert "### Manual to-do (1)" in out


def test_markers_in_notebooks_and_manifests() -> None:
    notebook = (
        b'{"cells": [{"cell_type": "code", "source": [\n'
        b'    "# TODO(heygen2liveavatar): H2L105 `streaming.ice` has \\"no\\" successor\\n",\n'
        b'    "x = 1"]}]}\n'
    )
    (marker,) = scan_markers(notebook, "demo.ipynb")
    assert (marker.rule, marker.line, marker.column) == ("H2L105", 2, 6)
    assert marker.message == '`streaming.ice` has "no" successor'
    requirements = b"# TODO(heygen2liveavatar): H2L505 pin pipecat-ai>=0.0.98\npipecat-ai\n"
    assert [m.rule for m in scan_markers(requirements, "requirements.txt")] == ["H2L505"]
    assert scan_markers(requirements, "notes.md") == []


# Markers in `migrate` ---------------------------------------------------------------------


def test_check_fails_while_markers_remain_and_json_lists_them(marked: Path) -> None:
    code, out, _err = migrate("--check", "--jobs", "1", ".", cwd=marked)
    assert code == 1
    assert "key.py: needs manual work (1 open marker)" in out
    assert out.rstrip().endswith("; 1 open marker (heygen2liveavatar todo)")

    code, out, _err = migrate("--check", "--format", "json", ".", cwd=marked)
    assert code == 1
    report = json.loads(out)
    (entry,) = report["files"]
    assert entry["path"] == "key.py" and entry["status"] == "unchanged"
    assert [m["rule"] for m in entry["acknowledged"]] == ["H2L402"]
    assert report["summary"]["acknowledged"] == 1 and report["summary"]["manual"] == 0


def test_exit_zero_keeps_2_for_failed_inputs(marked: Path) -> None:
    assert migrate("--check", "--exit-zero", ".", cwd=marked)[0] == 0
    (marked / "broken.py").write_text("import heygen\nx = (\n", encoding="utf-8")
    code, _out, err = migrate("--check", "--exit-zero", ".", cwd=marked)
    assert code == 2
    # A syntax error is reported as path:line:col.
    assert re.search(r"^broken\.py:\d+:\d+: error: syntax error", err, re.MULTILINE), err


def test_check_quiet_prints_the_summary_line(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(STOP, encoding="utf-8")
    code, out, _err = migrate("--check", "-q", "a.py", cwd=tmp_path)
    assert code == 1
    assert re.fullmatch(
        r"1 file would change, \d+ fixes, 0 manual, 0 errors \(1 file scanned\)\n", out
    )


def test_statistics_prints_only_the_table(marked: Path) -> None:
    (marked / "a.py").write_text(STOP, encoding="utf-8")
    code, out, _err = migrate("--check", "--statistics", ".", cwd=marked)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].split() == ["rule", "name", "fixes", "manual", "open", "markers"]
    assert [line.split()[0] for line in lines[1:]] == ["H2L103", "H2L401", "H2L402"]
    assert migrate("--statistics", "--format", "sarif", ".", cwd=marked)[0] == 2
    code, out, _err = migrate("--check", "--statistics", "--format", "json", ".", cwd=marked)
    rows = {row["code"]: row for row in json.loads(out)}
    assert rows["H2L402"] == {
        "code": "H2L402",
        "name": "api-key-variable",
        "fixes": 0,
        "manual": 0,
        "open_markers": 1,
    }


# The text report ----------------------------------------------------------------------------


def test_full_style_shows_the_source_line_and_a_caret(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    (tmp_path / "key.py").write_text(SHARED_KEY, encoding="utf-8")
    code, out, _err = migrate("--check", "--verbose", "key.py", cwd=tmp_path)
    assert code == 1
    assert "key.py:5:18: H2L402 [manual]\n" in out
    assert '5 | KEY = os.environ["HEYGEN_API_KEY"]\n  |                  ^\n' in out
    # Messages wrap to the terminal width; long source lines show a window around the column.
    assert max(len(line) for line in out.splitlines()[:-1]) <= 60
    assert "9 | …" in out


def test_concise_style_is_one_line_per_finding(tmp_path: Path) -> None:
    (tmp_path / "key.py").write_text(SHARED_KEY, encoding="utf-8")
    code, out, _err = migrate("--check", "-v", "--output-format", "concise", "key.py", cwd=tmp_path)
    assert code == 1
    findings = [line for line in out.splitlines() if re.match(r"key\.py:\d", line)]
    assert len(findings) >= 3
    assert all(re.match(r"key\.py:\d+:\d+: H2L\d{3} \[(fix|manual)\] \S", f) for f in findings)
    assert " | " not in out
    assert migrate("--format", "json", "--output-format", "concise", "key.py", cwd=tmp_path)[0] == 2


def test_color_follows_no_color_and_the_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(None, Terminal()) is True
    assert use_color(None, io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(None, Terminal()) is False
    assert use_color(True, io.StringIO()) is True


@pytest.mark.parametrize("color", [None, True])
def test_no_escape_sequences_without_color(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, color: bool | None
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "key.py").write_text(SHARED_KEY, encoding="utf-8")
    out, err = Terminal(), io.StringIO()
    request = MigrateRequest(paths=["key.py"], mode="check", jobs=1, verbose=True, color=color)
    assert run_migrate(request, out=out, err=err) == 1
    # NO_COLOR: no colour and no bold either; --color still forces styling.
    assert bool(ANSI.search(out.getvalue())) is (color is True)


# Paths, created files, own reports ------------------------------------------------------------


def test_paths_are_spelled_one_way_and_helper_files_are_created(tmp_path: Path) -> None:
    (tmp_path / "speak.py").write_text(
        'import requests\n\n\ndef speak(sid, text):\n    return requests.post("https://api.heygen.com/v1/streaming.task", '
        'json={"session_id": sid, "text": text, "task_type": "repeat"})\n',
        encoding="utf-8",
    )
    code, out, _err = migrate("--check", "--format", "json", "./speak.py", cwd=tmp_path)
    assert code == 1
    statuses = {entry["path"]: entry["status"] for entry in json.loads(out)["files"]}
    assert statuses == {"speak.py": "changed", "liveavatar_bridge.py": "created"}
    code, out, _err = migrate(
        "--check", "--format", "github", "--verbose", "./speak.py", cwd=tmp_path
    )
    assert "file=speak.py," in out and "file=liveavatar_bridge" not in out
    code, out, _err = migrate("./speak.py", cwd=tmp_path)
    assert "created liveavatar_bridge.py\n" in out and "fixed speak.py" in out


@pytest.mark.parametrize("fmt", ["json", "sarif", "markdown", "github"])
def test_own_reports_are_never_scanned(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "a.py").write_text(STOP, encoding="utf-8")
    _code, report, _err = migrate("--check", "--verbose", "--format", fmt, ".", cwd=tmp_path)
    assert is_own_report(report.encode("utf-8"))
    (tmp_path / "review.md").write_text(report, encoding="utf-8")
    _code, out, _err = migrate("--check", "--format", "json", ".", cwd=tmp_path)
    assert [entry["path"] for entry in json.loads(out)["files"]] == ["a.py"]
    assert not is_own_report(b"## Notes\nhttps://api.heygen.com/v1/streaming.new\n")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif", "markdown"])
def test_undecodable_file_names(tmp_path: Path, fmt: str) -> None:
    name = os.fsdecode(b"caf\xe9.py")
    try:
        (tmp_path / name).write_text(STOP, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system refuses a non-UTF-8 name")
    previous = os.getcwd()
    os.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    try:
        request = MigrateRequest(paths=["."], mode="check", output_format=fmt, jobs=1, verbose=True)
        code = run_migrate(request, out=out, err=err)
    finally:
        os.chdir(previous)
    assert code == 1, err.getvalue()
    text = out.getvalue()
    text.encode("utf-8")  # no lone surrogate anywhere
    if fmt == "sarif":
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(text)["runs"][0]["results"]
        }
        assert uris == {"caf%E9.py"}
    elif fmt == "json":
        assert "\\udc" not in text
        assert [entry["path"] for entry in json.loads(text)["files"]] == ["caf\\xe9.py"]
    else:
        assert "caf\\xe9.py" in text


def test_a_failing_report_after_writes_names_them_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from heygen2liveavatar.reports.json_report import JsonReporter

    def broken(self: JsonReporter, *args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(JsonReporter, "finish", broken)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.py").write_text(STOP, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    request = MigrateRequest(paths=["a.py"], mode="write", output_format="json", jobs=1)
    assert run_migrate(request, out=out, err=err) == 2
    assert "the report could not be written (RuntimeError: disk full)" in err.getvalue()
    assert "this run wrote 1 file(s): a.py" in err.getvalue()
    assert (tmp_path / "a.py").read_text(encoding="utf-8") != STOP


def test_todo_request_runs_in_process(marked: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_todo(TodoRequest(paths=[str(marked)], quiet=True), out=out, err=err) == 1
    assert err.getvalue() == ""
    assert out.getvalue().count("H2L402") == 1


def test_the_recogniser_knows_the_markdown_title() -> None:
    from heygen2liveavatar.engine.own_reports import MARKDOWN_TITLE
    from heygen2liveavatar.reports.markdown import TITLE

    assert f"## {TITLE}".encode() == MARKDOWN_TITLE
