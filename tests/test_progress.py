"""The progress bar (only on a terminal, never with --quiet) and the per-rule summary table."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import IO

import pytest

from heygen2liveavatar.cli import progress
from heygen2liveavatar.cli.progress import ProgressBar
from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
from heygen2liveavatar.engine.discovery import discover
from heygen2liveavatar.engine.runner import MODE_CHECK, RunOptions, run

STOP = (
    "import requests\n\n\ndef stop(session_id):\n"
    '    requests.post("https://api.heygen.com/v1/streaming.stop", json={"session_id": session_id})\n'
)


class Terminal(io.StringIO):
    """A captured stream that says it is a terminal (it has no file descriptor)."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for index in range(3):
        (tmp_path / f"stop_{index}.py").write_text(STOP, encoding="utf-8")
    for index in range(5):
        (tmp_path / f"plain_{index}.py").write_text(f"x = {index}\n", encoding="utf-8")
    return tmp_path


def test_silent_unless_standard_error_is_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TERM", raising=False)
    assert ProgressBar.maybe(io.StringIO(), io.StringIO(), quiet=False) is None
    assert ProgressBar.maybe(io.StringIO(), Terminal(), quiet=True) is None
    assert ProgressBar.maybe(io.StringIO(), Terminal(), quiet=False) is not None
    monkeypatch.setenv("TERM", "dumb")
    assert ProgressBar.maybe(io.StringIO(), Terminal(), quiet=False) is None


def test_runner_reports_both_phases(tree: Path) -> None:
    scanned: list[int] = []
    migrated: list[tuple[int, int]] = []
    results = list(
        run(
            discover([str(tree)]),
            RunOptions(mode=MODE_CHECK),
            on_scanned=scanned.append,
            on_migrated=lambda done, total: migrated.append((done, total)),
        )
    )
    assert len(results) == 8
    assert scanned == list(range(1, 9))
    assert migrated == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_bar_draws_on_standard_error_and_keeps_report_lines_whole(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    monkeypatch.setattr(progress, "REFRESH_EVERY", 0.0)
    monkeypatch.delenv("TERM", raising=False)
    out, err = io.StringIO(), Terminal()
    code = run_migrate(MigrateRequest(paths=[str(tree)], mode="check", jobs=1), out=out, err=err)
    assert code == 1
    drawn = err.getvalue()
    assert "scanning" in drawn and "migrating" in drawn and "files/s" in drawn
    assert "3/3" in drawn and "8/8" in drawn
    # Standard output is not the bar's terminal here: the report is untouched by it.
    assert "\x1b" not in out.getvalue()
    assert out.getvalue().count("would change") == 4  # three files and the totals line


def test_lines_written_while_the_bar_shows_go_above_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    monkeypatch.delenv("TERM", raising=False)
    err = Terminal()
    bar = ProgressBar(io.StringIO(), err)
    routed: IO[str] = bar.wrap(err)
    routed.write("before the bar\n")
    bar.scanned(1)
    assert bar.live is not None
    routed.write("error: a.py: ")
    routed.write("broken\npartial")
    bar.close()
    assert bar.live is None
    routed.write(" and after\n")
    text = err.getvalue()
    assert text.startswith("before the bar\n")
    assert "error: a.py: broken" in text
    assert text.endswith("partial and after\n")


def test_quiet_and_redirected_runs_print_no_bar(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "SHOW_AFTER", 0.0)
    out, err = io.StringIO(), Terminal()
    run_migrate(MigrateRequest(paths=[str(tree)], mode="check", jobs=1, quiet=True), out, err)
    assert err.getvalue() == ""
    out, err = io.StringIO(), io.StringIO()
    run_migrate(MigrateRequest(paths=[str(tree)], mode="check", jobs=1), out, err)
    assert err.getvalue() == ""


def test_checking_one_file_does_not_import_rich(tmp_path: Path) -> None:
    target = tmp_path / "stop.py"
    target.write_text(STOP, encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import io, sys
        from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
        code = run_migrate(MigrateRequest(paths=[{str(target)!r}], mode="check"), io.StringIO(), io.StringIO())
        print(code, "rich" in sys.modules)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["1", "False"]


def test_summary_table_per_rule_in_text_mode_only(tree: Path) -> None:
    from collections import Counter

    from heygen2liveavatar.rules import RULES_BY_CODE

    out = io.StringIO()
    request = MigrateRequest(paths=[str(tree)], mode="check", jobs=1, output_format="json")
    run_migrate(request, out, io.StringIO())
    report = json.loads(out.getvalue())
    counts = Counter((f["rule"], f["kind"]) for e in report["files"] for f in e["findings"])

    out = io.StringIO()
    run_migrate(MigrateRequest(paths=[str(tree)], mode="check", jobs=1), out, io.StringIO())
    lines = out.getvalue().splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("rule "))
    rows = lines[header + 1 : -1]
    codes = sorted({rule for rule, _ in counts})
    assert [row.split() for row in rows] == [
        [code, RULES_BY_CODE[code].name, str(counts[code, "fix"]), str(counts[code, "manual"])]
        for code in codes
    ]
    # The columns line up: every row is as wide as the header.
    assert {len(row) for row in rows} == {len(lines[header])}
    assert lines[-1].startswith(f"3 files would change, {report['summary']['fixes']} fixes")

    out = io.StringIO()
    run_migrate(
        MigrateRequest(paths=[str(tree)], mode="check", jobs=1, quiet=True), out, io.StringIO()
    )
    assert "rule" not in out.getvalue()
