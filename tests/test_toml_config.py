"""TOML config files read with ``tomllib`` whose HeyGen streaming settings the project's code
uses (H2L401, H2L402).

The e2e case ``a24_toml_settings_queue_wait_for_worker`` runs such a project, and the golden
project ``tests/fixtures_projects/toml_config_base_url`` pins its output; these tests pin down
what is and is not touched, as ``test_ini_config.py`` does for INI: only one-line string
values of keys that code parsing TOML reads, only a HeyGen API base or key variable, every
other byte (comments, spacing, other tables) kept; nothing when the project also calls HeyGen's
other APIs (reported instead), nothing in TOML files no code reads, and ``pyproject.toml``
stays a manifest.
"""

from __future__ import annotations

from pathlib import Path

from config_reports import files_by_name

from heygen2liveavatar.analysis.json_config import with_values
from heygen2liveavatar.analysis.toml_config import heygen_toml_values

_LOADER = """\
import os
import tomllib

import requests

with open("settings.toml", "rb") as fh:
    cfg = tomllib.load(fh)


def stop(session_id):
    base = cfg["heygen"]["base_url"]
    key = os.environ[cfg["heygen"].get("api_key_env", "HEYGEN_API_KEY")]
    requests.post(f"{base}/streaming.stop", json={"session_id": session_id}, headers={"X-Api-Key": key})
"""

_CONFIG = """\
# HeyGen settings
[heygen]
base_url   =   "https://api.heygen.com/v1"  # prod
api_key_env='HEYGEN_API_KEY'
mirror_base = "https://api.heygen.com/v1"

[other]
endpoint = "https://api.example.com"
"""


def test_values_of_keys_the_code_reads_change_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    (tmp_path / "settings.toml").write_text(_CONFIG, encoding="utf-8")
    (tmp_path / "unread.toml").write_text('[x]\nendpoint = "https://api.heygen.com/v1"\n')
    files = files_by_name(tmp_path)
    assert files["settings.toml"]["status"] == "changed"
    assert [(f["rule"], f["kind"], f["line"]) for f in files["settings.toml"]["findings"]] == [
        ("H2L401", "fix", 3),
        ("H2L402", "fix", 4),
    ]
    # Byte for byte: comments and odd spacing kept; `mirror_base` is not read by the code.
    assert (tmp_path / "settings.toml").read_text(encoding="utf-8") == _CONFIG.replace(
        "https://api.heygen.com/v1\"  # prod\napi_key_env='HEYGEN_API_KEY'",
        "https://api.liveavatar.com/v1\"  # prod\napi_key_env='LIVEAVATAR_API_KEY'",
    )
    assert "unread.toml" not in files
    assert (tmp_path / "unread.toml").read_text() == '[x]\nendpoint = "https://api.heygen.com/v1"\n'
    again = files_by_name(tmp_path)
    assert "settings.toml" not in again


def test_check_mode_reports_without_writing(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    (tmp_path / "settings.toml").write_text(_CONFIG, encoding="utf-8")
    files = files_by_name(tmp_path, mode="check")
    assert files["settings.toml"]["status"] == "changed"
    assert (tmp_path / "settings.toml").read_text(encoding="utf-8") == _CONFIG


def test_a_project_calling_heygen_video_too_gets_findings_not_changes(tmp_path: Path) -> None:
    video = _LOADER + (
        "\n\ndef render(body):\n"
        '    base = cfg["heygen"]["base_url"]\n'
        '    return requests.post(f"{base}/v2/video/generate", json=body)\n'
    )
    (tmp_path / "client.py").write_text(video, encoding="utf-8")
    (tmp_path / "settings.toml").write_text(_CONFIG, encoding="utf-8")
    files = files_by_name(tmp_path)
    findings = files["settings.toml"]["findings"]
    assert {f["kind"] for f in findings} == {"manual"}
    assert "other APIs" in findings[0]["message"]
    assert (tmp_path / "settings.toml").read_text(encoding="utf-8") == _CONFIG


def test_code_not_parsing_toml_leaves_toml_files_alone(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(
        _LOADER.replace("import tomllib\n", "").replace("tomllib.load(fh)", "eval(fh.read())"),
        encoding="utf-8",
    )
    (tmp_path / "settings.toml").write_text(_CONFIG, encoding="utf-8")
    assert "settings.toml" not in files_by_name(tmp_path)
    assert (tmp_path / "settings.toml").read_text(encoding="utf-8") == _CONFIG


def test_values_tomllib_reads_otherwise_are_not_guessed() -> None:
    keys = frozenset({"base_url"})
    # A multi-line string holding a line that looks like a pair: the text and its parse
    # disagree, nothing is certain.
    multi = '[a]\nbase_url = "https://api.heygen.com"\nnotes = """\nbase_url = "https://api.heygen.com"\n"""\n'
    assert heygen_toml_values(multi, keys) == []
    # An inline table or an escaped value: not found line by line.
    assert heygen_toml_values('a = { base_url = "https://api.heygen.com" }\n', keys) == []
    assert heygen_toml_values('[a]\nbase_url = "https://api.heygen.com\\u002f"\n', keys) == []
    # Not TOML (a key given twice).
    twice = '[a]\nbase_url = "https://api.heygen.com"\nbase_url = "https://api.heygen.com"\n'
    assert heygen_toml_values(twice, keys) == []
    # A dotted or quoted key names its last part; literal strings are values too.
    text = 'heygen.base_url = \'https://api.heygen.com\'\n[b]\n"base_url" = "https://api.heygen.com/v1"\n'
    values = heygen_toml_values(text, keys)
    assert with_values(text, values) == text.replace("api.heygen.com", "api.liveavatar.com")


def test_a_partial_run_without_the_config_holds_the_file_that_reads_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "demo"\n', encoding="utf-8")
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    (tmp_path / "settings.toml").write_text(_CONFIG, encoding="utf-8")
    files = files_by_name(tmp_path, paths=[str(tmp_path / "client.py")])
    entry = files["client.py"]
    assert entry["status"] == "unchanged"
    assert "settings.toml" in entry["findings"][0]["message"]
    assert (tmp_path / "client.py").read_text(encoding="utf-8") == _LOADER
    whole = files_by_name(tmp_path)
    assert whole["client.py"]["status"] == whole["settings.toml"]["status"] == "changed"


def test_pyproject_toml_stays_a_manifest(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    pyproject = (
        '[project]\nname = "demo"\n\n[tool.heygen]\nbase_url = "https://api.heygen.com/v1"\n'
    )
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    files_by_name(tmp_path)
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == pyproject
