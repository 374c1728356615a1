"""The LibCST integration: ``.libcst.codemod.yaml`` and ``codemods.heygen_to_liveavatar``.

End to end, ``python -m libcst.tool codemod heygen_to_liveavatar.HeyGenToLiveAvatarCommand``
runs from the repository root (as the contract says) on a temporary copy of a project and
must leave every file exactly as ``heygen2liveavatar migrate`` does, also with LibCST's
parallel runner. In-process tests cover the warnings and the arguments.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import libcst as cst
import pytest
import yaml
from libcst.codemod import CodemodContext

from heygen2liveavatar import migrate_source
from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
from heygen2liveavatar.model import FIX_MANUAL
from heygen2liveavatar.rules import RULES_BY_CODE
from heygen2liveavatar.rules.base import Rule, RuleContext

REPO_ROOT = Path(__file__).resolve().parent.parent
COMMAND = "heygen_to_liveavatar.HeyGenToLiveAvatarCommand"

# A small project: fixes in several files, a package, a file without HeyGen usage, and
# one file LibCST cannot parse. Six candidates, so `-j 2` really starts two workers
# (LibCST gives each worker at least four files).
STOP = """import requests

BASE = "https://api.heygen.com/v1"


def stop(session_id):
    return requests.post(f"{BASE}/streaming.stop", json={"session_id": session_id})
"""
KEEP_ALIVE = """import httpx


async def ping(client: httpx.AsyncClient, session_id: str) -> None:
    await client.post("https://api.heygen.com/v1/streaming.keep_alive", json={"session_id": session_id})
"""
SHARED_KEY = """import os

import requests

KEY = os.environ["HEYGEN_API_KEY"]


def stop(session_id):
    return requests.post("https://api.heygen.com/v1/streaming.stop", json={"session_id": session_id}, headers={"x-api-key": KEY})


def video(payload):
    return requests.post("https://api.heygen.com/v2/video/generate", json=payload, headers={"x-api-key": KEY})
"""
UNRELATED = "import os\n\nprint(os.getcwd())\n"
PROJECT = {
    "stop.py": STOP,
    "keep_alive.py": KEEP_ALIVE,
    "shared_key.py": SHARED_KEY,
    "unrelated.py": UNRELATED,
    "pkg/__init__.py": "",
    "pkg/client.py": STOP,
    "pkg/pinger.py": KEEP_ALIVE,
}


def write_tree(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def read_tree(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*.py"))
    }


def migrated_by_cli(tmp_path: Path, files: dict[str, str]) -> dict[str, str]:
    """The same tree after ``heygen2liveavatar migrate`` (the reference)."""
    reference = tmp_path / "reference"
    write_tree(reference, files)
    run_migrate(
        MigrateRequest(paths=[str(reference)], mode="write", jobs=1),
        out=io.StringIO(),
        err=io.StringIO(),
    )
    return read_tree(reference)


def run_codemod(*args: str) -> subprocess.CompletedProcess[str]:
    # From the repository root: LibCST finds .libcst.codemod.yaml by walking up from the
    # working directory, and `python -m` puts that directory on sys.path for `codemods`.
    return subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", COMMAND, "--hide-progress", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_config_lists_the_codemods_package() -> None:
    config = yaml.safe_load((REPO_ROOT / ".libcst.codemod.yaml").read_text(encoding="utf-8"))
    assert set(config) == {
        "generated_code_marker",
        "formatter",
        "blacklist_patterns",
        "modules",
        "repo_root",
    }
    assert "codemods" in config["modules"]
    assert all(isinstance(arg, str) for arg in config["formatter"])
    # Every file is under "/": LibCST prints no "Failed to determine module name" for a
    # project outside this checkout (the command needs no module names).
    assert config["repo_root"] == "/"


def test_the_checkout_package_re_exports_the_installed_command() -> None:
    sys.path.insert(0, str(REPO_ROOT))
    try:
        from codemods.heygen_to_liveavatar import HeyGenToLiveAvatarCommand
    finally:
        sys.path.remove(str(REPO_ROOT))
    from heygen2liveavatar.codemods.heygen_to_liveavatar import (
        HeyGenToLiveAvatarCommand as installed,
    )

    assert HeyGenToLiveAvatarCommand is installed


def test_the_formatter_passes_code_through() -> None:
    """The configured "formatter" must not reformat anybody's code."""
    config = yaml.safe_load((REPO_ROOT / ".libcst.codemod.yaml").read_text(encoding="utf-8"))
    program, *args = config["formatter"]
    source = "x  =  {'a':1}   # odd spacing, kept\r\ny = 'é'\n".encode()
    # The interpreter running the tests stands in for `python` on PATH.
    assert program == "python"
    formatted = subprocess.run(
        [sys.executable, *args], input=source, capture_output=True, check=True
    )
    assert formatted.stdout == source


