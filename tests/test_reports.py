"""The pull-request formats: SARIF, GitHub workflow commands and Markdown; stdout purity.

Unit tests feed the reporters hand-made results, so they do not move when rules change;
the end-to-end tests run ``migrate`` on a small HeyGen file and check that standard output
carries nothing but the document (diffs go to standard error).
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from heygen2liveavatar import __version__
from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
from heygen2liveavatar.engine.results import (
    STATUS_CHANGED,
    STATUS_CREATED,
    STATUS_ERROR,
    STATUS_UNCHANGED,
    FileResult,
    RunSummary,
)
from heygen2liveavatar.model import FIX_MANUAL, KIND_FIX, KIND_MANUAL, Finding
from heygen2liveavatar.reports import make_reporter
from heygen2liveavatar.reports.base import ReportContext
from heygen2liveavatar.reports.github import escape_data, escape_property, file_commands
from heygen2liveavatar.reports.markdown import MAX_ITEMS, LinkMaker, code, inline, render
from heygen2liveavatar.reports.sarif import build_log, rule_anchor
from heygen2liveavatar.rules import ALL_RULES

REPO_ROOT = Path(__file__).resolve().parent.parent
SCHEMA_NAME = "sarif-schema-2.1.0.json"
MACHINE_FORMATS = ("json", "github", "sarif", "markdown")
GITHUB_ENV = ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA", "GITHUB_WORKSPACE")

HEYGEN_STOP = """import requests

BASE = "https://api.heygen.com/v1"


def stop(session_id):
    return requests.post(f"{BASE}/streaming.stop", json={"session_id": session_id})
"""


# Helpers -----------------------------------------------------------------------------


def sarif_schema_path() -> Path | None:
    """The OASIS schema: ``$SARIF_SCHEMA``, else ``shared/data/`` beside or above the repo."""
    override = os.environ.get("SARIF_SCHEMA")
    if override:
        return Path(override) if Path(override).is_file() else None
    for directory in (REPO_ROOT, *REPO_ROOT.parents):
        candidate = directory / "shared" / "data" / SCHEMA_NAME
        if candidate.is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def sarif_validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is not installed")
    path = sarif_schema_path()
    if path is None:
        pytest.skip(f"{SCHEMA_NAME} not found in ../shared/data/ (set SARIF_SCHEMA to its path)")
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )


def assert_valid_sarif(validator: Any, log: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:10]
    )


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Markdown links depend on GitHub's variables: tests set them explicitly."""
    for name in GITHUB_ENV:
        monkeypatch.delenv(name, raising=False)


def sample_results() -> tuple[RunSummary, list[FileResult]]:
    """A changed file with fixes and manual work, a failed file, an untouched file."""
    changed = FileResult("app/client.py", STATUS_CHANGED)
    changed.findings = [
        Finding(
            "H2L401",
            KIND_FIX,
            3,
            8,
            "`https://api.heygen.com` becomes `https://api.liveavatar.com`",
        ),
        Finding("H2L103", KIND_FIX, 7, 34, "`streaming.stop` becomes `sessions/stop`"),
        Finding("H2L402", KIND_MANUAL, 12, 5, "read a separate `LIVEAVATAR_API_KEY`"),
    ]
    changed.acknowledged = [Finding("H2L402", KIND_MANUAL, 20, 1, "marked by an earlier run")]
    failed = FileResult(
        "broken.py", STATUS_ERROR, error="line 3: syntax error: unexpected EOF", error_line=3
    )
    untouched = FileResult("app/other.py", STATUS_UNCHANGED)
    summary = RunSummary()
    for result in (changed, failed, untouched):
        summary.add(result)
    return summary, [changed, failed]


def report(fmt: str, summary: RunSummary, results: list[FileResult], mode: str = "check") -> str:
    """Drive a reporter the way ``run_migrate`` does: every file, then the summary."""
    out, err = io.StringIO(), io.StringIO()
    reporter = make_reporter(
        fmt, ReportContext(mode=mode, out=out, err=err, tool_version=__version__)
    )
    for result in results:
        reporter.file(result)
    reporter.finish(summary, results)
    assert err.getvalue() == ""
    return out.getvalue()


# SARIF -------------------------------------------------------------------------------


