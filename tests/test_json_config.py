"""JSON config files whose HeyGen streaming settings the project's code loads (H2L401, H2L402).

The e2e case ``g_json_config_match_responses`` runs such a project; these tests pin down what
is and is not touched: only values under keys that code parsing JSON reads, only a HeyGen API
base or key variable, every other byte kept; nothing when the project also calls HeyGen's
other APIs (reported instead), nothing in JSON files no code reads that way.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

from config_reports import files_by_name

from heygen2liveavatar.analysis.json_config import heygen_config_values, with_values
from heygen2liveavatar.cli.run import MigrateRequest, run_migrate

_LOADER = """\
import json
import os

import requests


def load(path):
    raw = json.loads(open(path, encoding="utf-8").read())
    return raw["api_base"], os.environ[raw.get("api_key_env", "X")]


def stop(path, session_id):
    base, key = load(path)
    requests.post(f"{base}/streaming.stop", json={"session_id": session_id}, headers={"X-Api-Key": key})
"""

_CONFIG = """{
  "api_base":   "https://api.heygen.com/v1",
  "api_key_env": "HEYGEN_API_KEY",
  "mirror_base": "https://api.heygen.com/v1",
  "other": {"api_base": "https://api.example.com"}
}
"""


def test_values_under_keys_the_code_reads_change_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    (tmp_path / "settings.json").write_text(_CONFIG, encoding="utf-8")
    (tmp_path / "unread.json").write_text('{"endpoint": "https://api.heygen.com/v1"}\n')
    files = files_by_name(tmp_path)
    assert files["settings.json"]["status"] == "changed"
    assert [(f["rule"], f["kind"], f["line"]) for f in files["settings.json"]["findings"]] == [
        ("H2L401", "fix", 2),
        ("H2L402", "fix", 3),
    ]
    # Byte for byte: the odd spacing is kept; `mirror_base` is not a key the code reads.
    assert (tmp_path / "settings.json").read_text(encoding="utf-8") == _CONFIG.replace(
        '"https://api.heygen.com/v1",\n  "api_key_env": "HEYGEN_API_KEY"',
        '"https://api.liveavatar.com/v1",\n  "api_key_env": "LIVEAVATAR_API_KEY"',
    )
    assert "unread.json" not in files
    assert (tmp_path / "unread.json").read_text() == '{"endpoint": "https://api.heygen.com/v1"}\n'
    # A second run changes nothing.
    again = files_by_name(tmp_path)
    assert "settings.json" not in again


def test_check_mode_reports_without_writing(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    (tmp_path / "settings.json").write_text(_CONFIG, encoding="utf-8")
    files = files_by_name(tmp_path, mode="check")
    assert files["settings.json"]["status"] == "changed"
    assert (tmp_path / "settings.json").read_text(encoding="utf-8") == _CONFIG


def test_a_project_calling_heygen_video_too_gets_findings_not_changes(tmp_path: Path) -> None:
    video = _LOADER + (
        "\n\ndef render(path, body):\n"
        "    base, key = load(path)\n"
        '    return requests.post(f"{base}/v2/video/generate", json=body, headers={"X-Api-Key": key})\n'
    )
    (tmp_path / "client.py").write_text(video, encoding="utf-8")
    (tmp_path / "settings.json").write_text(_CONFIG, encoding="utf-8")
    files = files_by_name(tmp_path)
    assert {f["kind"] for f in files["settings.json"]["findings"]} == {"manual"}
    assert (tmp_path / "settings.json").read_text(encoding="utf-8") == _CONFIG


def test_a_project_without_streaming_calls_leaves_its_json_alone(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(
        "import json\n\nraw = json.load(open('settings.json'))\nBASE = raw['api_base']\n",
        encoding="utf-8",
    )
    (tmp_path / "settings.json").write_text(_CONFIG, encoding="utf-8")
    assert "settings.json" not in files_by_name(tmp_path)
    assert (tmp_path / "settings.json").read_text(encoding="utf-8") == _CONFIG


def test_values_spelled_with_escapes_are_not_guessed() -> None:
    text = '{"api_base": "https:\\/\\/api.heygen.com"}'
    assert heygen_config_values(text, frozenset({"api_base"})) == []
    plain = '{"api_base": "https://api.heygen.com", "n": 1}'
    values = heygen_config_values(plain, frozenset({"api_base"}))
    assert with_values(plain, values) == '{"api_base": "https://api.liveavatar.com", "n": 1}'
    assert heygen_config_values("not json", frozenset({"api_base"})) == []


def test_a_partial_run_without_the_config_holds_the_file_that_reads_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "demo"\n', encoding="utf-8")
    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    (tmp_path / "settings.json").write_text(_CONFIG, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    run_migrate(
        MigrateRequest(
            paths=[str(tmp_path / "client.py")], mode="write", output_format="json", jobs=1
        ),
        out=out,
        err=err,
    )
    (entry,) = json.loads(out.getvalue())["files"]
    assert entry["status"] == "unchanged"
    assert "settings.json" in entry["findings"][0]["message"]
    assert (tmp_path / "client.py").read_text(encoding="utf-8") == _LOADER
    # A whole-project run migrates both.
    whole = files_by_name(tmp_path)
    assert whole["client.py"]["status"] == whole["settings.json"]["status"] == "changed"


def test_a_json_file_too_large_for_a_config_is_never_read(tmp_path: Path, monkeypatch) -> None:
    # A data file (larger than any config) costs a `stat`, not a read and a pre-filter: a
    # tree of JSON data must not slow the scan down, and such a file is never changed anyway.
    from heygen2liveavatar.engine import runner
    from heygen2liveavatar.engine.walk import MAX_CONFIG_BYTES

    (tmp_path / "client.py").write_text(_LOADER, encoding="utf-8")
    (tmp_path / "settings.json").write_text(_CONFIG, encoding="utf-8")
    padding = " " * (MAX_CONFIG_BYTES + 1 - len(_CONFIG))
    big = _CONFIG.replace("{", "{" + padding, 1)
    (tmp_path / "data.json").write_text(big, encoding="utf-8")
    read: list[str] = []
    original = runner.read_source

    def recording(path: str) -> bytes:
        read.append(os.path.basename(path))
        return original(path)

    monkeypatch.setattr(runner, "read_source", recording)
    files = files_by_name(tmp_path)
    assert files["settings.json"]["status"] == "changed"
    assert "data.json" not in files and "data.json" not in read
    assert "settings.json" in read
    assert (tmp_path / "data.json").read_text(encoding="utf-8") == big
