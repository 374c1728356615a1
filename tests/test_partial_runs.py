"""Partial runs (some files of a project) and the project-facts cache.

A partial run reads the facts of the whole project (its git work tree, or the nearest
``pyproject.toml``), so a file it migrates comes out byte for byte as in a whole-project run;
where the migration goes with changes to files it was not given, it writes nothing for that
file and names them. The facts read from each file are cached by content hash.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from partial_project import CLIENT, PROJECT, SETTINGS

from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
from heygen2liveavatar.engine.facts_cache import FactsCache
from heygen2liveavatar.engine.project_facts import FactsCollector, file_facts


def write_project(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / ".git").mkdir(exist_ok=True)  # the project's root (a git work tree)
    for name, content in files.items():
        (root / name).write_text(content, encoding="utf-8")
    return root


def read_project(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".git" not in path.parts
    }


def migrate(root: Path, *paths: str, mode: str = "write", fmt: str = "text") -> tuple[int, str]:
    """``heygen2liveavatar migrate PATHS`` run from ``root``: (exit status, report)."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(root)
    try:
        status = run_migrate(
            MigrateRequest(paths=list(paths), mode=mode, jobs=1, output_format=fmt),
            out=out,
            err=err,
        )
    finally:
        os.chdir(cwd)
    return status, out.getvalue() + err.getvalue()


@pytest.fixture
def whole(tmp_path: Path) -> dict[str, bytes]:
    """The project after a whole-project run (the reference)."""
    root = write_project(tmp_path / "whole", PROJECT)
    status, report = migrate(root, ".")
    assert status == 1, report
    migrated = read_project(root)
    assert migrated["settings.py"] != SETTINGS.encode()
    assert migrated["avatar_client.py"] != CLIENT.encode()
    assert b"livekit" in migrated["requirements.txt"]
    return migrated


@pytest.mark.parametrize("name", ["settings.py", "avatar_client.py"])
def test_one_file_at_a_time_gives_the_whole_project_bytes(
    tmp_path: Path, whole: dict[str, bytes], name: str
) -> None:
    """Each module migrated alone, the other one migrated already: the same bytes as the
    whole-project run (the settings module learns its base URL is a streaming base from
    the migrated client's `/sessions/...` paths)."""
    files = {key: value.decode() for key, value in whole.items()}
    files[name] = PROJECT[name]
    root = write_project(tmp_path / "partial", files)
    status, report = migrate(root, name)
    assert status == 1, report  # it changed the file
    assert read_project(root) == whole, report


def test_a_client_without_its_settings_module_is_not_half_migrated(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", PROJECT)
    before = read_project(root)

    status, report = migrate(root, "avatar_client.py", mode="check")
    assert status == 1
    assert "avatar_client.py: would change together with requirements.txt, settings.py" in report

    # Write mode writes nothing (no helper module either) and says which files to add.
    status, report = migrate(root, "avatar_client.py", fmt="json")
    assert status == 1
    assert read_project(root) == before
    document, _end = json.JSONDecoder().raw_decode(report)  # standard output comes first
    (entry,) = document["files"]
    assert entry["path"] == "avatar_client.py"
    assert entry["status"] == "unchanged"
    assert entry["needs"] == ["requirements.txt", "settings.py"]
    (finding,) = entry["findings"]
    assert finding["kind"] == "manual"
    assert "`settings.py`" in finding["message"]
    together = "avatar_client.py requirements.txt settings.py"
    assert f"`heygen2liveavatar migrate {together}`" in finding["message"]
    assert f"`pre-commit run --files {together}`" in finding["message"]


def test_the_settings_module_alone_names_its_client(tmp_path: Path) -> None:
    root = write_project(tmp_path / "project", PROJECT)
    status, report = migrate(root, "settings.py", mode="check")
    assert status == 1
    assert "settings.py: would change together with avatar_client.py" in report
    assert read_project(root)["settings.py"] == SETTINGS.encode()


def test_the_files_that_go_together_give_the_whole_project_bytes(
    tmp_path: Path, whole: dict[str, bytes]
) -> None:
    root = write_project(tmp_path / "project", PROJECT)
    status, report = migrate(root, "avatar_client.py", "settings.py", "requirements.txt")
    assert status == 1, report
    assert read_project(root) == whole  # cli.py untouched in both, the helper created


def test_standard_input_named_in_its_project_gets_the_project_facts(
    tmp_path: Path, whole: dict[str, bytes]
) -> None:
    """`--stdin-filename` places the source in its project: the same facts (the settings
    module's names are streaming settings) as a whole-project run."""
    root = write_project(tmp_path / "project", PROJECT)
    migrated = {key: value.decode() for key, value in whole.items()}
    write_project(root, {"avatar_client.py": migrated["avatar_client.py"]})
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "heygen2liveavatar",
            "migrate",
            "-",
            "--stdin-filename",
            "settings.py",
        ],
        input=SETTINGS.encode(),
        cwd=root,
        capture_output=True,
        timeout=120,
    )
    assert process.returncode == 1, process.stderr
    assert process.stdout == whole["settings.py"]


