"""The whole-repo inventory (H2L910-H2L913): non-Python files are reported, never rewritten.

``tests/fixtures_inventory/repo`` is a small web project on HeyGen's streaming SDK (TypeScript,
CommonJS, ``package.json``, ``.env*``, a GitHub workflow, compose, a Dockerfile, Markdown and
reStructuredText); ``expected-findings.json`` holds every finding per file, exactly.
``pytest --update-goldens`` rewrites it (read the diff before committing it).
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from heygen2liveavatar.apispec.inventory import text_kind
from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
from heygen2liveavatar.engine.inventory import scan_inventory
from heygen2liveavatar.rules import ALL_RULES, select_rules

FIXTURES = Path(__file__).parent / "fixtures_inventory"
REPO = FIXTURES / "repo"
EXPECTED = FIXTURES / "expected-findings.json"


def run_json(paths: list[str], mode: str = "write", **options: Any) -> tuple[int, dict[str, Any]]:
    out, err = io.StringIO(), io.StringIO()
    code = run_migrate(
        MigrateRequest(paths=paths, mode=mode, output_format="json", jobs=1, **options),
        out=out,
        err=err,
    )
    return code, json.loads(out.getvalue())


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    # A copy outside this repository's git work tree: discovery must not depend on it.
    target = tmp_path / "repo"
    shutil.copytree(REPO, target)
    return target


def findings_by_file(report: dict[str, Any], root: Path) -> dict[str, list[dict[str, Any]]]:
    return {
        Path(entry["path"]).resolve().relative_to(root.resolve()).as_posix(): entry["findings"]
        for entry in report["files"]
    }


def test_repo_inventory_is_exact_and_changes_nothing(repo: Path, update_goldens: bool) -> None:
    before = snapshot(repo)
    code, report = run_json([str(repo)])
    found = findings_by_file(report, repo)
    if update_goldens:
        EXPECTED.write_text(json.dumps(found, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    assert found == json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert snapshot(repo) == before, "an inventory file was modified"
    assert code == 1  # manual work remains
    assert all(entry["status"] == "unchanged" for entry in report["files"])
    assert {f["kind"] for fs in found.values() for f in fs} == {"manual"}
    # Every kind of file the inventory reads is represented, and each rule fires.
    kinds = {text_kind(path) for path in found}
    assert kinds == {"js", "package-json", "env", "docker", "yaml", "docs"}
    assert {f["rule"] for fs in found.values() for f in fs} == {
        "H2L910",
        "H2L911",
        "H2L912",
        "H2L913",
    }
    # Files without streaming usage are scanned but not listed.
    assert report["summary"]["files_scanned"] == len(before)
    assert "web/src/utils.ts" not in found and "mkdocs.yml" not in found


def test_diff_and_check_modes_print_no_diff_for_inventory_files(repo: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run_migrate(MigrateRequest(paths=[str(repo)], mode="diff", jobs=1), out=out, err=err)
    assert code == 1
    assert out.getvalue() == ""  # nothing to apply: the inventory never rewrites
    assert "H2L911" in err.getvalue()


def test_select_and_ignore_apply_to_inventory_rules(repo: Path) -> None:
    _, report = run_json([str(repo)], select=["H2L912"])
    rules = {f["rule"] for entry in report["files"] for f in entry["findings"]}
    assert rules == {"H2L912"}
    _, report = run_json([str(repo)], ignore=["H2L91"])
    assert report["files"] == []


def scan(name: str, text: str, codes: tuple[str, ...] = ()) -> list[tuple[int, int, str, str]]:
    rules = select_rules(list(codes)) if codes else ALL_RULES
    result = scan_inventory(text.encode("utf-8"), name, rules)
    assert result.data == text.encode("utf-8") and not result.changed
    return [(f.line, f.column, f.rule, f.message) for f in result.findings]


def test_js_sdk_calls_are_reported_only_where_the_sdk_is_used() -> None:
    # `speak()` and `stopAvatar()` without the SDK in the file are someone else's methods.
    assert scan("speech.js", "synth.speak({ text });\nplayer.stopAvatar();\n") == []
    found = scan(
        "app.mjs",
        "import SA from '@heygen/streaming-avatar';\nconst a = new SA({ token });\n"
        "await a.speak({ text: 'hi' });\nspeechSynthesis.speak(utterance);\n",
    )
    assert [(line, column, rule) for line, column, rule, _ in found] == [
        (1, 17, "H2L910"),
        (2, 11, "H2L910"),
        (3, 9, "H2L910"),
    ]
    assert "`new SA({token})` (`StreamingAvatar`)" in found[1][3]
    assert "`message(text)`" in found[2][3] and "`repeat(text)`" in found[2][3]


def test_streaming_paths_need_a_url_shape() -> None:
    text = (
        "Call streaming.new first.\n"  # prose: left alone
        "POST /v1/streaming.new\n"
        'request("streaming.stop")\n'
        "See https://api.heygen.com/v2/video/generate\n"  # another HeyGen API: not ours
    )
    for name in ("notes.md", "client.ts"):
        found = scan(name, text)
        assert [(line, column) for line, column, _, _ in found] == [(2, 6), (3, 10)]
    assert "`POST https://api.liveavatar.com/v1/sessions/stop`" in found[1][3]


def test_key_variables_sets_versus_uses_and_public_prefixes() -> None:
    found = scan(
        "settings.env",
        "export HEYGEN_API_KEY=abc\nVITE_HEYGEN_API_KEY=x\nHEYGEN_AVATAR_ID=Anna\nLOG=$HEYGEN_API_KEY\n",
        ("H2L912",),
    )
    assert [(line, column) for line, column, _, _ in found] == [(1, 8), (2, 1), (4, 6)]
    assert found[0][3].startswith("sets `HEYGEN_API_KEY`")
    assert "`VITE_LIVEAVATAR_API_KEY`" in found[1][3] and "server-side" in found[1][3]
    assert found[2][3].startswith("uses `HEYGEN_API_KEY`")


def test_suppression_comments_in_any_comment_syntax() -> None:
    text = (
        "<!-- heygen2liveavatar: ignore -->\n"
        "curl https://api.heygen.com/v1/streaming.stop  and HEYGEN_API_KEY\n"
        "HEYGEN_API_KEY again  <!-- heygen2liveavatar: ignore[H2L913] -->\n"
        "https://api.heygen.com/v1/streaming.stop\n"
    )
    assert [(line, rule) for line, _, rule, _ in scan("README.md", text)] == [(3, "H2L912")]


def test_undecodable_bytes_do_not_stop_the_scan() -> None:
    data = b"// caf\xe9\nfetch('https://api.heygen.com/v1/streaming.interrupt')\n"
    result = scan_inventory(data, "old.js", ALL_RULES)
    assert result.data == data
    assert [(f.line, f.column, f.rule) for f in result.findings] == [(2, 8, "H2L913")]
    assert "`avatar.interrupt` event" in result.findings[0].message


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("package.json", "package-json"),
        ("web/App.tsx", "js"),
        ("index.html", "js"),
        (".env", "env"),
        (".env.local", "env"),
        ("prod.env", "env"),
        ("Dockerfile", "docker"),
        ("Dockerfile.dev", "docker"),
        ("api.dockerfile", "docker"),
        (".github/workflows/ci.yml", "yaml"),
        ("docker-compose.yaml", "yaml"),
        ("README.md", "docs"),
        ("docs/index.rst", "docs"),
        ("setup.py", None),
        ("package-lock.json", None),
    ],
)
def test_text_kinds(name: str, kind: str | None) -> None:
    assert text_kind(name) == kind


def test_inventory_rules_are_registered_report_only_rules() -> None:
    from heygen2liveavatar.rules.inventory import TextScanRule

    inventory = [rule for rule in ALL_RULES if issubclass(rule, TextScanRule)]
    assert [rule.code for rule in inventory] == ["H2L910", "H2L911", "H2L912", "H2L913", "H2L914"]
    for rule in inventory:
        assert rule.fix == "manual"
        assert rule.example_before == rule.example_after
        # `explain` shows what the example gets, computed from the rule itself.
        docs = rule.docs()
        assert rule.example_before.strip() in docs
        if rule.code != "H2L914":  # reported by the notebook processor, not by scanning
            assert f"{rule.code} [manual]" in docs


def test_no_inventory_walks_only_python_and_notebooks(repo: Path) -> None:
    (repo / "nb.ipynb").write_text(
        json.dumps({"cells": [], "metadata": {"heygen": True}, "nbformat": 4, "nbformat_minor": 5}),
        encoding="utf-8",
    )
    _, report = run_json([str(repo)], mode="check", inventory=False)
    assert report["files"] == []
    assert report["summary"]["files_scanned"] == 1  # the notebook only
