"""A URL constant whose every use became an event is deleted, unless another file of the run
imports it or reads it as an attribute (then it is marked, as the rule did before)."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner

from heygen2liveavatar.cli.main import main

URLS = """import requests

TASK_URL = "https://api.heygen.com/v1/streaming.task"


def say(session_id, text, headers):
    requests.post(TASK_URL, headers=headers, json={"session_id": session_id, "text": text})
"""


def _migrate(root: Path) -> None:
    old = os.getcwd()
    os.chdir(root)
    try:
        CliRunner().invoke(main, ["migrate", "--jobs", "1", "."], catch_exceptions=False)
    finally:
        os.chdir(old)


def test_dead_constant_is_deleted(tmp_path: Path) -> None:
    (tmp_path / "urls.py").write_text(URLS)
    _migrate(tmp_path)
    migrated = (tmp_path / "urls.py").read_text()
    assert "TASK_URL" not in migrated
    assert "liveavatar_bridge.emit(" in migrated


def test_constant_imported_elsewhere_is_kept_and_marked(tmp_path: Path) -> None:
    (tmp_path / "urls.py").write_text(URLS)
    (tmp_path / "other.py").write_text("from urls import TASK_URL\n\nprint(TASK_URL)\n")
    _migrate(tmp_path)
    migrated = (tmp_path / "urls.py").read_text()
    assert 'TASK_URL = "https://api.heygen.com/v1/streaming.task"' in migrated
    assert "# TODO(heygen2liveavatar): H2L201" in migrated
    assert (tmp_path / "other.py").read_text() == "from urls import TASK_URL\n\nprint(TASK_URL)\n"