def test_standard_input_named_in_another_project_gets_that_projects_facts(
    tmp_path: Path, whole: dict[str, bytes]
) -> None:
    """Run from another project's directory, `--stdin-filename` still names the project
    the source belongs to (the contract): its facts, not those of the working directory."""
    root = write_project(tmp_path / "project", PROJECT)
    migrated = {key: value.decode() for key, value in whole.items()}
    write_project(root, {"avatar_client.py": migrated["avatar_client.py"]})
    elsewhere = write_project(
        tmp_path / "elsewhere",
        {"pyproject.toml": "[project]\nname = 'elsewhere'\n", "settings.py": "DEBUG = True\n"},
    )
    for name in ("../project/settings.py", str(root / "settings.py")):
        process = subprocess.run(
            [sys.executable, "-m", "heygen2liveavatar", "migrate", "-", "--stdin-filename", name],
            input=SETTINGS.encode(),
            cwd=elsewhere,
            capture_output=True,
            timeout=120,
        )
        assert process.returncode == 1, process.stderr
        assert process.stdout == whole["settings.py"], name
    # Without the project's facts the settings module is not known to hold streaming settings.
    alone = subprocess.run(
        [sys.executable, "-m", "heygen2liveavatar", "migrate", "-"],
        input=SETTINGS.encode(),
        cwd=elsewhere,
        capture_output=True,
        timeout=120,
    )
    assert alone.stdout != whole["settings.py"]


def test_standard_input_named_in_another_project_gets_that_projects_settings(
    tmp_path: Path,
) -> None:
    """The `[tool.heygen2liveavatar]` settings are the named file's project's too."""
    source = (
        "import os\n\nimport requests\n\nKEY = os.environ['HEYGEN_API_KEY']\n\n\n"
        "def stop(session_id):\n"
        "    requests.post('https://api.heygen.com/v1/streaming.stop',\n"
        "                  headers={'x-api-key': KEY}, json={'session_id': session_id})\n"
    )
    root = write_project(
        tmp_path / "project",
        {"pyproject.toml": '[tool.heygen2liveavatar]\nignore = ["H2L402"]\n'},
    )
    elsewhere = write_project(tmp_path / "elsewhere", {"pyproject.toml": "[project]\nname = 'x'\n"})

    def run(*names: str) -> str:
        process = subprocess.run(
            [sys.executable, "-m", "heygen2liveavatar", "migrate", "-", *names],
            input=source.encode(),
            cwd=elsewhere,
            capture_output=True,
            timeout=120,
        )
        assert process.returncode == 1, process.stderr
        return process.stdout.decode()

    assert "HEYGEN_API_KEY" not in run()  # the working directory's settings: every rule
    named = run("--stdin-filename", str(root / "client.py"))
    assert "os.environ['HEYGEN_API_KEY']" in named  # the project ignores H2L402
    assert "api.liveavatar.com/v1/sessions/stop" in named


# The facts cache ------------------------------------------------------------------------

