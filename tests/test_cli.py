"""The command-line contract (../shared/docs/contract.md), end to end through click."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from heygen2liveavatar import __version__
from heygen2liveavatar.cli.main import main

HEYGEN_STOP = """import requests

BASE = "https://api.heygen.com/v1"


def stop(session_id):
    return requests.post(f"{BASE}/streaming.stop", json={"session_id": session_id})
"""

MIGRATED_STOP = """import requests

BASE = "https://api.liveavatar.com/v1"


def stop(session_id):
    return requests.post(
        f"{BASE}/sessions/stop",
        json={"session_id": session_id, "reason": "USER_CLOSED"},
    )
"""

UNRELATED = "import os\n\nprint(os.getcwd())\n"


def invoke(*args: str, input: str | bytes | None = None, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    if cwd is not None:
        old = os.getcwd()
        os.chdir(cwd)
        try:
            return runner.invoke(main, list(args), input=input, catch_exceptions=False)
        finally:
            os.chdir(old)
    return runner.invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "client.py").write_text(HEYGEN_STOP)
    (tmp_path / "app" / "other.py").write_text(UNRELATED)
    return tmp_path


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.output


def test_python_dash_m_behaves_like_the_script() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "heygen2liveavatar", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == f"heygen2liveavatar {__version__}"


def test_default_mode_rewrites_in_place_and_reports(project: Path) -> None:
    result = invoke("migrate", str(project / "app"))
    assert result.exit_code == 1
    assert (project / "app" / "client.py").read_text() == MIGRATED_STOP
    assert (project / "app" / "other.py").read_text() == UNRELATED
    assert "fixed" in result.output and "client.py" in result.output
    assert "1 file changed" in result.output
    # A second run changes nothing and exits 0.
    again = invoke("migrate", str(project / "app"))
    assert again.exit_code == 0, again.output
    assert (project / "app" / "client.py").read_text() == MIGRATED_STOP


def test_diff_mode_prints_a_git_appliable_diff_and_writes_nothing(project: Path) -> None:
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    result = subprocess.run(
        [sys.executable, "-m", "heygen2liveavatar", "migrate", "--diff", "app"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert (project / "app" / "client.py").read_text() == HEYGEN_STOP
    assert result.stdout.startswith("--- a/app/client.py\n+++ b/app/client.py\n")
    assert "\x1b[" not in result.stdout  # no colour when not a terminal
    applied = subprocess.run(
        ["git", "apply", "-"], cwd=project, input=result.stdout, text=True, capture_output=True
    )
    assert applied.returncode == 0, applied.stderr
    assert (project / "app" / "client.py").read_text() == MIGRATED_STOP


def test_directory_given_with_a_trailing_slash(project: Path) -> None:
    result = invoke("migrate", "--check", str(project / "app") + "/")
    assert result.exit_code == 1, result.output
    assert "would change" in result.output


def test_diff_colour_can_be_forced(project: Path) -> None:
    result = invoke("migrate", "--diff", "--color", str(project / "app" / "client.py"))
    assert "\x1b[" in result.output


def test_check_mode_lists_files_and_writes_nothing(project: Path) -> None:
    result = invoke("migrate", "--check", str(project / "app"))
    assert result.exit_code == 1
    assert (project / "app" / "client.py").read_text() == HEYGEN_STOP
    lines = [
        line
        for line in result.output.splitlines()
        if "would change" in line and ":" in line.split()[0]
    ]
    assert len(lines) == 1 and "client.py" in lines[0]


def test_modes_are_mutually_exclusive(project: Path) -> None:
    result = invoke("migrate", "--diff", "--check", str(project))
    assert result.exit_code == 2


def test_nothing_to_do_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(UNRELATED)
    result = invoke("migrate", str(tmp_path))
    assert result.exit_code == 0
    assert "0 files changed" in result.output


def test_json_report_matches_the_contract(project: Path) -> None:
    result = invoke("migrate", "--check", "--format", "json", str(project / "app"))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["tool"] == {"name": "heygen2liveavatar", "version": __version__}
    assert report["summary"] == {
        "files_scanned": 2,
        "files_changed": 1,
        "fixes": 3,
        "manual": 0,
        "errors": 0,
        "files_created": 0,
        "acknowledged": 0,
    }
    (entry,) = report["files"]
    assert entry["path"].endswith("client.py")
    assert entry["status"] == "changed"
    assert entry["error"] is None
    for finding in entry["findings"]:
        assert set(finding) == {"rule", "kind", "line", "column", "message"}
        assert finding["kind"] in ("fix", "manual")
        assert finding["line"] >= 1 and finding["column"] >= 1
    assert {f["rule"] for f in entry["findings"]} == {"H2L103", "H2L401"}


def test_json_with_diff_keeps_stdout_parseable(project: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "heygen2liveavatar",
            "migrate",
            "--diff",
            "--format",
            "json",
            str(project / "app"),
        ],
        capture_output=True,
        text=True,
    )
    json.loads(result.stdout)
    assert "+++ b/" in result.stderr


def test_select_and_ignore_prefixes(project: Path) -> None:
    # A URL is migrated whole or not at all: the path rule alone leaves it HeyGen's.
    only_stop = invoke("migrate", "--diff", "--select", "H2L1", str(project / "app"))
    assert "sessions/stop" not in only_stop.output and "liveavatar.com" not in only_stop.output
    stop_and_base = invoke("migrate", "--diff", "--select", "H2L1,H2L401", str(project / "app"))
    assert "sessions/stop" in stop_and_base.output and "liveavatar.com" in stop_and_base.output
    assert "H2L403" not in stop_and_base.output
    no_stop = invoke("migrate", "--diff", "--ignore", "H2L103", str(project / "app"))
    assert "sessions/stop" not in no_stop.output and "api.liveavatar.com/v1" not in no_stop.output
    bad = invoke("migrate", "--select", "X999", str(project))
    assert bad.exit_code == 2


def test_pyproject_configuration_and_cli_precedence(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.heygen2liveavatar]\nignore = ["H2L401"]\nexclude = ["app/skip*"]\n'
    )
    (project / "app" / "skipped.py").write_text(HEYGEN_STOP)
    result = invoke("migrate", "--diff", "app", cwd=project)
    assert "sessions/stop" in result.output
    assert "liveavatar.com" not in result.output  # ignored by config
    assert "skipped.py" not in result.output
    # --ignore adds to the configured list, as --exclude does: both rules are now skipped.
    extended = invoke("migrate", "--diff", "--ignore", "H2L103", "app", cwd=project)
    assert "liveavatar.com" not in extended.output and "sessions/stop" not in extended.output
    # --select on the command line wins over a configured select; the configured ignore stays.
    selected = invoke("migrate", "--diff", "--select", "H2L401", "app", cwd=project)
    assert "liveavatar.com" not in selected.output


def test_empty_select_is_a_usage_error(project: Path) -> None:
    for value in ("", ",", " "):
        result = invoke("migrate", "--check", "--select", value, "app", cwd=project)
        assert result.exit_code == 2, value
        assert "--select" in result.output
    assert (project / "app" / "client.py").read_text() == HEYGEN_STOP


def test_bad_configuration_is_a_usage_error(project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.heygen2liveavatar]\nselct = ['H2L1']\n")
    result = invoke("migrate", "app", cwd=project)
    assert result.exit_code == 2
    assert "selct" in result.output


def test_stdin_mode(project: Path) -> None:
    # Run from the project: stdin mode reads the facts of the project around it (the
    # repository's own files open sessions, whose stops would then release their rooms).
    result = invoke("migrate", "-", "--stdin-filename", "client.py", input=HEYGEN_STOP, cwd=project)
    assert result.exit_code == 1
    assert result.stdout == MIGRATED_STOP
    unchanged = invoke("migrate", "-", input=UNRELATED)
    assert unchanged.exit_code == 0 and unchanged.stdout == UNRELATED
    diff = invoke("migrate", "--diff", "-", "--stdin-filename", "x.py", input=HEYGEN_STOP)
    assert diff.stdout.startswith("--- a/x.py")
    broken = invoke("migrate", "-", "--stdin-filename", "bad.py", input="import heygen\ndef (:\n")
    assert broken.exit_code == 2
    assert broken.stdout == "import heygen\ndef (:\n"
    assert "bad.py" in broken.stderr


def test_stdin_must_be_the_only_path(project: Path) -> None:
    assert invoke("migrate", "-", str(project)).exit_code == 2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_give_the_same_results_in_the_same_order(tmp_path: Path, jobs: str) -> None:
    for index in range(12):
        (tmp_path / f"m{index:02}.py").write_text(HEYGEN_STOP if index % 2 else UNRELATED)
    result = invoke("migrate", "--check", "--jobs", jobs, "--format", "json", str(tmp_path))
    report = json.loads(result.stdout)
    paths = [entry["path"] for entry in report["files"]]
    assert paths == sorted(paths) and len(paths) == 6
    assert report["summary"]["files_scanned"] == 12


def test_workers_start_during_discovery_and_receive_the_options_pickled_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With enough candidates, the workers start while the parent still reads the project
    (they import LibCST themselves, in parallel with it); the options, project facts
    included, are pickled once and every batch carries the same bytes, which a worker
    unpickles once. The results are those of one process, with the diffs, in order."""
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    from heygen2liveavatar.engine import runner

    for index in range(12):
        (tmp_path / f"m{index:02}.py").write_text(HEYGEN_STOP if index % 2 else UNRELATED)
    submitted: list[tuple[str, tuple[object, ...]]] = []
    submit = ProcessPoolExecutor.submit

    def recording_submit(self: ProcessPoolExecutor, fn: object, *args: object) -> object:
        submitted.append((getattr(fn, "__name__", ""), args))
        return submit(self, fn, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ProcessPoolExecutor, "submit", recording_submit)
    alone = invoke("migrate", "--diff", "--jobs", "1", str(tmp_path))
    assert submitted == []
    pooled = invoke("migrate", "--diff", "--jobs", "2", str(tmp_path))
    names = [name for name, _args in submitted]
    assert names[:2] == ["_started", "_started"] and names.count("_worker_process") > 1
    payloads = [args[-1] for name, args in submitted if name == "_worker_process"]
    assert all(isinstance(p, bytes) and p == payloads[0] for p in payloads)
    assert isinstance(pickle.loads(payloads[0]), runner.RunOptions)
    assert runner._POOL_OPTIONS is None
    assert pooled.exit_code == alone.exit_code == 1
    assert pooled.stdout == alone.stdout
    added = [line for line in MIGRATED_STOP.splitlines() if line not in HEYGEN_STOP.splitlines()]
    assert added and all(f"+{line}" in pooled.stdout for line in added)