def test_sarif_is_valid_and_describes_every_rule(sarif_validator: Any) -> None:
    summary, results = sample_results()
    log = json.loads(report("sarif", summary, results))
    assert_valid_sarif(sarif_validator, log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("heygen2liveavatar", __version__)
    assert driver["informationUri"].startswith("https://")
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in ALL_RULES]
    for descriptor, rule in zip(driver["rules"], ALL_RULES):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == rule.description.strip()
        assert descriptor["help"]["markdown"] == rule.docs()
        assert descriptor["helpUri"].endswith(f"docs/rules.md#{rule_anchor(rule.code, rule.name)}")
        expected_level = "warning" if rule.fix == FIX_MANUAL else "note"
        assert descriptor["defaultConfiguration"]["level"] == expected_level
        assert descriptor["properties"]["fix"] == rule.fix


def test_sarif_has_one_result_per_open_finding(sarif_validator: Any) -> None:
    summary, results = sample_results()
    (run,) = json.loads(report("sarif", summary, results))["runs"]
    rules = run["tool"]["driver"]["rules"]
    found = [
        (
            r["ruleId"],
            r["level"],
            r["message"]["text"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
            r["locations"][0]["physicalLocation"]["region"],
        )
        for r in run["results"]
    ]
    assert found == [
        (f.rule, "warning" if f.kind == KIND_MANUAL else "note", f.message, "app/client.py",
         "%SRCROOT%", {"startLine": f.line, "startColumn": f.column})
        for f in sorted(results[0].findings + results[0].acknowledged)
    ]  # fmt: skip
    # A marker already in the file is open work too: a warning result, flagged as a marker.
    (marker,) = [r for r in run["results"] if r["properties"].get("marker")]
    assert marker["message"]["text"] == "marked by an earlier run"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_errors_are_tool_execution_notifications(sarif_validator: Any) -> None:
    summary, results = sample_results()
    (invocation,) = json.loads(report("sarif", summary, results))["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert invocation["exitCode"] == 2
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"] == "line 3: syntax error: unexpected EOF"
    location = notification["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "broken.py"
    assert location["region"] == {"startLine": 3}

    clean = json.loads(report("sarif", RunSummary(files_scanned=4), []))
    assert_valid_sarif(sarif_validator, clean)
    (invocation,) = clean["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is True
    assert "toolExecutionNotifications" not in invocation
    assert clean["runs"][0]["results"] == []


def test_sarif_uris_are_relative_encoded_or_absolute(
    sarif_validator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    outside = tmp_path / "elsewhere" / "x.py"
    results = []
    for path in ("./pkg/my file%.py", str(work / "abs.py"), str(outside), "weird/line\n.py"):
        result = FileResult(path, STATUS_CHANGED)
        # Line 0 (unknown) must not produce an invalid region.
        result.findings = [
            Finding("H2L103", KIND_FIX, 0, 0, "m"),
            Finding("H2L103", KIND_FIX, 2, 1, "m"),
        ]
        results.append(result)
    summary = RunSummary()
    for result in results:
        summary.add(result)
    log = build_log(summary, results)
    assert_valid_sarif(sarif_validator, log)
    locations = [r["locations"][0]["physicalLocation"] for r in log["runs"][0]["results"]]
    uris = [location["artifactLocation"] for location in locations]
    assert uris[0] == {"uri": "pkg/my%20file%25.py", "uriBaseId": "%SRCROOT%"}
    assert uris[2] == {"uri": "abs.py", "uriBaseId": "%SRCROOT%"}
    assert uris[4] == {"uri": outside.as_uri()}
    assert uris[6] == {"uri": "weird/line%0A.py", "uriBaseId": "%SRCROOT%"}
    assert "region" not in locations[0]
    assert locations[1]["region"] == {"startLine": 2, "startColumn": 1}


# GitHub workflow commands -----------------------------------------------------------

# GitHub's grammar (docs "Workflow commands for GitHub Actions", and @actions/core's
# command.ts): `::name key=value,key=value::message`, where a property value cannot hold a
# raw `:`, `,`, CR or LF and the message cannot hold CR or LF; `%` starts an escape.
COMMAND = re.compile(r"^::(?P<name>[a-z]+)(?: (?P<props>[^:\r\n]*))?::(?P<message>[^\r\n]*)$")
PROPERTY = re.compile(r"^(?P<key>[a-z]+)=(?P<value>[^,:\r\n]*)$")


def unescape(value: str) -> str:
    assert re.fullmatch(r"(?:[^%]|%25|%0D|%0A|%3A|%2C)*", value), f"stray % in {value!r}"
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: chr(int(m.group(1), 16)), value)


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.match(line)
    assert match is not None, f"not a workflow command: {line!r}"
    properties: dict[str, str] = {}
    for item in (match.group("props") or "").split(","):
        prop = PROPERTY.match(item)
        assert prop is not None, f"bad property {item!r} in {line!r}"
        properties[prop.group("key")] = unescape(prop.group("value"))
    return match.group("name"), properties, unescape(match.group("message"))


def test_github_commands_follow_the_contract() -> None:
    summary, results = sample_results()
    lines = report("github", summary, results).splitlines()
    # Fixes are notices only with --verbose: they would bury the warnings.
    assert lines == [
        "::warning file=app/client.py,line=12,col=5,title=H2L402::read a separate `LIVEAVATAR_API_KEY`",
        "::warning file=app/client.py,line=20,col=1,title=H2L402::marked by an earlier run",
        "::error file=broken.py,line=3::line 3: syntax error: unexpected EOF",
    ]
    verbose = [line for result in results for line in file_commands(result, verbose=True)]
    assert verbose == [
        "::notice file=app/client.py,line=3,col=8,title=H2L401::"
        "`https://api.heygen.com` becomes `https://api.liveavatar.com`",
        "::notice file=app/client.py,line=7,col=34,title=H2L103::`streaming.stop` becomes `sessions/stop`",
        lines[0],
        lines[1],
        lines[2],
    ]
    for line in verbose:
        parse_command(line)


def test_github_skips_created_files() -> None:
    created = FileResult(
        "pkg/liveavatar_bridge.py",
        STATUS_CREATED,
        findings=[Finding("H2L201", KIND_FIX, 1, 1, "adds the helper module")],
    )
    assert file_commands(created, verbose=True) == []


def test_github_escaping_round_trips() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape_data("a:b,c") == "a:b,c"  # `:` and `,` are only special in properties
    path = "dir, with: odd%/name\n.py"
    message = "50% of `x`,\r\nthen: 'y' :: z"
    result = FileResult(
        path, STATUS_CHANGED, findings=[Finding("H2L103", KIND_MANUAL, 4, 2, message)]
    )
    failed = FileResult(path, STATUS_ERROR, error="cannot read:\nno, really")
    summary = RunSummary()
    lines = report("github", summary, [result, failed]).splitlines()
    assert len(lines) == 2
    assert parse_command(lines[0]) == (
        "warning",
        {"file": path, "line": "4", "col": "2", "title": "H2L103"},
        message,
    )
    assert parse_command(lines[1]) == ("error", {"file": path}, "cannot read:\nno, really")


def test_github_paths_are_spelled_as_github_documents_them() -> None:
    result = FileResult(
        "./app/x.py", STATUS_CHANGED, findings=[Finding("H2L103", KIND_FIX, 1, 2, "m")]
    )
    assert file_commands(result, verbose=True) == [
        "::notice file=app/x.py,line=1,col=2,title=H2L103::m"
    ]
    unknown = FileResult("y.py", STATUS_CHANGED, findings=[Finding("H2L103", KIND_FIX, 0, 0, "m")])
    assert file_commands(unknown, verbose=True) == ["::notice file=y.py,title=H2L103::m"]


def test_github_streams_as_files_arrive() -> None:
    out = io.StringIO()
    reporter = make_reporter("github", ReportContext(mode="check", out=out, err=io.StringIO()))
    reporter.file(
        FileResult("a.py", STATUS_CHANGED, findings=[Finding("H2L103", KIND_MANUAL, 1, 1, "m")])
    )
    assert out.getvalue() == "::warning file=a.py,line=1,col=1,title=H2L103::m\n"
    reporter.file(FileResult("b.py"))
    assert out.getvalue().count("\n") == 1


# Markdown ----------------------------------------------------------------------------


def split_row(line: str) -> list[str]:
    """Cells of a GFM table row: outer pipes dropped, `\\|` is not a separator."""
    assert line.startswith("|") and line.endswith("|"), line
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line[1:-1])]


def tables(markdown: str) -> list[list[list[str]]]:
    """Every GFM table (consecutive lines starting with `|`), checked for well-formedness."""
    found: list[list[list[str]]] = []
    block: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            rows = [split_row(row) for row in block]
            header, delimiter, *_body = rows
            assert all(re.fullmatch(r":?-{3,}:?", cell) for cell in delimiter), delimiter
            assert all(len(row) == len(header) for row in rows), rows
            assert all(cell for cell in header)
            found.append(rows)
            block = []
    return found


def test_markdown_comment_has_totals_table_todo_and_errors() -> None:
    summary, results = sample_results()
    text = report("markdown", summary, results)
    assert text.startswith("## ") and text.endswith("\n")
    assert "**1 file would change** · 2 fixes · 1 manual · 1 error · 3 files scanned" in text
    assert "1 open marker (`TODO(heygen2liveavatar)`" in text
    (table,) = tables(text)
    assert table[0] == ["Rule", "Name", "Fixes", "Manual"]
    names = {rule.code: rule.name for rule in ALL_RULES}
    assert table[2:] == [
        ["`H2L103`", names["H2L103"], "1", "0"],
        ["`H2L401`", names["H2L401"], "1", "0"],
        ["`H2L402`", names["H2L402"], "0", "1"],
        ["**Total**", "", "**2**", "**1**"],
    ]
    assert (
        "- [ ] [`app/client.py:12`](app/client.py#L12) `H2L402` read a separate `LIVEAVATAR_API_KEY`"
        in text.splitlines()
    )
    assert "- [`broken.py:3`](broken.py#L3): line 3: syntax error: unexpected EOF" in text
    assert "- [`app/client.py`](app/client.py) (2 fixes, 1 manual)" in text
    # The marker an earlier run left is on the to-do list, after the new item of its file.
    assert (
        "- [ ] [`app/client.py:20`](app/client.py#L20) `H2L402` marked by an earlier run"
        " *(marked in the code)*" in text.splitlines()
    )


def test_markdown_renders_as_a_table_with_links() -> None:
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is not installed")
    summary, results = sample_results()
    html = (
        markdown_it.MarkdownIt("commonmark")
        .enable("table")
        .render(report("markdown", summary, results))
    )
    assert html.count("<table>") == 1
    assert html.count("<tr>") == 2 + len(summary.per_rule)  # header, rules, total
    assert '<a href="app/client.py#L12"><code>app/client.py:12</code></a>' in html


def test_markdown_write_mode_and_nothing_to_do() -> None:
    summary, results = sample_results()
    assert "**1 file changed**" in report("markdown", summary, results, mode="write")
    empty = report("markdown", RunSummary(files_scanned=5), [])
    assert "Nothing to migrate" in empty and "5 files scanned" in empty
    assert tables(empty) == []


def test_markdown_escapes_text_but_keeps_code_spans() -> None:
    assert inline("use `a|b` <b>not</b> @team *x*") == (
        "use `a|b` \\<b\\>not\\</b\\> \\@team \\*x\\*"
    )
    assert inline("unmatched ` tick") == "unmatched \\` tick"
    assert code("a`b") == "``a`b``"
    assert code("`x`") == "`` `x` ``"
    weird = FileResult("odd name/`q`[1].py", STATUS_CHANGED)
    weird.findings = [Finding("H2L103", KIND_MANUAL, 2, 1, "line\nbreak | pipe")]
    summary = RunSummary()
    summary.add(weird)
    text = render(summary, [weird], links=LinkMaker({}))
    item = "- [ ] [``odd name/`q`[1].py:2``](odd%20name/%60q%60%5B1%5D.py#L2) `H2L103` line break \\| pipe"
    assert item in text.splitlines()
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is not installed")
    html = markdown_it.MarkdownIt("commonmark").render(item)
    assert '<a href="odd%20name/%60q%60%5B1%5D.py#L2"><code>odd name/`q`[1].py:2</code></a>' in html
    assert "line break | pipe" in html


def test_markdown_links_point_at_the_commit_in_github_actions(tmp_path: Path) -> None:
    links = LinkMaker(
        {
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_REPOSITORY": "octo/app",
            "GITHUB_SHA": "abc123",
            "GITHUB_WORKSPACE": str(tmp_path),
        }
    )
    assert links.link(str(tmp_path / "src" / "a.py"), 4) == (
        "[`src/a.py:4`](https://github.com/octo/app/blob/abc123/src/a.py#L4)"
    )
    # Outside the checkout there is nothing to link to.
    assert links.link(str(tmp_path.parent / "x.py"), 1) == f"`{tmp_path.parent / 'x.py'}:1`"


def test_markdown_lists_are_capped() -> None:
    many = FileResult("big.py", STATUS_CHANGED)
    many.findings = [Finding("H2L103", KIND_MANUAL, i, 1, "m") for i in range(1, MAX_ITEMS + 11)]
    summary = RunSummary()
    summary.add(many)
    text = render(summary, [many], links=LinkMaker({}))
    assert text.count("- [ ] ") == MAX_ITEMS
    assert "… and 10 more" in text


# Standard output carries only the document -------------------------------------------


@pytest.fixture
def heygen_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "app.py").write_text(HEYGEN_STOP, encoding="utf-8")
    (tmp_path / "broken.py").write_text("import heygen\nx = (\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def parse_document(fmt: str, text: str) -> None:
    """Fails unless ``text`` is exactly one document of format ``fmt``."""
    if fmt in ("json", "sarif"):
        json.loads(text)
    elif fmt == "github":
        assert text.endswith("\n") or not text  # no annotation at all: fixes need --verbose
        for line in text.splitlines():
            parse_command(line)
    else:
        assert text.startswith("## ")
        tables(text)
    assert "--- a/" not in text and "+++ b/" not in text


@pytest.mark.parametrize("mode", ["diff", "check", "write"])
@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
def test_machine_formats_keep_stdout_for_the_document(
    heygen_project: Path, fmt: str, mode: str, sarif_validator: Any
) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run_migrate(
        MigrateRequest(paths=["."], mode=mode, output_format=fmt, jobs=1), out=out, err=err
    )
    assert code == 2  # broken.py cannot be parsed; app.py is still migrated
    parse_document(fmt, out.getvalue())
    # app.py has fixes only, which GitHub annotates only with --verbose.
    assert ("app.py" in out.getvalue() or fmt == "github") and "broken.py" in out.getvalue()
    if mode == "diff":
        assert "--- a/app.py\n+++ b/app.py\n" in err.getvalue()
    if fmt == "sarif":
        assert_valid_sarif(sarif_validator, json.loads(out.getvalue()))
    changed = (heygen_project / "app.py").read_text(encoding="utf-8") != HEYGEN_STOP
    assert changed == (mode == "write")


@pytest.mark.parametrize("fmt", ["sarif", "markdown"])
def test_command_line_stdout_is_only_the_document(heygen_project: Path, fmt: str) -> None:
    """Through the real entry point and real file descriptors (progress, warnings...)."""
    process = subprocess.run(
        [sys.executable, "-m", "heygen2liveavatar", "migrate", "--diff", "--format", fmt, "."],
        cwd=heygen_project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "default", "NO_COLOR": "1"},
    )
    assert process.returncode == 2, process.stderr
    parse_document(fmt, process.stdout)
    assert "+++ b/app.py" in process.stderr


@pytest.mark.parametrize("fmt", MACHINE_FORMATS)
def test_stdin_diff_keeps_stdout_for_the_document(fmt: str, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(HEYGEN_STOP.encode()), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        # `--stdin-filename app.py` names a file of the working directory's project: a project
        # of its own here, not this repository (whose facts the run would read).
        patch.chdir(tmp_path)
        patch.setattr(sys, "stdin", stdin)
        request = MigrateRequest(
            paths=["-"], mode="diff", output_format=fmt, stdin_filename="app.py", jobs=1
        )
        code = run_migrate(request, out=out, err=err)
    assert code == 1
    parse_document(fmt, out.getvalue())
    assert "app.py" in out.getvalue() or fmt == "github"  # fixes only: notices need --verbose
    assert "+++ b/app.py" in err.getvalue()


# The example workflow ------------------------------------------------------------------


def test_example_workflow_uses_real_options() -> None:
    yaml = pytest.importorskip("yaml", reason="PyYAML is not installed")
    from heygen2liveavatar.cli.main import FORMAT_CHOICES

    workflow = yaml.safe_load(
        (REPO_ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8")
    )
    steps = [step for job in workflow["jobs"].values() for step in job["steps"]]
    commands = [
        line.strip()
        for step in steps
        for line in str(step.get("run", "")).splitlines()
        if "heygen2liveavatar migrate" in line
    ]
    formats = {re.search(r"--format (\w+)", command).group(1) for command in commands}  # type: ignore[union-attr]
    assert formats == {"github", "sarif", "markdown"} and formats <= set(FORMAT_CHOICES)
    assert all("--check" in command for command in commands)


def test_display_path_of_plain_relative_paths_is_what_relative_posix_makes_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``display_path`` answers a relative path in normal form without asking for the working
    directory; every spelling comes out as the full computation spells it."""
    from heygen2liveavatar.reports.locations import display_path, relative_posix

    monkeypatch.chdir(tmp_path)
    for path in (
        "app.py",
        "./app.py",
        "././src/app.py",
        "src/pkg/app.py",
        "src/./app.py",
        "src/../app.py",
        "../outside.py",
        "src//app.py",
        "src/",
        ".",
        "..",
        "...py",
        ".hidden/app.py",
        str(tmp_path / "src" / "app.py"),
        "/elsewhere/app.py",
    ):
        relative = relative_posix(path)
        expected = relative if relative not in (None, ".") else path
        while expected.startswith("./"):
            expected = expected[2:]
        assert display_path(path) == expected, path
        assert os.getcwd() == str(tmp_path)