ALIASED_SETTINGS = """import os

API_ROOT = os.getenv("HEYGEN_API_ROOT", "https://api.heygen.com/v1")
STREAMING_BASE = API_ROOT
"""


def test_cached_facts_are_the_facts_read_from_the_file(tmp_path: Path) -> None:
    cache = FactsCache(str(tmp_path / "cache"))
    data = CLIENT.encode()
    first = FactsCollector(cache)
    first.add(data)
    assert cache.misses == 1 and cache.hits == 0
    second = FactsCollector(cache)
    second.add(data)
    assert cache.hits == 1
    assert second.build() == first.build()
    assert cache.get(data) == file_facts(data)
    assert file_facts(data).imports == [
        (0, "requests", ()),
        (0, "settings", ("HEYGEN_API_KEY", "HEYGEN_BASE_URL", "REQUEST_TIMEOUT")),
    ]


VIDEO = """import requests

from settings import HEYGEN_API_KEY

VIDEO_BASE = "https://api.heygen.com"


def render(payload):
    return requests.post(f"{VIDEO_BASE}/v2/video/generate", json=payload, headers={"x-api-key": HEYGEN_API_KEY})
"""
KIOSK_LINE = 'KIOSK_BASE = os.getenv("KIOSK_BASE", "https://api.heygen.com/v1")\n'
KIOSK_MIGRATED = 'KIOSK_BASE = os.getenv("KIOSK_BASE", "https://api.liveavatar.com/v1")'


def test_an_edited_settings_module_is_read_again(tmp_path: Path, facts_cache_dir: Path) -> None:
    """Two hook-like runs on the client; between them the settings module changes which
    setting is the streaming base. The project also calls HeyGen's video API, so a HeyGen
    base URL is only rewritten when the facts say streaming calls use it: the second run
    must read the edited module's facts, not the cached ones of its first version."""
    client = CLIENT.replace("HEYGEN_BASE_URL", "STREAMING_BASE")
    settings = SETTINGS + KIOSK_LINE + "STREAMING_BASE = HEYGEN_BASE_URL\n"
    files = {**PROJECT, "avatar_client.py": client, "settings.py": settings, "video.py": VIDEO}
    root = write_project(tmp_path / "project", files)
    status, report = migrate(root, "avatar_client.py", mode="check")
    assert status == 1
    assert "would change together with requirements.txt, settings.py" in report
    assert any(facts_cache_dir.rglob("*.json")), "the run cached nothing"
    status, report = migrate(
        root, "avatar_client.py", "settings.py", "requirements.txt", mode="diff"
    )
    assert "-" + KIOSK_LINE not in report  # KIOSK_BASE serves no streaming call yet

    (root / "settings.py").write_text(
        settings.replace("STREAMING_BASE = HEYGEN_BASE_URL", "STREAMING_BASE = KIOSK_BASE"),
        encoding="utf-8",
    )
    status, report = migrate(root, "avatar_client.py", "settings.py", "requirements.txt")
    assert status == 1, report
    assert KIOSK_MIGRATED in (root / "settings.py").read_text(encoding="utf-8"), report


def uncached_run(tmp_path: Path, name: str) -> dict[str, bytes]:
    root = write_project(tmp_path / name, PROJECT)
    os.environ["HEYGEN2LIVEAVATAR_NO_CACHE"] = "1"
    try:
        migrate(root, "avatar_client.py", "settings.py", "requirements.txt")
    finally:
        del os.environ["HEYGEN2LIVEAVATAR_NO_CACHE"]
    return read_project(root)


def test_a_corrupt_cache_is_read_from_the_sources(
    tmp_path: Path, facts_cache_dir: Path, whole: dict[str, bytes]
) -> None:
    root = write_project(tmp_path / "first", PROJECT)
    migrate(root, "avatar_client.py", mode="check")
    entries = list(facts_cache_dir.rglob("*.json"))
    assert entries
    for number, entry in enumerate(entries):
        entry.write_bytes([b"", b"{", b"[1, 2]", b'{"openers": 3}', b"\xff\xfe"][number % 5])
    root = write_project(tmp_path / "second", PROJECT)
    status, report = migrate(root, "avatar_client.py", "settings.py", "requirements.txt")
    assert status == 1
    assert "0 errors" in report and "error:" not in report and "Traceback" not in report
    assert read_project(root) == whole == uncached_run(tmp_path, "uncached")