def test_parallel_run_matches_the_cli(tmp_path: Path) -> None:
    expected = migrated_by_cli(tmp_path, PROJECT)
    assert expected != PROJECT, "the reference run changed nothing"
    target = tmp_path / "codemod"
    write_tree(target, {**PROJECT, "broken.py": "import heygen\nx = (\n"})
    process = run_codemod("-j", "2", "--no-format", str(target))
    assert process.returncode == 1, process.stderr  # broken.py failed
    assert "Failed to determine module name" not in process.stderr
    assert "Failed to codemod 1 files" in process.stderr
    assert "Transformed 7 files successfully" in process.stderr
    result = read_tree(target)
    assert result.pop("broken.py") == "import heygen\nx = (\n"
    assert result == expected
    # Manual findings become LibCST warnings, worded as the engine reports them.
    for finding in migrate_source(SHARED_KEY, filename="shared_key.py").manual:
        assert (
            f"{finding.rule} line {finding.line}, column {finding.column}: {finding.message}"
            in process.stderr
        )
    # A second run is a no-op.
    again = run_codemod("--no-format", str(target / "stop.py"), str(target / "pkg"))
    assert again.returncode == 0, again.stderr
    assert read_tree(target) == {**expected, "broken.py": "import heygen\nx = (\n"}


def test_select_with_the_configured_formatter(tmp_path: Path) -> None:
    if shutil.which("python") is None:
        pytest.skip("the configured formatter runs `python`, which is not on PATH")
    files = {"stop.py": STOP}
    target = tmp_path / "codemod"
    write_tree(target, files)
    process = run_codemod("--select", "h2l103,h2l401", str(target / "stop.py"))
    assert process.returncode == 0, process.stderr
    migrated = read_tree(target)["stop.py"]
    # The two selected rules ran (and no other): the engine's output for the same selection.
    assert migrated == migrate_source(STOP, filename="stop.py", select=["H2L103", "H2L401"]).code
    assert "https://api.liveavatar.com" in migrated and '"reason": "USER_CLOSED"' in migrated


def test_unknown_rule_code_is_a_usage_error() -> None:
    process = run_codemod("--select", "H2L0", ".")
    assert process.returncode == 2
    assert "unknown rule code or prefix: H2L0" in process.stderr


# From a user's project ------------------------------------------------------------------

# What the README tells a project to put in its `.libcst.codemod.yaml`.
USER_CONFIG = """modules:
- 'heygen2liveavatar.codemods'
formatter: ['python', '-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read())']
"""
SPEAK = """import requests

BASE = "https://api.heygen.com/v1"


def speak(session_id, text):
    return requests.post(f"{BASE}/streaming.task", json={"session_id": session_id, "text": text, "task_type": "repeat"})
"""
# Fixes, a manual finding, a helper module to create, a file without HeyGen usage.
USER_PROJECT = {**PROJECT, "speak.py": SPEAK}


def read_bytes_tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != ".libcst.codemod.yaml"
    }


