"""The pre-commit hook: ``.pre-commit-hooks.yaml`` works with ``try-repo`` and a ``repos:`` entry.

The test builds a hook repository from this working tree (committed in a temporary git
repository: ``try-repo`` of the real checkout would only see committed files plus edits of
tracked ones), a project repository with HeyGen code, and runs pre-commit three times: the
first run rewrites the files and fails, the second changes nothing but fails while the marker
the first left is open, the third (``args: [--exit-zero]``) passes.

pre-commit really installs the hook (``language: python``: a fresh virtualenv, then
``pip install .`` of the hook repository, console script and all). To keep that offline
and fast (about 5 s per install instead of 12 s with downloads), pip gets
``PIP_NO_INDEX`` with ``PIP_FIND_LINKS`` pointing at the setuptools wheel virtualenv
embeds (for the isolated build), and the runtime dependencies (LibCST, click, rich) are
already importable through ``PYTHONPATH``: a directory linking just those distributions
from the test environment, so pip finds them satisfied and the hook's own copy of
heygen2liveavatar is the one that runs. Set ``HEYGEN2LIVEAVATAR_TEST_ONLINE=1`` to let pip
download everything from PyPI instead.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from heygen2liveavatar.cli.run import MigrateRequest, run_migrate

REPO_ROOT = Path(__file__).resolve().parent.parent
HOOK_ID = "heygen2liveavatar"
ONLINE = bool(os.environ.get("HEYGEN2LIVEAVATAR_TEST_ONLINE"))

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed"
    ),
]

SETTINGS = """import os

HEYGEN_BASE_URL = os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com/v1")
"""
CLIENT = """import requests

from settings import HEYGEN_BASE_URL


def stop(session_id):
    return requests.post(f"{HEYGEN_BASE_URL}/streaming.stop", json={"session_id": session_id})
"""
KEEP_ALIVE = """import httpx


def ping(session_id):
    return httpx.post("https://api.heygen.com/v1/streaming.keep_alive", json={"session_id": session_id})
"""
SHARED_KEY = """import os

import requests

KEY = os.environ["HEYGEN_API_KEY"]


def stop(session_id):
    return requests.post("https://api.heygen.com/v1/streaming.stop", json={"session_id": session_id}, headers={"x-api-key": KEY})


def video(payload):
    return requests.post("https://api.heygen.com/v2/video/generate", json=payload, headers={"x-api-key": KEY})
"""
# Six Python files: split into batches, pre-commit would pass the client and the settings
# module it uses to different invocations (it shuffles the files with a fixed seed, then
# makes batches of at least four), and the settings module would not be migrated.
PROJECT = {
    "a_keep_alive.py": KEEP_ALIVE,
    "b_shared_key.py": SHARED_KEY,
    "c_notes.py": "print('no HeyGen here')\n",
    "d_client.py": CLIENT,
    "e_keep_alive.py": KEEP_ALIVE,
    "settings.py": SETTINGS,
    "README.md": "HeyGen streaming demo\n",
}


def git_env() -> dict[str, str]:
    """A clean git identity and no user or system git configuration (hooks, signing...)."""
    return {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
    }


def git(env: dict[str, str], cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    ).stdout.strip()


def make_hook_repo(path: Path, env: dict[str, str]) -> str:
    """This working tree's packaging files and sources, committed; returns the commit."""
    path.mkdir()
    for entry in REPO_ROOT.iterdir():
        if entry.is_file() and (
            not entry.name.startswith(".") or entry.name == ".pre-commit-hooks.yaml"
        ):
            shutil.copy2(entry, path / entry.name)
    shutil.copytree(
        REPO_ROOT / "src",
        path / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"),
    )
    git(env, path, "init", "-q")
    git(env, path, "add", "-A")
    git(env, path, "commit", "-q", "-m", "hook")
    return git(env, path, "rev-parse", "HEAD")