def test_batches_keep_the_order_and_end_with_single_files() -> None:
    from heygen2liveavatar.engine.discovery import SourceFile
    from heygen2liveavatar.engine.runner import BATCH_BYTES, _batches

    files = [SourceFile(f"m{i}.py", f"/p/m{i}.py", size=4000) for i in range(40)]
    batches = _batches(files, 2)
    assert [source for batch in batches for source in batch] == files
    assert [len(batch) for batch in batches[-4:]] == [1, 1, 1, 1]
    assert all(sum(s.size for s in batch) <= BATCH_BYTES for batch in batches)
    assert len(batches) >= 2 * 4  # at least four batches a worker


def test_a_worker_unpickles_the_same_options_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle

    from heygen2liveavatar.engine import runner

    loads: list[bytes] = []
    real_loads = pickle.loads

    def counting_loads(data: bytes) -> object:
        loads.append(data)
        return real_loads(data)

    monkeypatch.setattr(runner, "_RECEIVED_OPTIONS", None)
    monkeypatch.setattr(runner.pickle, "loads", counting_loads)
    first = pickle.dumps(runner.RunOptions(mode=runner.MODE_CHECK))
    second = pickle.dumps(runner.RunOptions(mode=runner.MODE_DIFF))
    for payload in (first, bytes(first), first, second, second):
        assert runner._worker_process([], payload) == []
    assert loads == [first, second]