def user_codemod(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """LibCST's tool run in ``cwd``, with heygen2liveavatar importable as if installed."""
    import heygen2liveavatar

    package_root = Path(heygen2liveavatar.__file__).resolve().parent.parent
    environment = {**os.environ, "PYTHONPATH": str(package_root)}
    python = Path(sys.executable).parent
    environment["PATH"] = f"{python}{os.pathsep}{environment.get('PATH', '')}"
    return subprocess.run(
        [sys.executable, "-m", "libcst.tool", "codemod", COMMAND, "--hide-progress", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_user_project_outside_this_repository_matches_the_cli(tmp_path: Path) -> None:
    """The README's configuration, run from the project's own directory: the codemod is
    found, runs quietly, and leaves every byte as `heygen2liveavatar migrate` does."""
    assert not tmp_path.resolve().is_relative_to(REPO_ROOT)
    by_cli = tmp_path / "by-cli"
    write_tree(by_cli, USER_PROJECT)
    run_migrate(
        MigrateRequest(paths=[str(by_cli)], mode="write", jobs=1),
        out=io.StringIO(),
        err=io.StringIO(),
    )
    by_libcst = tmp_path / "by-libcst"
    write_tree(by_libcst, USER_PROJECT)
    (by_libcst / ".libcst.codemod.yaml").write_text(USER_CONFIG, encoding="utf-8")

    # -u: a diff, and not one byte written (no helper module either).
    before = read_bytes_tree(by_libcst)
    diff = user_codemod(by_libcst, "-u", "3", ".")
    assert diff.returncode == 0, diff.stderr
    assert read_bytes_tree(by_libcst) == before
    assert "+++" in diff.stdout + diff.stderr
    assert "would create the helper module" in diff.stderr

    process = user_codemod(by_libcst, ".")
    assert process.returncode == 0, process.stderr
    assert "Failed to determine module name" not in process.stderr
    assert "Could not find" not in process.stderr
    expected = read_bytes_tree(by_cli)
    assert "liveavatar_bridge.py" in expected
    assert read_bytes_tree(by_libcst) == expected


# In process -----------------------------------------------------------------------------


@pytest.fixture
def codemod_module(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    """``codemods.heygen_to_liveavatar`` imported the way LibCST's tool imports it."""
    import heygen2liveavatar.codemods.heygen_to_liveavatar as module

    module._configured_codes.cache_clear()
    module._project_facts.cache_clear()
    yield module
    module._configured_codes.cache_clear()
    module._project_facts.cache_clear()


class MarkEveryCall(Rule):
    """A stand-in manual rule, so the warning test does not depend on real rules' scope."""

    code = "H2L999"
    name = "mark-every-call"
    summary = "test rule"
    fix = FIX_MANUAL
    description = example_before = example_after = ""

    def check(self, ctx: RuleContext) -> None:
        for site in ctx.index.strings:
            if "heygen" in site.value:
                ctx.manual(site.node, f"look at {site.value}")


def test_manual_findings_become_warnings(
    codemod_module: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(codemod_module, "select_rules", lambda select, ignore: (MarkEveryCall,))
    command_class = codemod_module.HeyGenToLiveAvatarCommand
    path = tmp_path / "a.py"
    source = 'URL = "https://api.heygen.com/v1"\n'
    command = command_class(CodemodContext(filename=str(path)))
    output = command.transform_module(cst.parse_module(source))
    assert output.code == (
        "# TODO(heygen2liveavatar): H2L999 look at https://api.heygen.com/v1\n" + source
    )
    assert command.context.warnings == [
        "H2L999 line 1, column 7: look at https://api.heygen.com/v1"
    ]


def test_unchanged_module_is_returned_as_is(codemod_module: ModuleType) -> None:
    command_class = codemod_module.HeyGenToLiveAvatarCommand
    tree = cst.parse_module(UNRELATED)
    command = command_class(CodemodContext(filename=None))
    assert command.transform_module(tree).code == UNRELATED
    assert command.context.warnings == []


def test_arguments_and_configuration(codemod_module: ModuleType, tmp_path: Path) -> None:
    module = codemod_module
    parser = argparse.ArgumentParser()
    module.HeyGenToLiveAvatarCommand.add_args(parser)
    args = parser.parse_args(["--select", "h2l1, H2L401", "--ignore", "H2L104"])
    assert (args.select, args.ignore) == (["H2L1", "H2L401"], ["H2L104"])
    with pytest.raises(SystemExit), _quiet_stderr():
        parser.parse_args(["--select", "NOPE"])

    command = module.HeyGenToLiveAvatarCommand(CodemodContext(), **vars(args))
    codes = [rule.code for rule in command.rules(None)]
    assert codes and all(c.startswith(("H2L1", "H2L401")) and c != "H2L104" for c in codes)

    # Without --select/--ignore, the file's [tool.heygen2liveavatar] applies, like `migrate`.
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.heygen2liveavatar]\nselect = ["H2L103"]\n')
    configured = module.HeyGenToLiveAvatarCommand(CodemodContext())
    assert configured.rules(str(project / "a.py")) == (RULES_BY_CODE["H2L103"],)
    # ... and the command line wins.
    overridden = module.HeyGenToLiveAvatarCommand(CodemodContext(), select="H2L104")
    assert overridden.rules(str(project / "a.py")) == (RULES_BY_CODE["H2L104"],)


class _quiet_stderr:
    def __enter__(self) -> None:
        self.saved = sys.stderr
        sys.stderr = io.StringIO()

    def __exit__(self, *exc: object) -> None:
        sys.stderr = self.saved


def test_multi_module_project_matches_the_cli_from_its_own_directory(tmp_path: Path) -> None:
    """A settings module, the client that uses it and a dependency manifest, in a git work
    tree outside this repository: LibCST's runner reads the same project facts as the CLI
    (the settings module's base URL is a streaming base because of the client) and adds
    `livekit` to the manifest, so every byte matches; `-u` writes nothing. Run on the
    settings module alone (its client migrated already), it gives the same bytes too."""
    from partial_project import PROJECT as KIOSK

    assert not tmp_path.resolve().is_relative_to(REPO_ROOT)
    by_cli = tmp_path / "by-cli"
    write_tree(by_cli, KIOSK)
    (by_cli / ".git").mkdir()
    run_migrate(
        MigrateRequest(paths=[str(by_cli)], mode="write", jobs=1),
        out=io.StringIO(),
        err=io.StringIO(),
    )
    expected = read_bytes_tree(by_cli)
    assert expected["settings.py"] != KIOSK["settings.py"].encode()
    assert b"livekit" in expected["requirements.txt"]

    by_libcst = tmp_path / "by-libcst"
    write_tree(by_libcst, KIOSK)
    (by_libcst / ".git").mkdir()
    (by_libcst / ".libcst.codemod.yaml").write_text(USER_CONFIG, encoding="utf-8")
    before = read_bytes_tree(by_libcst)
    diff = user_codemod(by_libcst, "-u", "3", "-j", "2", ".")
    assert diff.returncode == 0, diff.stderr
    assert read_bytes_tree(by_libcst) == before
    assert "Failed to determine module name" not in diff.stderr

    process = user_codemod(by_libcst, "-j", "2", ".")
    assert process.returncode == 0, process.stderr
    assert "Could not find" not in process.stderr
    assert read_bytes_tree(by_libcst) == expected

    one_file = tmp_path / "one-file"
    write_tree(one_file, {name: content.decode() for name, content in expected.items()})
    write_tree(one_file, {"settings.py": KIOSK["settings.py"]})
    (one_file / ".git").mkdir()
    (one_file / ".libcst.codemod.yaml").write_text(USER_CONFIG, encoding="utf-8")
    alone = user_codemod(one_file, "settings.py")
    assert alone.returncode == 0, alone.stderr
    assert read_bytes_tree(one_file) == expected
