"""INI config files read with ``configparser`` whose HeyGen streaming settings the project's
code uses (H2L401, H2L402).

The e2e case ``n_ini_base_url_config`` runs such a project, and the golden project
``tests/fixtures_projects/ini_config_base_url`` pins its output; these tests pin down what is
and is not touched, as ``test_json_config.py`` does for JSON: only values of options that code
reading a config parser reads, only a HeyGen API base or key variable, every other byte
(comments, spacing, other sections) kept; nothing when the project also calls HeyGen's other
APIs (reported instead), nothing in INI files no code reads that way.
"""

from __future__ import annotations

from pathlib import Path

from config_reports import files_by_name

from heygen2liveavatar.analysis.ini_config import heygen_ini_values
from heygen2liveavatar.analysis.json_config import with_values

_LOADER = """\
import configparser
import os

import requests

cfg = configparser.ConfigParser()
cfg.read("settings.ini")


def stop(session_id):
    base = cfg.get("heygen", "base_url")
    key = os.environ[cfg["heygen"]["api_key_env"]]
    requests.post(f"{base}/streaming.stop", json={"session_id": session_id}, headers={"X-Api-Key": key})
"""

_CONFIG = """\
# HeyGen settings
[heygen]
base_url   =   https://api.heygen.com/v1
API_KEY_ENV: HEYGEN_API_KEY
mirror_base = https://api.heygen.com/v1

[other]
; another service
endpoint = https://api.example.com
"""


def test_values_of_options_the_code_reads_change_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    (tmp_path / "settings.ini").write_text(_CONFIG, encoding="utf-8")
    (tmp_path / "unread.cfg").write_text("[x]\nendpoint = https://api.heygen.com/v1\n")
    files = files_by_name(tmp_path)
    assert files["settings.ini"]["status"] == "changed"
    assert [(f["rule"], f["kind"], f["line"]) for f in files["settings.ini"]["findings"]] == [
        ("H2L401", "fix", 3),
        ("H2L402", "fix", 4),
    ]
    # Byte for byte: comments and odd spacing kept; `mirror_base` is not read by the code.
    assert (tmp_path / "settings.ini").read_text(encoding="utf-8") == _CONFIG.replace(
        "https://api.heygen.com/v1\nAPI_KEY_ENV: HEYGEN_API_KEY",
        "https://api.liveavatar.com/v1\nAPI_KEY_ENV: LIVEAVATAR_API_KEY",
    )
    assert "unread.cfg" not in files
    assert (tmp_path / "unread.cfg").read_text() == "[x]\nendpoint = https://api.heygen.com/v1\n"
    again = files_by_name(tmp_path)
    assert "settings.ini" not in again


def test_check_mode_reports_without_writing(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    (tmp_path / "settings.ini").write_text(_CONFIG, encoding="utf-8")
    files = files_by_name(tmp_path, mode="check")
    assert files["settings.ini"]["status"] == "changed"
    assert (tmp_path / "settings.ini").read_text(encoding="utf-8") == _CONFIG


def test_a_project_calling_heygen_video_too_gets_findings_not_changes(tmp_path: Path) -> None:
    video = _LOADER + (
        "\n\ndef render(body):\n"
        '    base = cfg.get("heygen", "base_url")\n'
        '    return requests.post(f"{base}/v2/video/generate", json=body)\n'
    )
    (tmp_path / "client.py").write_text(video, encoding="utf-8")
    (tmp_path / "settings.ini").write_text(_CONFIG, encoding="utf-8")
    files = files_by_name(tmp_path)
    findings = files["settings.ini"]["findings"]
    assert {f["kind"] for f in findings} == {"manual"}
    assert "other APIs" in findings[0]["message"]
    assert (tmp_path / "settings.ini").read_text(encoding="utf-8") == _CONFIG


def test_a_project_without_streaming_calls_leaves_its_ini_alone(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(
        "import configparser\n\ncfg = configparser.ConfigParser()\ncfg.read('settings.ini')\n"
        "BASE = cfg['heygen']['base_url']\n",
        encoding="utf-8",
    )
    (tmp_path / "settings.ini").write_text(_CONFIG, encoding="utf-8")
    assert "settings.ini" not in files_by_name(tmp_path)
    assert (tmp_path / "settings.ini").read_text(encoding="utf-8") == _CONFIG


def test_values_configparser_reads_otherwise_are_not_guessed() -> None:
    keys = frozenset({"base_url"})
    # An inline comment is part of the value for configparser: not a bare base.
    assert heygen_ini_values("[a]\nbase_url = https://api.heygen.com ; prod\n", keys) == []
    # A continuation line makes the value longer than the line.
    assert heygen_ini_values("[a]\nbase_url = https://api.heygen.com\n  /v1\n", keys) == []
    # An option given twice, or no section header: configparser refuses the file.
    twice = "[a]\nbase_url = https://api.heygen.com\nbase_url = https://api.heygen.com\n"
    assert heygen_ini_values(twice, keys) == []
    assert heygen_ini_values("base_url = https://api.heygen.com\n", keys) == []
    # [DEFAULT] is a section like the others: its value is found once.
    text = "[DEFAULT]\nbase_url=https://api.heygen.com\n\n[a]\nx = 1\n"
    values = heygen_ini_values(text, keys)
    assert with_values(text, values) == text.replace("api.heygen.com", "api.liveavatar.com")


def test_a_partial_run_without_the_config_holds_the_file_that_reads_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "demo"\n', encoding="utf-8")
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    (tmp_path / "settings.ini").write_text(_CONFIG, encoding="utf-8")
    files = files_by_name(tmp_path, paths=[str(tmp_path / "client.py")])
    entry = files["client.py"]
    assert entry["status"] == "unchanged"
    assert "settings.ini" in entry["findings"][0]["message"]
    assert (tmp_path / "client.py").read_text(encoding="utf-8") == _LOADER
    whole = files_by_name(tmp_path)
    assert whole["client.py"]["status"] == whole["settings.ini"]["status"] == "changed"


def test_setup_cfg_stays_a_manifest(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    setup = "[metadata]\nname = demo\n\n[heygen]\nbase_url = https://api.heygen.com/v1\n"
    (tmp_path / "setup.cfg").write_text(setup, encoding="utf-8")
    files_by_name(tmp_path)
    assert (tmp_path / "setup.cfg").read_text(encoding="utf-8") == setup
