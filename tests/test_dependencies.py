"""Dependency declarations (rule H2L505): requirements files, pyproject.toml, setup.cfg.

Golden cases live in ``tests/fixtures_dependencies/<case>/``: one declaration file, the
expected result beside it as ``<file>.expected`` and the findings as ``expected-findings.json``
(``pytest --update-goldens`` rewrites both; read them before committing). Every expected file
must migrate to itself, with its manual findings acknowledged rather than repeated.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from heygen2liveavatar.analysis.dependency_moves import migrate_poetry, migrate_requirement
from heygen2liveavatar.analysis.requirements import compare
from heygen2liveavatar.apispec.frameworks import LIVEKIT_MIN_VERSION, PIPECAT_MIN_VERSION
from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
from heygen2liveavatar.engine.dependencies import migrate_dependencies, migrate_dependency_text
from heygen2liveavatar.model import MigrationError
from heygen2liveavatar.rules import ALL_RULES, select_rules

CASES_DIR = Path(__file__).parent / "fixtures_dependencies"
CASES = sorted(p for p in CASES_DIR.iterdir() if p.is_dir())


def _declaration(case: Path) -> Path:
    (path,) = [
        p
        for p in case.iterdir()
        if p.suffix != ".expected"
        and p.name != "expected-findings.json"
        and not p.name.startswith(".")  # tool caches (``.ruff_cache``) are not cases
    ]
    return path


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: Path, update_goldens: bool) -> None:
    source = _declaration(case)
    expected_path = source.with_name(source.name + ".expected")
    findings_path = case / "expected-findings.json"
    result = migrate_dependencies(source.read_bytes(), f"{case.name}/{source.name}", ALL_RULES)
    findings = [f.to_json() for f in result.findings]
    if update_goldens:
        expected_path.write_bytes(result.data)
        findings_path.write_text(json.dumps(findings, indent=2) + "\n", encoding="utf-8")
    assert result.data == expected_path.read_bytes()
    assert findings == json.loads(findings_path.read_text(encoding="utf-8"))
    assert result.changed == (result.data != source.read_bytes())
    # A second run changes nothing and acknowledges the markers instead of adding more.
    again = migrate_dependencies(result.data, f"{case.name}/{source.name}", ALL_RULES)
    assert again.data == result.data and not again.changed
    assert again.findings == []
    assert len(again.acknowledged) == sum(1 for f in findings if f["kind"] == "manual")


def test_there_are_cases_for_every_format() -> None:
    names = {_declaration(case).name for case in CASES}
    assert {"requirements.txt", "constraints.txt", "pyproject.toml", "setup.cfg"} <= names


def test_nothing_happens_unless_the_dependency_rule_is_selected() -> None:
    data = b"pipecat-ai[heygen]==0.0.97\n"
    others = select_rules(ignore=["H2L505"])
    result = migrate_dependencies(data, "requirements.txt", others)
    assert result.data == data and not result.findings and not result.changed
    selected = migrate_dependencies(data, "requirements.txt", select_rules(select=["H2L505"]))
    assert selected.data == f"pipecat-ai[heygen]=={PIPECAT_MIN_VERSION}\n".encode()


def test_newlines_and_bom_are_kept() -> None:
    data = b"\xef\xbb\xbfaiohttp\r\nlivekit-plugins-hgl>=1.2.18\r\nlivekit-agents==1.2.18\r\n"
    result = migrate_dependencies(data, "requirements.txt", ALL_RULES)
    assert result.data == (
        b"\xef\xbb\xbfaiohttp\r\n"
        + f"livekit-plugins-liveavatar>={LIVEKIT_MIN_VERSION}\r\n".encode()
        + b"# TODO(heygen2liveavatar): H2L505 livekit-plugins-liveavatar needs livekit-agents >= "
        + LIVEKIT_MIN_VERSION.encode()
        + b", which `livekit-agents==1.2.18` excludes: raise it\r\n"
        + b"livekit-agents==1.2.18\r\n"
    )


def test_diff_is_git_style() -> None:
    result = migrate_dependencies(
        b"pipecat-ai[heygen]>=0.0.90\n", "app/requirements.txt", ALL_RULES
    )
    assert result.diff.startswith("--- a/app/requirements.txt\n+++ b/app/requirements.txt\n")
    assert f"+pipecat-ai[heygen]>={PIPECAT_MIN_VERSION}\n" in result.diff


def test_undecodable_file_is_an_error() -> None:
    with pytest.raises(MigrationError, match="UTF-8"):
        migrate_dependencies(b"pipecat-ai[heygen]\xff\n", "requirements.txt", ALL_RULES)


def test_positions_are_one_based_in_the_original() -> None:
    text = "[project]\ndependencies = [\n    'x',\n    \"livekit-plugins-hgl\",\n]\n"
    _new, findings, _ack = migrate_dependency_text(text, "pyproject")
    assert [(f.line, f.column, f.kind) for f in findings] == [(4, 6, "fix")]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("pipecat-ai[heygen]", f"pipecat-ai[heygen]>={PIPECAT_MIN_VERSION}"),
        ("pipecat-ai[heygen]>0.0.80", f"pipecat-ai[heygen]>={PIPECAT_MIN_VERSION}"),
        ("pipecat-ai[heygen] >= 0.0.90", f"pipecat-ai[heygen] >= {PIPECAT_MIN_VERSION}"),
        ("pipecat-ai[heygen]~=0.0.97", f"pipecat-ai[heygen]~={PIPECAT_MIN_VERSION}"),
        ("pipecat-ai[heygen] (>=0.0.95, <2)", f"pipecat-ai[heygen] (>={PIPECAT_MIN_VERSION}, <2)"),
        ("pipecat-ai[heygen]==0.0.*", f"pipecat-ai[heygen]==0.0.*,>={PIPECAT_MIN_VERSION}"),
        ("pipecat-ai[heygen]!=0.0.99", f"pipecat-ai[heygen]!=0.0.99,>={PIPECAT_MIN_VERSION}"),
        ("pipecat-ai[heygen]<1", f"pipecat-ai[heygen]<1,>={PIPECAT_MIN_VERSION}"),
        ("pipecat-ai[heygen]>=1.2", "pipecat-ai[heygen]>=1.2"),
        ("Pipecat_AI[HeyGen]==0.0.97", f"Pipecat_AI[HeyGen]=={PIPECAT_MIN_VERSION}"),
        ("pipecat-ai[heygen]==0.0.97rc1", f"pipecat-ai[heygen]=={PIPECAT_MIN_VERSION}"),
        ("livekit-plugins-hgl==1.2.*", "livekit-plugins-liveavatar==1.3.*,>=1.3.6"),
        ("livekit-plugins-hgl~=1.2", "livekit-plugins-liveavatar~=1.3,>=1.3.6"),
        ("vision-agents[heygen, liveavatar]", "vision-agents[liveavatar]>=0.6.0"),
        ("vision-agents[gemini,heygen]==0.5.9", "vision-agents[gemini,liveavatar]==0.6.0"),
    ],
)
def test_requirement_rewrites(before: str, after: str) -> None:
    change = migrate_requirement(before)
    assert change is not None and change.manual is None
    assert change.new_text == after


@pytest.mark.parametrize(
    "requirement",
    [
        "pipecat-ai[daily]==0.0.97",
        "pipecat-ai==0.0.97",
        "vision-agents[gemini]==0.5.9",
        "livekit-agents==1.2.18",
        "requests",
    ],
)
def test_requirements_without_heygen_are_left_alone(requirement: str) -> None:
    assert migrate_requirement(requirement) is None


@pytest.mark.parametrize(
    ("requirement", "reason"),
    [
        ("pipecat-ai[heygen]>=0.0.90,<0.0.100", "`<0.0.100` excludes"),
        ("pipecat-ai[heygen]<=0.0.101", "`<=0.0.101` excludes"),
        ("pipecat-ai[heygen]===0.0.97", "`===0.0.97` pins"),
        ("livekit-plugins-hgl @ git+https://example.invalid/agents", "direct reference"),
    ],
)
def test_requirements_that_need_a_person(requirement: str, reason: str) -> None:
    change = migrate_requirement(requirement)
    assert change is not None and change.manual is not None and reason in change.manual
    assert change.new_text == requirement and change.fix is None


@pytest.mark.parametrize(
    ("name", "constraint", "extras", "after"),
    [
        ("pipecat-ai", "^0.0.97", ["heygen"], f"^{PIPECAT_MIN_VERSION}"),
        ("pipecat-ai", "0.0.97", ["heygen"], PIPECAT_MIN_VERSION),
        ("pipecat-ai", "*", ["heygen"], f">={PIPECAT_MIN_VERSION}"),
        ("livekit-plugins-hgl", "~1.2.18", [], "~1.3.6"),
        ("pipecat-ai", "^0.0.103", ["heygen"], "^0.0.103"),
    ],
)
def test_poetry_constraints(name: str, constraint: str, extras: list[str], after: str) -> None:
    outcome = migrate_poetry(name, constraint, extras)
    assert outcome is not None
    _move, new, _fix, manual = outcome
    assert manual is None and new == after


def test_versions_compare_like_pep440_releases() -> None:
    assert compare("0.0.102", "0.0.97") == 1
    assert compare("1.3", "1.3.0") == 0
    assert compare("0.0.102rc1", "0.0.102") == -1
    assert compare("0.0.102.post1", "0.0.102") == 1


def test_cli_rewrites_dependency_files(tmp_path: Path) -> None:
    (tmp_path / "requirements.txt").write_text("pipecat-ai[heygen]==0.0.97\n", encoding="utf-8")
    (tmp_path / "setup.cfg").write_text(
        "[options]\ninstall_requires =\n    livekit-plugins-hgl\n", encoding="utf-8"
    )
    out, err = io.StringIO(), io.StringIO()
    code = run_migrate(
        MigrateRequest(paths=[str(tmp_path)], mode="write", output_format="json", jobs=1),
        out=out,
        err=err,
    )
    report = json.loads(out.getvalue())
    changed = sorted(
        Path(entry["path"]).name for entry in report["files"] if entry["status"] == "changed"
    )
    assert changed == ["requirements.txt", "setup.cfg"] and code == 1
    assert (tmp_path / "requirements.txt").read_text(encoding="utf-8") == (
        f"pipecat-ai[heygen]=={PIPECAT_MIN_VERSION}\n"
    )
    assert "livekit-plugins-liveavatar>=1.3.6" in (tmp_path / "setup.cfg").read_text(
        encoding="utf-8"
    )


def _run_over(tmp_path: Path) -> dict[str, str]:
    out, err = io.StringIO(), io.StringIO()
    run_migrate(
        MigrateRequest(paths=[str(tmp_path)], mode="write", output_format="json", jobs=1),
        out=out,
        err=err,
    )
    report = json.loads(out.getvalue())
    return {Path(entry["path"]).name: entry["status"] for entry in report["files"]}


_PIPECAT_BOT = """\
from pipecat.services.heygen.api import NewSessionRequest
from pipecat.services.heygen.video import HeyGenVideoService


