"""Any rule selection leaves every URL whole: fully migrated, or HeyGen's as it was (issue 13).

``--select H2L401`` alone used to produce ``https://api.liveavatar.com/v1/streaming/...``, a URL
that exists on neither API; ``--select H2L103`` alone a LiveAvatar path on HeyGen's host.
"""

from __future__ import annotations

import re

import pytest

from heygen2liveavatar import migrate_source

SOURCE = """import requests

BASE = "https://api.heygen.com/v1"


def kb_list(key):
    return requests.get(f"{BASE}/streaming/knowledge_base/list", headers={"x-api-key": key}).json()


def stop(session_id, key):
    requests.post(f"{BASE}/streaming.stop", headers={"x-api-key": key}, json={"session_id": session_id})


def keep_alive(session_id, key):
    requests.post("https://api.heygen.com/v1/streaming.keep_alive", json={"session_id": session_id})
"""
_HEYGEN_PATH = re.compile(r"streaming[./]")


def _half_urls(code: str) -> list[str]:
    """Lines mixing LiveAvatar's host with HeyGen paths or the reverse."""
    lines = code.splitlines()
    half = [line for line in lines if "liveavatar.com" in line and _HEYGEN_PATH.search(line)]
    half += [line for line in lines if "api.heygen.com" in line and "/sessions/" in line]
    return half


@pytest.mark.parametrize(
    "select",
    [["H2L401"], ["H2L303"], ["H2L103"], ["H2L104"], ["H2L401", "H2L103"], ["H2L401", "H2L104"]],
)
def test_selection_never_builds_half_urls(select: list[str]) -> None:
    result = migrate_source(SOURCE, filename="client.py", select=select)
    assert _half_urls(result.code) == []
    base_migrated = 'BASE = "https://api.liveavatar.com/v1"' in result.code
    if base_migrated:  # then every path built on it is LiveAvatar's
        assert "streaming" not in result.code


def test_selection_migrates_what_it_can_whole() -> None:
    result = migrate_source(SOURCE, filename="client.py", select=["H2L401", "H2L104"])
    assert "https://api.liveavatar.com/v1/sessions/keep-alive" in result.code
    assert 'BASE = "https://api.heygen.com/v1"' in result.code  # shared with unselected paths
    assert "reason" not in result.code  # H2L103 did not run


def test_all_rules_migrate_everything() -> None:
    result = migrate_source(SOURCE, filename="client.py")
    assert "api.heygen.com" not in result.code and "streaming" not in result.code