def runtime_closure() -> list[importlib.metadata.Distribution]:
    """The installed distributions heygen2liveavatar needs at run time (not itself)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: dict[str, importlib.metadata.Distribution] = {}
    pending = [
        Requirement(r) for r in importlib.metadata.distribution("heygen2liveavatar").requires or []
    ]
    while pending:
        requirement = pending.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen[name] = importlib.metadata.distribution(name)
        pending += [Requirement(r) for r in seen[name].requires or []]
    return list(seen.values())


def link_dependencies(target: Path) -> Path:
    """A directory with the runtime dependencies (packages and their metadata) linked in."""
    target.mkdir()
    for dist in runtime_closure():
        if dist.files is None:
            pytest.skip(f"{dist.metadata['Name']} has no RECORD: cannot link it for an offline run")
        top_level = {Path(str(f)).parts[0] for f in dist.files if Path(str(f)).parts}
        for name in sorted(top_level - {"..", "__pycache__"}):
            source = Path(str(dist.locate_file(name)))
            if name.endswith(".pth") or not source.exists() or (target / name).exists():
                continue
            try:
                (target / name).symlink_to(source, target_is_directory=source.is_dir())
            except OSError:  # no symlinks (Windows without privileges): copy
                if source.is_dir():
                    shutil.copytree(source, target / name)
                else:
                    shutil.copy2(source, target / name)
    return target


def pre_commit_env(tmp_path: Path) -> dict[str, str]:
    env = git_env()
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        PRE_COMMIT_COLOR="never",
        VIRTUALENV_NO_PERIODIC_UPDATE="1",  # no background check for newer seed wheels
    )
    if ONLINE:
        return env
    virtualenv_embed = pytest.importorskip("virtualenv.seed.wheels.embed")
    wheels = Path(str(virtualenv_embed.__file__)).parent
    if not any(wheels.glob("setuptools-*.whl")):
        pytest.skip("virtualenv embeds no setuptools wheel: cannot build the hook offline")
    env.update(
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(wheels),
        PIP_CONFIG_FILE=os.devnull,
        PYTHONPATH=str(link_dependencies(tmp_path / "dependencies")),
    )
    return env


def pre_commit(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def write_project(path: Path) -> None:
    path.mkdir()
    for name, content in PROJECT.items():
        (path / name).write_text(content, encoding="utf-8")


def reference_migration(tmp_path: Path) -> dict[str, str]:
    """``heygen2liveavatar migrate`` on all of the project's Python files at once."""
    reference = tmp_path / "reference"
    write_project(reference)
    paths = [str(reference / name) for name in PROJECT if name.endswith(".py")]
    run_migrate(
        MigrateRequest(paths=paths, mode="write", jobs=1), out=io.StringIO(), err=io.StringIO()
    )
    return {name: (reference / name).read_text(encoding="utf-8") for name in PROJECT}


def test_manifest_matches_the_contract() -> None:
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(REPO_ROOT / ".pre-commit-hooks.yaml"))
    assert hook["id"] == HOOK_ID
    assert hook["entry"] == "heygen2liveavatar migrate"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["python", "jupyter", "text"]
    # One invocation per run: see the manifest's comment and the test below.
    assert hook["require_serial"] is True
    assert hook["pass_filenames"] is True


@pytest.mark.parametrize(
    ("name", "selected"),
    [
        ("app.py", True),
        ("pkg/setup.py", True),
        ("notebooks/demo.ipynb", True),
        ("requirements.txt", True),
        ("requirements-dev.txt", True),
        ("deps/requirements-dev.in", True),
        ("constraints.txt", True),
        ("pyproject.toml", True),
        ("sub/setup.cfg", True),
        ("README.md", False),
        ("notes.txt", False),
        ("package.json", False),
        ("web/package.json", False),
        ("guide.json", True),
        ("config/settings.json", True),
        ("avatar.ini", True),
        ("config/service.cfg", True),
        ("config/settings.toml", True),
        ("data.yaml", False),
    ],
)
def test_hook_selects_python_notebooks_and_manifests(name: str, selected: bool) -> None:
    """The files pre-commit passes: what the migration keeps in step (JSON, INI and TOML configs
    too), nothing else."""
    import re

    from identify.identify import tags_from_filename
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(REPO_ROOT / ".pre-commit-hooks.yaml"))
    tags = tags_from_filename(name) | {"file", "text"}  # the content is text in every case
    by_type = bool(set(hook["types_or"]) & tags) and set(hook["types"]) <= tags
    by_name = re.search(hook["files"], name) is not None
    assert (by_type and by_name) is selected