def test_bad_inputs_are_reported_per_file_and_left_untouched(tmp_path: Path) -> None:
    files = {
        "syntax.py": b"import requests\nrequests.post('https://api.heygen.com/v1/streaming.stop'\n",
        "undecodable.py": b"# heygen\nx = '\xff\xfe'\n",
        "nul.py": b"# heygen\x00\n",
        "good.py": HEYGEN_STOP.encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    unreadable = tmp_path / "unreadable.py"
    unreadable.write_text(HEYGEN_STOP)
    unreadable.chmod(0)
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    try:
        result = invoke("migrate", "--format", "json", str(tmp_path))
    finally:
        unreadable.chmod(0o644)
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    errors = {Path(e["path"]).name: e["error"] for e in report["files"] if e["status"] == "error"}
    assert "line 3" in errors["syntax.py"] or "line 2" in errors["syntax.py"]
    assert "line 2" in errors["undecodable.py"] and "utf-8" in errors["undecodable.py"]
    assert "null byte" in errors["nul.py"]
    if os.geteuid() != 0:  # root reads anything
        assert "unreadable.py" in errors
    assert "loop" not in errors  # a skipped path, noted on stderr (issue 15 item 10)
    assert "directory loop" in result.stderr
    for name, data in files.items():
        if name != "good.py":
            assert (tmp_path / name).read_bytes() == data
    assert (tmp_path / "good.py").read_text() == MIGRATED_STOP


def test_encoding_newlines_and_mode_are_preserved(tmp_path: Path) -> None:
    crlf = tmp_path / "crlf.py"
    crlf.write_bytes(HEYGEN_STOP.replace("\n", "\r\n").encode())
    bom = tmp_path / "bom.py"
    bom.write_bytes(b"\xef\xbb\xbf" + HEYGEN_STOP.encode())
    latin = tmp_path / "latin.py"
    latin.write_bytes(b"# -*- coding: latin-1 -*-\n# caf\xe9\n" + HEYGEN_STOP.encode())
    crlf.chmod(0o755)
    result = invoke("migrate", str(tmp_path))
    assert result.exit_code == 1
    assert crlf.read_bytes() == MIGRATED_STOP.replace("\n", "\r\n").encode()
    assert stat.S_IMODE(crlf.stat().st_mode) == 0o755
    assert bom.read_bytes() == b"\xef\xbb\xbf" + MIGRATED_STOP.encode()
    assert latin.read_bytes() == b"# -*- coding: latin-1 -*-\n# caf\xe9\n" + MIGRATED_STOP.encode()
    assert not list(tmp_path.glob(".*h2l-tmp"))


def test_discovery_skips_hidden_venv_build_and_gitignored(tmp_path: Path) -> None:
    for relative in (".hidden/a.py", "venv/lib/b.py", "build/c.py", "dist/d.py", "node_modules/e.py",
                     "env2/lib/site-packages/f.py", "ignored/g.py", "kept/h.py"):  # fmt: skip
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEYGEN_STOP)
    (tmp_path / "env2" / "pyvenv.cfg").write_text("home = /usr\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("ignored/\n")
    result = invoke("migrate", "--check", "--format", "json", ".", cwd=tmp_path)
    paths = sorted(Path(entry["path"]).as_posix() for entry in json.loads(result.stdout)["files"])
    assert paths == ["kept/h.py"]
    # An explicitly named file is always processed.
    explicit = invoke("migrate", "--check", "--format", "json", "ignored/g.py", cwd=tmp_path)
    assert [e["path"] for e in json.loads(explicit.stdout)["files"]] == ["ignored/g.py"]


def test_gitignored_files_by_name_and_a_walk_inside_an_ignored_directory(tmp_path: Path) -> None:
    """A file git ignores by its own pattern is skipped wherever it is (the walk asks files by
    name: their directories were pruned otherwise); a walk starting inside an ignored
    directory skips everything in it."""
    for relative in ("app/secret_client.py", "app/kept.py", "lib/secret_client.py",
                     "build2/sub/x.py", "app/nested/secret_client.py"):  # fmt: skip
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEYGEN_STOP)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / ".gitignore").write_text("app/secret_client.py\nbuild2/\n")
    result = invoke("migrate", "--check", "--format", "json", ".", cwd=tmp_path)
    paths = sorted(Path(entry["path"]).as_posix() for entry in json.loads(result.stdout)["files"])
    assert paths == ["app/kept.py", "app/nested/secret_client.py", "lib/secret_client.py"]
    inside = invoke("migrate", "--check", "--format", "json", "build2/sub", cwd=tmp_path)
    assert json.loads(inside.stdout)["files"] == []