def test_an_unwritable_cache_directory_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, whole: dict[str, bytes]
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory would be\n", encoding="utf-8")
    monkeypatch.setenv("HEYGEN2LIVEAVATAR_CACHE_DIR", str(blocker / "cache"))
    root = write_project(tmp_path / "project", PROJECT)
    status, report = migrate(root, "avatar_client.py", "settings.py", "requirements.txt")
    assert status == 1
    assert "0 errors" in report and "error:" not in report and "Traceback" not in report
    assert read_project(root) == whole
    assert blocker.is_file()


def test_the_cache_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from heygen2liveavatar.engine.facts_cache import cache_root, default_cache

    monkeypatch.delenv("HEYGEN2LIVEAVATAR_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == str(tmp_path / "xdg" / "heygen2liveavatar")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_root() == str(tmp_path / "home" / ".cache" / "heygen2liveavatar")
    monkeypatch.setenv("HEYGEN2LIVEAVATAR_NO_CACHE", "1")
    assert default_cache() is None


def test_standard_input_is_not_half_migrated(tmp_path: Path) -> None:
    """The client on standard input, named in its project whose settings module is not
    migrated: the source comes back as it was and the report names the files."""
    root = write_project(tmp_path / "project", PROJECT)
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "heygen2liveavatar",
            "migrate",
            "-",
            "--stdin-filename",
            "avatar_client.py",
            "--format",
            "json",
        ],
        input=CLIENT.encode(),
        cwd=root,
        capture_output=True,
        timeout=120,
    )
    assert process.returncode == 1, process.stderr
    assert process.stdout == CLIENT.encode()  # a filter: the report is on standard error
    document = json.loads(process.stderr)
    (entry,) = document["files"]
    assert entry["needs"] == ["requirements.txt", "settings.py"]


def notebook(*cells: str) -> str:
    return json.dumps(
        {
            "cells": [
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "id": f"cell-{number}",
                    "metadata": {},
                    "outputs": [],
                    "source": source.splitlines(keepends=True),
                }
                for number, source in enumerate(cells)
            ],
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
            "nbformat": 4,
            "nbformat_minor": 5,
        },
        indent=1,
    )


DEMO = notebook(
    "%pip install requests\nimport requests\n\nfrom settings import HEYGEN_API_KEY, HEYGEN_BASE_URL",
    'session_id = "demo-session"\nrequests.post(\n    f"{HEYGEN_BASE_URL}/streaming.stop",\n'
    '    json={"session_id": session_id},\n    headers={"x-api-key": HEYGEN_API_KEY},\n)',
)


def test_a_notebook_goes_with_the_settings_module_it_imports(tmp_path: Path) -> None:
    files = {**PROJECT, "demo.ipynb": DEMO}
    whole_root = write_project(tmp_path / "whole", files)
    migrate(whole_root, ".")
    whole = read_project(whole_root)
    assert whole["demo.ipynb"] != DEMO.encode()

    root = write_project(tmp_path / "project", files)
    status, report = migrate(root, "demo.ipynb", mode="check")
    assert status == 1
    # The settings module's other importer (the client) goes with them, and the client's
    # manifest: the first run names them all, not only what the notebook imports.
    together = "avatar_client.py, requirements.txt, settings.py"
    assert f"demo.ipynb: would change together with {together}" in report
    status, report = migrate(
        root, "demo.ipynb", "settings.py", "avatar_client.py", "requirements.txt"
    )
    assert status == 1
    assert read_project(root) == whole, report


DJANGO_SETTINGS = """import os

HEYGEN_API_KEY = os.environ.get("HEYGEN_API_KEY", "")
HEYGEN_API_BASE = "https://api.heygen.com/v1"
"""