def test_hook_rewrites_then_passes(tmp_path: Path) -> None:
    env = pre_commit_env(tmp_path)
    hook_repo = tmp_path / "hook-repo"
    revision = make_hook_repo(hook_repo, env)
    project = tmp_path / "project"
    write_project(project)
    git(env, project, "init", "-q")
    git(env, project, "add", "-A")
    expected = reference_migration(tmp_path)
    assert expected != PROJECT, "the reference run changed nothing"

    # 1. `pre-commit try-repo`: the hook rewrites the files and fails.
    first = pre_commit(env, project, "try-repo", str(hook_repo), HOOK_ID, "--all-files")
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "files were modified by this hook" in output
    migrated = {name: (project / name).read_text(encoding="utf-8") for name in PROJECT}
    assert migrated == expected, output

    # 2. A normal `repos:` entry: nothing left to change, but the marker the first run left
    #    is open manual work, so the hook still fails and says where.
    assert "TODO(heygen2liveavatar): H2L402" in migrated["b_shared_key.py"]
    config = (
        f"repos:\n- repo: {hook_repo.as_posix()}\n  rev: {revision}\n  hooks:\n  - id: {HOOK_ID}\n"
    )
    (project / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    second = pre_commit(env, project, "run", "--all-files")
    output = second.stdout + second.stderr
    assert second.returncode == 1, output
    assert "files were modified by this hook" not in output
    assert "b_shared_key.py: 1 open marker" in output
    assert {name: (project / name).read_text(encoding="utf-8") for name in PROJECT} == expected

    # 3. `args: [--exit-zero]` (the README's opt-out): markers no longer stop the commit.
    (project / ".pre-commit-config.yaml").write_text(
        config + "    args: [--exit-zero]\n", encoding="utf-8"
    )
    third = pre_commit(env, project, "run", "--all-files")
    output = third.stdout + third.stderr
    assert third.returncode == 0, output
    assert "Passed" in output
    assert {name: (project / name).read_text(encoding="utf-8") for name in PROJECT} == expected


def test_readme_snippet_and_workflow_pin_a_commit_of_this_repository() -> None:
    """The README's `repos:` entry and the example workflow's install line work as written:
    a 40-hex commit (there is no release tag), the same in both, present in this history."""
    import re

    import yaml

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Pre-commit", 1)[1]
    block = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (entry,) = yaml.safe_load(block)["repos"]
    assert re.fullmatch(r"[0-9a-f]{40}", entry["rev"]), entry["rev"]
    assert [hook["id"] for hook in entry["hooks"]] == [HOOK_ID]
    workflow = (REPO_ROOT / "docs" / "github-actions.yml").read_text(encoding="utf-8")
    install = re.search(r'pip install "git\+(?P<url>[^@"]+)@(?P<rev>[0-9a-f]{40})"', workflow)
    assert install is not None, "the workflow must install from the repository, pinned"
    assert (install["url"], install["rev"]) == (entry["repo"], entry["rev"])
    if not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout: cannot look the commit up")
    found = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "cat-file", "-e", f"{entry['rev']}^{{commit}}"],
        capture_output=True,
    )
    if found.returncode != 0 and (REPO_ROOT / ".git" / "shallow").exists():
        pytest.skip("shallow clone: the pinned commit may be outside its history")
    assert found.returncode == 0, f"{entry['rev']} is not a commit of this repository"


# Committing a project in several steps -------------------------------------------------


def committed(env: dict[str, str], project: Path, revision: str) -> dict[str, str]:
    """The files of a commit (the configuration left out)."""
    names = git(env, project, "ls-tree", "-r", "--name-only", revision).splitlines()
    return {
        name: git(env, project, "show", f"{revision}:{name}") + "\n"
        for name in names
        if name != ".pre-commit-config.yaml"
    }


