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


SESSIONS = """import os
from urllib.parse import urljoin

import requests

BASE = "https://api.heygen.com/v1/"
NEW_URL = BASE + "streaming.new"
START_URL = urljoin(BASE, "streaming.start")
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def open_session(avatar_id):
    response = requests.post(NEW_URL, headers=HEADERS, json={"avatar_id": avatar_id})
    data = response.json()["data"]
    requests.post(START_URL, headers=HEADERS, json={"session_id": data["session_id"]})
    return data["url"], data["access_token"]
"""


def test_start_constant_of_a_retired_start_call_is_deleted(tmp_path: Path) -> None:
    """The start call goes (the token call starts the session): its URL constant and the
    import only it used go too, in a project run (the project's facts are read)."""
    (tmp_path / "sessions.py").write_text(SESSIONS)
    _migrate(tmp_path)
    migrated = (tmp_path / "sessions.py").read_text()
    assert "START_URL" not in migrated
    assert "urljoin" not in migrated
    assert 'BASE = "https://api.liveavatar.com/v1/"' in migrated


def test_start_constant_imported_elsewhere_is_kept(tmp_path: Path) -> None:
    (tmp_path / "sessions.py").write_text(SESSIONS)
    (tmp_path / "probe.py").write_text("from sessions import START_URL\n\nprint(START_URL)\n")
    _migrate(tmp_path)
    migrated = (tmp_path / "sessions.py").read_text()
    assert 'START_URL = urljoin(BASE, "sessions/start")' in migrated
    assert "from urllib.parse import urljoin" in migrated
    assert "requests.post(START_URL" not in migrated


def test_names_after_an_unparenthesised_import_are_not_imported() -> None:
    """``from a import b`` reads one line; a parenthesised import reads up to its ``)``."""
    from heygen2liveavatar.engine.project_facts import imported_name_bytes

    names = imported_name_bytes(
        b"from a import b\n\nSTART = f(1)\nfrom c import (\n    d,  # e\n    g,\n)\n"
    )
    assert {b"b", b"d", b"g"} <= names
    assert b"START" not in names