DJANGO_SERVICES = """import requests
from django.conf import settings


def close_session(session_id):
    resp = requests.post(
        f"{settings.HEYGEN_API_BASE}/streaming.stop",
        headers={"x-api-key": settings.HEYGEN_API_KEY},
        json={"session_id": session_id},
    )
    return resp.json()
"""


def test_a_django_module_goes_with_the_settings_module_it_reads_through_django(
    tmp_path: Path,
) -> None:
    """`from django.conf import settings` reads `DJANGO_SETTINGS_MODULE` without importing it
    by name: the client and the settings module holding its base URL and key still go
    together (either alone would send LiveAvatar paths to HeyGen, or HeyGen paths to
    LiveAvatar)."""
    files = {"site/__init__.py": "", "site/settings.py": DJANGO_SETTINGS}
    files |= {"coach/__init__.py": "", "coach/services.py": DJANGO_SERVICES}
    whole_root = tmp_path / "whole"
    for root in (whole_root, tmp_path / "project"):
        (root / "site").mkdir(parents=True)
        (root / "coach").mkdir()
        write_project(root, files)
    migrate(whole_root, ".")
    whole = read_project(whole_root)
    assert b"api.liveavatar.com" in whole["site/settings.py"]
    assert b"/sessions/stop" in whole["coach/services.py"]

    root = tmp_path / "project"
    before = read_project(root)
    status, report = migrate(root, "coach/services.py")
    assert status == 1
    assert "goes with changes to `site/settings.py`" in report
    status, report = migrate(root, "site/settings.py")
    assert status == 1
    assert "goes with changes to `coach/services.py`" in report
    assert read_project(root) == before
    status, report = migrate(root, "coach/services.py", "site/settings.py")
    assert read_project(root) == whole, report


def test_a_settings_key_field_the_run_migrates_is_not_marked_where_it_is_read(
    tmp_path: Path,
) -> None:
    # pydantic-settings reads ``heygen_api_key`` from HEYGEN_API_KEY; the run points the field
    # at LIVEAVATAR_API_KEY, so the client reading ``settings.heygen_api_key`` needs no one.
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'kiosk'\n")
    (tmp_path / "config.py").write_text(
        "from pydantic_settings import BaseSettings\n\n\n"
        "class Settings(BaseSettings):\n"
        "    heygen_api_key: str\n"
        '    heygen_api_url: str = "https://api.heygen.com/v1"\n'
    )
    (tmp_path / "client.py").write_text(
        "import requests\n\nfrom config import Settings\n\nsettings = Settings()\n\n\n"
        "def stop(session_id):\n"
        "    requests.post(\n"
        '        f"{settings.heygen_api_url}/streaming.stop",\n'
        '        headers={"x-api-key": settings.heygen_api_key},\n'
        '        json={"session_id": session_id},\n'
        "    )\n"
    )
    for paths in ((".",), ("client.py",)):
        _status, report = migrate(tmp_path, *paths, mode="check")
        assert "holds a HeyGen API key" not in report, report
    migrate(tmp_path, ".")
    assert 'validation_alias="LIVEAVATAR_API_KEY"' in (tmp_path / "config.py").read_text()
    assert "TODO(heygen2liveavatar)" not in (tmp_path / "client.py").read_text()


def test_standard_input_defining_a_token_model_is_held_like_a_partial_run(
    tmp_path: Path,
) -> None:
    """A model module naming no HeyGen word, which a token request elsewhere parses its
    response into, is read with its project's facts on standard input as in a partial run:
    its marker goes with the request's module, so both name that module instead of passing
    the source through unmarked."""
    import shutil

    case = Path(__file__).parent / "fixtures_projects" / "token_model_in_a_marker_free_module"
    root = tmp_path / "project"
    shutil.copytree(case / "input", root)
    (root / ".git").mkdir()
    source = (root / "tourclient" / "models.py").read_bytes()
    outcomes = []
    for arguments in (["-", "--stdin-filename", "tourclient/models.py"], ["tourclient/models.py"]):
        process = subprocess.run(
            [sys.executable, "-m", "heygen2liveavatar", "migrate", *arguments],
            input=source,
            cwd=root,
            capture_output=True,
            timeout=120,
        )
        assert process.returncode == 1, process.stderr
        outcomes.append(process.stderr if arguments[0] == "-" else process.stdout)
    stdin_report, partial_report = (outcome.decode() for outcome in outcomes)
    assert "goes with changes to\n  `tourclient/streaming_api.py`" in stdin_report
    finding = partial_report.split("\nrule ")[0]  # the stdin report adds the source line
    assert stdin_report.startswith(finding)
    assert (root / "tourclient" / "models.py").read_bytes() == source