def build(session, key):
    request = NewSessionRequest(avatar_id="2b2e8f1c-5d6a-4f3e-9b1a-7c8d9e0f1a2b")
    return HeyGenVideoService(api_key=key, session=session, session_request=request)
"""


def test_a_pin_without_the_extra_is_raised_when_the_code_uses_the_heygen_service(
    tmp_path: Path,
) -> None:
    # The code now imports ``api_liveavatar``, which pipecat-ai 0.0.97 does not have: the
    # ``heygen`` extra only adds the service's own dependencies.
    (tmp_path / "requirements.txt").write_text("pipecat-ai[daily]==0.0.97\n", encoding="utf-8")
    (tmp_path / "setup.py").write_text(
        'from setuptools import setup\n\nsetup(name="bot", install_requires=["pipecat-ai>=0.0.90"])\n',
        encoding="utf-8",
    )
    (tmp_path / "bot.py").write_text(_PIPECAT_BOT, encoding="utf-8")
    statuses = _run_over(tmp_path)
    assert statuses["requirements.txt"] == statuses["setup.py"] == "changed"
    assert "api_liveavatar" in (tmp_path / "bot.py").read_text(encoding="utf-8")
    assert (tmp_path / "requirements.txt").read_text(encoding="utf-8") == (
        f"pipecat-ai[daily]=={PIPECAT_MIN_VERSION}\n"
    )
    assert f'"pipecat-ai>={PIPECAT_MIN_VERSION}"' in (tmp_path / "setup.py").read_text(
        encoding="utf-8"
    )


def test_a_pin_without_the_extra_stays_when_no_code_uses_the_heygen_service(
    tmp_path: Path,
) -> None:
    (tmp_path / "requirements.txt").write_text("pipecat-ai[daily]==0.0.97\n", encoding="utf-8")
    (tmp_path / "bot.py").write_text(
        "from pipecat.services.cartesia.tts import CartesiaTTSService\n\n"
        "tts = CartesiaTTSService\n",
        encoding="utf-8",
    )
    statuses = _run_over(tmp_path)
    assert "requirements.txt" not in statuses  # reported only when it changes or needs work
    assert (tmp_path / "requirements.txt").read_text(encoding="utf-8") == (
        "pipecat-ai[daily]==0.0.97\n"
    )