def test_rules_and_explain() -> None:
    listing = invoke("rules", "--format", "json")
    rules = json.loads(listing.stdout)
    assert rules and all(set(rule) == {"code", "name", "summary", "fix", "docs"} for rule in rules)
    assert all(rule["fix"] in ("safe", "unsafe", "manual") for rule in rules)
    codes = [rule["code"] for rule in rules]
    assert codes == sorted(codes) and "H2L103" in codes
    text = invoke("rules")
    assert "H2L103" in text.output
    explained = invoke("explain", "h2l103")
    assert explained.exit_code == 0 and explained.output.startswith("# H2L103")
    assert invoke("explain", "H2L999").exit_code == 2


def test_unrelated_run_never_imports_libcst(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(UNRELATED)
    code = (
        "import sys\n"
        "from heygen2liveavatar.cli.main import main\n"
        "try:\n"
        "    main(['migrate', '--check', sys.argv[1]])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0, exc.code\n"
        "heavy = [m for m in ('libcst', 'rich', 'multiprocessing', 'concurrent.futures') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True)


def _fast_and_full(cwd: Path, *args: str, status: int = 0) -> tuple[str, str]:
    """The output of ``migrate ARGS`` with and without the fast path (both exit with
    ``status``, with the same standard error)."""
    command = [sys.executable, "-m", "heygen2liveavatar", "migrate", *args]
    fast = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    full = subprocess.run(
        command,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "HEYGEN2LIVEAVATAR_NO_FAST_PATH": "1"},
    )
    assert (fast.returncode, fast.stderr) == (full.returncode, full.stderr)
    assert fast.returncode == status
    return fast.stdout, full.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["--check"],
        ["--diff"],
        [],
        ["--check", "--format", "json"],
        ["--format=json", "--jobs", "2"],
        ["--check", "--quiet"],
        ["--check", "--no-inventory"],
    ],
)
def test_fast_path_prints_what_the_full_command_prints(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text(UNRELATED)
    (tmp_path / "pkg" / "b.py").write_text("x = 'streaming video'\n")
    (tmp_path / "notes.md").write_text("# notes\n")
    fast, full = _fast_and_full(tmp_path, *args, "pkg", "notes.md")
    assert fast == full


def test_fast_path_counts_a_file_of_overlapping_paths_once(tmp_path: Path) -> None:
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "a.py").write_text(UNRELATED)
    (tmp_path / "pkg" / "sub" / "b.py").write_text(UNRELATED)
    fast, full = _fast_and_full(tmp_path, "--check", "pkg", "pkg/sub", "pkg/a.py")
    assert fast == full and "(2 files scanned)" in fast


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_fast_path_walks_a_git_work_tree_with_its_ignore_rules(tmp_path: Path) -> None:
    """A directory in a git work tree is walked as the full command walks it: a HeyGen call
    in an ignored directory is not looked at, and the fast path answers (no full command)."""
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("generated/\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.py").write_text(UNRELATED)
    (tmp_path / "generated").mkdir()
    (tmp_path / "generated" / "old.py").write_text(HEYGEN_STOP)
    fast, full = _fast_and_full(tmp_path, "--check", ".")
    assert fast == full and "(1 file scanned)" in fast  # src/a.py
    check = (
        "import sys\n"
        "from heygen2liveavatar.cli.entry import fast_migrate\n"
        "print(fast_migrate(['migrate', '--check', '.']))\n"
        "print('click' in sys.modules)\n"
    )
    answer = subprocess.run(
        [sys.executable, "-c", check], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert answer.stdout.splitlines()[-2:] == ["0", "False"]
    fast, full = _fast_and_full(tmp_path, "--check", "--no-gitignore", ".", status=1)
    assert fast == full and "1 file would change" in full


def test_fast_path_does_not_load_click(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(UNRELATED)
    code = (
        "import sys\n"
        "from heygen2liveavatar.cli.entry import fast_migrate\n"
        "assert fast_migrate(['migrate', '--check', sys.argv[1]]) == 0\n"
        "heavy = [m for m in ('click', 'libcst', 'rich', 'dataclasses') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "a.py")], check=True)


def test_fast_path_answers_for_a_quoted_id_only_when_the_project_is_walked(
    tmp_path: Path,
) -> None:
    """A module naming a HeyGen-like id (a quoted md5, say) matters only through a session
    opener of its project: when the run walks the whole project and no file names HeyGen,
    there is none, and the fast path answers; when the project lies above the paths given,
    the full command reads its facts."""
    digest = 'EXPECTED = "d41d8cd98f00b204e9800998ecf8427e"\n'
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_md5.py").write_text(digest)
    (tmp_path / "tests" / "b.py").write_text(UNRELATED)
    check = (
        "import sys\n"
        "from heygen2liveavatar.cli.entry import fast_migrate\n"
        "print(fast_migrate(['migrate', '--check', *sys.argv[1:]]))\n"
    )

    def fast(*paths: str) -> str:
        run = subprocess.run(
            [sys.executable, "-c", check, *paths],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        )
        return run.stdout.splitlines()[-1]

    assert fast("tests") == "0"
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "app"\n')
    assert fast("tests") == "None"  # the project root is above what the run walks
    assert fast(".") == "0"


def test_python_api_matches_the_contract() -> None:
    from dataclasses import fields

    from heygen2liveavatar import Finding, MigrationError, migrate_source

    result = migrate_source(HEYGEN_STOP, filename="app.py")
    assert result.changed and result.code == MIGRATED_STOP
    assert [f.name for f in fields(Finding)] == ["rule", "kind", "line", "column", "message"]
    first = result.findings[0]
    assert first == Finding(first.rule, first.kind, first.line, first.column, first.message)
    assert result.findings == sorted(result.findings, key=lambda f: (f.line, f.column))
    only_stop = migrate_source(HEYGEN_STOP, filename="app.py", select=["H2L103", "H2L401"])
    assert {f.rule for f in only_stop.findings} == {"H2L103", "H2L401"}
    unchanged = migrate_source(UNRELATED)
    assert not unchanged.changed and unchanged.code == UNRELATED and unchanged.findings == []
    with pytest.raises(MigrationError) as raised:
        migrate_source("import requests  # heygen\ndef (:\n", filename="bad.py")
    assert raised.value.filename == "bad.py" and raised.value.line == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_of_a_latin_1_file_is_in_its_encoding_so_git_apply_accepts_it(
    tmp_path: Path,
) -> None:
    """The contract's `--diff` is for `git apply`, which compares the diff's lines with the
    file's bytes: a file declaring another encoding gets its diff in that encoding."""
    source = (
        b"# -*- coding: latin-1 -*-\nimport requests\nGREETING = 'caf\xe9'\n" + HEYGEN_STOP.encode()
    )
    (tmp_path / "latin.py").write_bytes(source)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for args in (["--diff"], ["--diff", "--format", "json"]):
        run = subprocess.run(
            [sys.executable, "-m", "heygen2liveavatar", "migrate", *args, "latin.py"],
            cwd=tmp_path,
            capture_output=True,
        )
        assert run.returncode == 1, run.stderr
        diff = run.stdout if args == ["--diff"] else run.stderr
        assert b"caf\xe9" in diff and "caf\u00e9".encode() not in diff
        (tmp_path / "change.patch").write_bytes(diff)
        check = subprocess.run(
            ["git", "apply", "--check", "change.patch"], cwd=tmp_path, capture_output=True
        )
        assert check.returncode == 0, check.stderr