KEEPALIVE = '''"""Keeps the kiosk's avatar session alive between visitors."""
import requests

from settings import HEYGEN_API_KEY, HEYGEN_BASE_URL


def ping(session_id: str) -> None:
    requests.post(
        f"{HEYGEN_BASE_URL}/streaming.keep_alive",
        json={"session_id": session_id},
        headers={"x-api-key": HEYGEN_API_KEY},
        timeout=10,
    ).raise_for_status()
'''


def test_the_files_named_are_all_that_go_together_not_only_the_nearest(tmp_path: Path) -> None:
    """The client goes with the settings module, which goes with the keep-alive module the
    client never imports: the command the finding names is the whole group, so following it
    once migrates them (naming only the settings module held it again for keepalive.py,
    whose message then left out the client's manifest: a user went round in circles)."""
    files = {**PROJECT, "keepalive.py": KEEPALIVE}
    reference = write_project(tmp_path / "whole", files)
    assert migrate(reference, ".")[0] == 1
    root = write_project(tmp_path / "project", files)

    status, report = migrate(root, "avatar_client.py", fmt="json")
    assert status == 1
    document, _end = json.JSONDecoder().raw_decode(report)
    (entry,) = document["files"]
    assert entry["needs"] == ["keepalive.py", "requirements.txt", "settings.py"]
    together = "avatar_client.py keepalive.py requirements.txt settings.py"
    assert f"`heygen2liveavatar migrate {together}`" in entry["findings"][0]["message"]

    status, report = migrate(root, *together.split())
    assert status == 1, report
    assert "not migrated" not in report
    assert read_project(root) == read_project(reference)


def test_files_of_the_run_held_together_are_named_in_the_command(tmp_path: Path) -> None:
    """Two files of the run wait for the same settings module: each one's command names
    the other too (pre-commit's `--files` replaces the list the hook was given)."""
    root = write_project(tmp_path / "project", {**PROJECT, "keepalive.py": KEEPALIVE})
    status, report = migrate(root, "avatar_client.py", "keepalive.py", fmt="json")
    assert status == 1
    document, _end = json.JSONDecoder().raw_decode(report)
    messages = {entry["path"]: entry["findings"][0]["message"] for entry in document["files"]}
    assert (
        "`heygen2liveavatar migrate avatar_client.py keepalive.py requirements.txt settings.py`"
        in messages["avatar_client.py"]
    )
    assert (
        "`heygen2liveavatar migrate keepalive.py avatar_client.py requirements.txt settings.py`"
        in messages["keepalive.py"]
    )


def test_standard_input_names_the_files_its_companions_go_with(tmp_path: Path) -> None:
    """An editor filtering the client through the tool is told the whole group, the
    keep-alive module reading the same settings included."""
    root = write_project(tmp_path / "project", {**PROJECT, "keepalive.py": KEEPALIVE})
    process = subprocess.run(
        [
            *(sys.executable, "-m", "heygen2liveavatar", "migrate", "-"),
            *("--stdin-filename", "avatar_client.py", "--format", "json"),
        ],
        input=CLIENT.encode(),
        cwd=root,
        capture_output=True,
        timeout=120,
    )
    assert process.returncode == 1, process.stderr
    assert process.stdout == CLIENT.encode()
    (entry,) = json.loads(process.stderr)["files"]
    assert entry["needs"] == ["keepalive.py", "requirements.txt", "settings.py"]
