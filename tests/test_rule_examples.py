"""Every rule's documented example is true.

Each example is written to a file and migrated by ``heygen2liveavatar migrate`` with *all*
rules, as a user would run it, in the form the docs show (``strip()`` + one newline):

- a Python rule's ``example_before`` becomes ``example_after``, both parse, the rule reports
  something on it, and a second run leaves ``example_after`` alone;
- a report-only rule for other files (``example_path``: JavaScript, ``package.json``,
  ``.env``, a notebook cell) leaves its example unchanged and reports on it.

New rules are picked up from the registry.
"""

from __future__ import annotations

import ast
import io
import json
from pathlib import Path
from typing import Any

import pytest

from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
from heygen2liveavatar.rules import ALL_RULES
from heygen2liveavatar.rules.base import RuleClass


def shown(example: str) -> str:
    return example.strip() + "\n"


def example_path(rule: RuleClass) -> str:
    """Where the example lives: rules for other files name it (``example_path``)."""
    return str(getattr(rule, "example_path", "") or f"{rule.code.lower()}_example.py")


def migrate_file(path: Path) -> dict[str, Any]:
    """Run ``migrate`` (write mode, every rule) on one file; its entry of the JSON report."""
    out, err = io.StringIO(), io.StringIO()
    run_migrate(
        MigrateRequest(paths=[str(path)], mode="write", output_format="json", jobs=1),
        out=out,
        err=err,
    )
    files = json.loads(out.getvalue())["files"]
    entries = [entry for entry in files if Path(entry["path"]).name == path.name]
    if not entries:
        return {"status": "unchanged", "findings": [], "error": None}
    (entry,) = entries
    assert entry["error"] is None, f"{path.name}: {entry['error']}"
    return dict(entry)


def notebook(cell: str) -> str:
    """A minimal nbformat-4 notebook whose only code cell is ``cell``."""
    return json.dumps(
        {
            "cells": [
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "metadata": {},
                    "outputs": [],
                    "source": cell.splitlines(keepends=True),
                }
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        },
        indent=1,
    )


@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.code for rule in ALL_RULES])
def test_documented_example(rule: RuleClass, tmp_path: Path) -> None:
    before, after = shown(rule.example_before), shown(rule.example_after)
    name = example_path(rule)
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)

    if name.endswith(".py"):
        ast.parse(before, f"{rule.code} example_before")
        ast.parse(after, f"{rule.code} example_after")
        assert before != after, "the example shows no change"
        target.write_text(before, encoding="utf-8")
        entry = migrate_file(target)
        assert target.read_text(encoding="utf-8") == after
        assert rule.code in {f["rule"] for f in entry["findings"]}, (
            f"{rule.code} reports nothing on its own example"
        )
        # The documented output is a fixed point: a second run leaves it alone.
        again = migrate_file(target)
        assert again["status"] == "unchanged"
        assert target.read_text(encoding="utf-8") == after
        return

    # Report-only rules for other files: the example is shown with what gets reported.
    assert before == after, "a report-only rule's example cannot change"
    if name.endswith(".ipynb"):
        pytest.importorskip(
            "heygen2liveavatar.engine.notebook", reason="notebook processor not available yet"
        )
        content = notebook(before)
    else:
        content = before
    if name.endswith(".json"):
        json.loads(content)
    target.write_text(content, encoding="utf-8")
    entry = migrate_file(target)
    assert rule.code in {f["rule"] for f in entry["findings"]}, (
        f"{rule.code} reports nothing on its own example"
    )
    assert target.read_text(encoding="utf-8") == content
