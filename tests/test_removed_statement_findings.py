"""Reports list what is true of the output: a fix reported on a statement a rule then deleted
(or on a statement another rule had deleted) is not listed; the deletion itself is."""

from __future__ import annotations

from heygen2liveavatar import migrate_source

CONSTANT = """import os

import requests

START_URL = "https://api.heygen.com/v1/streaming.start"
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def open_session(avatar_id):
    r = requests.post("https://api.heygen.com/v1/streaming.new", json={"avatar_id": avatar_id}, headers=HEADERS)
    data = r.json()["data"]
    requests.post(START_URL, json={"session_id": data["session_id"]}, headers=HEADERS)
    return data
"""

START = """import os

import requests

BASE = "https://api.heygen.com/v1"
HEADERS = {"x-api-key": os.environ["HEYGEN_API_KEY"]}


def open_session(avatar_id):
    r = requests.post(f"{BASE}/streaming.new", json={"avatar_id": avatar_id}, headers=HEADERS)
    data = r.json()["data"]
    s = requests.post(f"{BASE}/streaming.start", json={"session_id": data["session_id"]}, headers=HEADERS)
    if s.status_code != 200:
        raise RuntimeError("start failed")
    return data
"""


def test_deleted_constant_reports_its_deletion_only() -> None:
    result = migrate_source(CONSTANT, filename="app.py")
    assert "START_URL" not in result.code
    on_constant = [f.message for f in result.findings if f.line == 5]
    assert on_constant == ["`START_URL` is deleted: every call that used it was migrated"]


def test_removed_start_reports_its_removal_not_its_rewrites() -> None:
    result = migrate_source(START, filename="app.py")
    assert "streaming.start" not in result.code and "sessions/start" not in result.code
    on_start = [(f.rule, f.message) for f in result.findings if f.line in (12, 13)]
    assert on_start, "the removal of the start call is reported"
    assert all(message.startswith("removes the start call") for _rule, message in on_start)