def test_commits_in_steps_never_hold_a_half_migrated_flow(tmp_path: Path) -> None:
    """The hook on the staged files only (pre-commit's normal run): a commit of the client
    alone fails naming the settings module and the manifest, and writes nothing; with them
    staged the hook migrates all three together; every commit holds a whole flow."""
    from partial_project import CLIENT
    from partial_project import PROJECT as KIOSK

    env = pre_commit_env(tmp_path)
    hook_repo = tmp_path / "hook-repo"
    revision = make_hook_repo(hook_repo, env)
    project = tmp_path / "kiosk"
    project.mkdir()
    for name, content in KIOSK.items():
        (project / name).write_text(content, encoding="utf-8")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repo.as_posix()}\n  rev: {revision}\n  hooks:\n  - id: {HOOK_ID}\n",
        encoding="utf-8",
    )
    git(env, project, "init", "-q")
    git(env, project, "add", "-A")
    git(env, project, "commit", "-q", "--no-verify", "-m", "HeyGen kiosk")
    installed = pre_commit(env, project, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr

    def commit(message: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", "commit", "-m", message],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    # The reference: the edited project migrated as a whole.
    edited_client = CLIENT.replace(
        '"accept": "application/json"', '"accept": "application/json", "user-agent": "kiosk/2"'
    )
    original = {**KIOSK, "avatar_client.py": edited_client}
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / ".git").mkdir()
    for name, content in original.items():
        (reference / name).write_text(content, encoding="utf-8")
    run_migrate(
        MigrateRequest(paths=[str(reference)], mode="write", jobs=1),
        out=io.StringIO(),
        err=io.StringIO(),
    )
    migrated = {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(reference.iterdir())
        if path.is_file()
    }
    assert set(migrated) == {*original, "liveavatar_bridge.py"}
    assert "livekit" in migrated["requirements.txt"]

    # 1. Only the client is staged: the hook fails, names what to add, and writes nothing.
    (project / "avatar_client.py").write_text(edited_client, encoding="utf-8")
    git(env, project, "add", "avatar_client.py")
    first = commit("client: user agent")
    output = first.stdout + first.stderr
    assert first.returncode != 0, output
    assert "Failed" in output
    # The text report wraps messages to the terminal's width.
    together = "avatar_client.py requirements.txt settings.py"
    assert f"(pre-commit: `pre-commit run --files {together}`" in " ".join(output.split())
    assert "files were modified by this hook" not in output
    assert (project / "avatar_client.py").read_text(encoding="utf-8") == edited_client
    assert not (project / "liveavatar_bridge.py").exists()
    assert git(env, project, "rev-list", "--count", "HEAD") == "1"

    # 2. The hook on the files it named (unmodified files cannot be staged): it migrates
    #    them together (the manifest gets `livekit`) and fails because it rewrote them.
    second = pre_commit(env, project, "run", HOOK_ID, "--files", *together.split())
    output = second.stdout + second.stderr
    assert second.returncode == 1, output
    assert "files were modified by this hook" in output
    assert git(env, project, "rev-list", "--count", "HEAD") == "1"
    on_disk = {name: (project / name).read_text(encoding="utf-8") for name in migrated}
    assert on_disk == migrated, output

    # 3. The migration staged: the hook passes and the commit is made.
    git(env, project, "add", "-A")
    third = commit("client: user agent")
    output = third.stdout + third.stderr
    assert third.returncode == 0, output
    assert "Passed" in output

    # 4. A later change to the settings module alone has nothing left to migrate.
    settings = (project / "settings.py").read_text(encoding="utf-8")
    (project / "settings.py").write_text(settings + "RETRIES = 3\n", encoding="utf-8")
    git(env, project, "add", "settings.py")
    fourth = commit("settings: retries")
    assert fourth.returncode == 0, fourth.stdout + fourth.stderr

    history = git(env, project, "rev-list", "--reverse", "HEAD").splitlines()
    assert len(history) == 3
    snapshots = [committed(env, project, commit_id) for commit_id in history]
    # Each commit holds the flow before or after the migration, never between.
    assert snapshots[0] == KIOSK
    assert snapshots[1] == migrated
    assert snapshots[2] == {**migrated, "settings.py": migrated["settings.py"] + "RETRIES = 3\n"}
