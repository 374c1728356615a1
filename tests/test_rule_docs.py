"""Rule documentation comes from the registry: ``docs/rules.md``, ``rules``, ``explain``."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from heygen2liveavatar.cli.main import main
from heygen2liveavatar.model import FIX_SAFETIES
from heygen2liveavatar.reports.sarif import rule_anchor
from heygen2liveavatar.rules import ALL_RULES

REPO_ROOT = Path(__file__).resolve().parent.parent
GENERATOR = REPO_ROOT / "scripts" / "gen_rule_docs.py"
RULES_MD = REPO_ROOT / "docs" / "rules.md"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rule_docs", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rules_md_is_up_to_date(generator: ModuleType) -> None:
    expected = generator.render()
    current = RULES_MD.read_text(encoding="utf-8") if RULES_MD.exists() else ""
    assert current == expected, (
        "docs/rules.md is stale: run `python scripts/gen_rule_docs.py` and commit the result"
    )


def test_readme_rule_table_is_up_to_date(generator: ModuleType) -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert generator.update_readme(readme) == readme, (
        "README.md's rule table is stale: run `python scripts/gen_rule_docs.py` and commit the result"
    )
    for rule in ALL_RULES:
        assert f"[{rule.code}](docs/rules.md#" in readme


def test_rules_md_documents_every_rule(generator: ModuleType) -> None:
    page = generator.render()
    headings = re.findall(r"^### (H2L\d{3} \S+)$", page, flags=re.MULTILINE)
    assert headings == [f"{rule.code} {rule.name}" for rule in ALL_RULES]
    for rule in ALL_RULES:
        anchor = rule_anchor(rule.code, rule.name)
        # The index links to the section, and so does the SARIF rule help.
        assert generator.anchor(f"{rule.code} {rule.name}") == anchor
        assert f"| [{rule.code}](#{anchor}) | {rule.name} | {rule.fix} |" in page
        assert rule.example_before.strip() in page and rule.example_after.strip() in page


def test_heading_shift_leaves_code_blocks_alone(generator: ModuleType) -> None:
    docs = "# Title\n\n## Part\n\n```python\n# a comment\n```\n\n~~~\n## not a heading\n~~~\n"
    assert generator.shift_headings(docs, 2) == (
        "### Title\n\n#### Part\n\n```python\n# a comment\n```\n\n~~~\n## not a heading\n~~~"
    )


def test_generator_check_mode(
    generator: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "rules.md"
    assert generator.main(["--output", str(target), "--check"]) == 1
    assert "stale" in capsys.readouterr().err and not target.exists()
    assert generator.main(["--output", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == generator.render()
    assert generator.main(["--output", str(target), "--check"]) == 0


def test_generator_runs_as_a_script(tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    subprocess.run(
        [sys.executable, str(GENERATOR), "--output", str(target)], check=True, capture_output=True
    )
    assert target.read_text(encoding="utf-8").startswith("# Rules\n")


def test_rules_json_lists_every_rule_with_its_docs() -> None:
    result = CliRunner().invoke(main, ["rules", "--format", "json"])
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert [entry["code"] for entry in listed] == [rule.code for rule in ALL_RULES]
    for entry, rule in zip(listed, ALL_RULES):
        assert entry == {
            "code": rule.code,
            "name": rule.name,
            "summary": rule.summary,
            "fix": rule.fix,
            "docs": rule.docs(),
        }
        assert entry["fix"] in FIX_SAFETIES
        assert re.fullmatch(r"H2L[1-9]\d\d", entry["code"])
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", entry["name"])
        # The contract: Markdown docs with the example (before and after when they differ).
        assert entry["docs"].startswith(f"# {rule.code} {rule.name}\n")
        assert rule.example_before.strip() in entry["docs"]
        assert rule.example_after.strip() in entry["docs"]


def test_rules_text_lists_every_rule() -> None:
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("H2L")]
    assert listed == [rule.code for rule in ALL_RULES]


@pytest.mark.parametrize("rule", ALL_RULES, ids=[rule.code for rule in ALL_RULES])
def test_explain_prints_the_docs(rule: type) -> None:
    result = CliRunner().invoke(main, ["explain", rule.code.lower()])  # type: ignore[attr-defined]
    assert result.exit_code == 0
    assert result.stdout == rule.docs() + "\n"  # type: ignore[attr-defined]


def test_explain_unknown_code_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["explain", "H2L999"])
    assert result.exit_code == 2
    # `output` has both streams with every click version (8.1 cannot separate them).
    assert "unknown rule: H2L999" in result.output


def test_reports_name_every_rule_from_its_module_without_importing_the_rules() -> None:
    """Reports read rule names from the rule modules' file names (the parent of a ``--jobs``
    run does not import LibCST for its end-of-run table): each module is named after its rule."""
    from heygen2liveavatar.reports.rule_names import rule_name, rule_names

    registry = {rule.code: rule.name for rule in ALL_RULES}
    names = rule_names()
    assert {code: name for code, name in names.items() if code in registry} == registry
    assert set(names) - set(registry) == {"H2L500"}  # the framework rules' shared module
    assert rule_name("H2L999") == ""
    code = (
        "import sys\n"
        "from heygen2liveavatar.reports.text import rule_table\n"
        "print(rule_table({'H2L103': {'fix': 1}}))\n"
        "assert 'libcst' not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "H2L103  session-stop" in done.stdout
