"""Where the engine writes the helper module and how migrated files import it.

One copy per import root (top-level package, namespace package, scripts folder), imported the
way the project's own imports work; recognised by its version marker, never by its name.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from heygen2liveavatar.engine.placement import clear_caches, place_helper

SRC = Path(__file__).resolve().parent.parent / "src"
BRIDGE = "liveavatar_bridge"

# A module whose HeyGen call becomes an event: the migrated code imports the helper.
INTERRUPT = """\
import requests

API = "https://api.heygen.com/v1"


def interrupt(session_id):
    requests.post(f"{API}/streaming.interrupt", json={"session_id": session_id})
"""


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def migrate(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "heygen2liveavatar", "migrate", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def report(result: subprocess.CompletedProcess[str]) -> dict[str, dict[str, object]]:
    assert result.returncode in (0, 1), result.stderr
    return {entry["path"]: entry for entry in json.loads(result.stdout)["files"]}


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    clear_caches()


def test_ten_modules_in_three_packages_and_scripts_get_one_helper_per_import_root(
    tmp_path: Path,
) -> None:
    project = tmp_path / "project"
    write(
        project,
        {
            # Absolute imports of its own package.
            "app/__init__.py": "",
            "app/core/__init__.py": "",
            "app/core/settings.py": "TIMEOUT = 10\n",
            "app/core/avatar.py": "from app.core import settings\n" + INTERRUPT,
            "app/api/__init__.py": "",
            "app/api/routes.py": "from app.core.settings import TIMEOUT\n" + INTERRUPT,
            "app/worker.py": "import app.core.settings\n" + INTERRUPT,
            # Relative imports.
            "svc/__init__.py": "",
            "svc/a.py": "from . import b\n" + INTERRUPT,
            "svc/b.py": INTERRUPT,
            "svc/sub/__init__.py": "",
            "svc/sub/c.py": "from ..b import interrupt as other\n" + INTERRUPT,
            # A namespace package: no __init__.py, known by its relative imports.
            "nspkg/x.py": "from .y import interrupt as other\n" + INTERRUPT,
            "nspkg/y.py": INTERRUPT,
            "nspkg/inner/z.py": "from ..y import interrupt as other\n" + INTERRUPT,
            # Loose scripts.
            "scripts/run.py": INTERRUPT,
        },
    )
    result = migrate(".", "--format", "json", "--jobs", "2", cwd=project)
    files = report(result)
    created = sorted(path for path, entry in files.items() if entry["status"] == "created")
    assert created == [
        "app/liveavatar_bridge.py",
        "nspkg/liveavatar_bridge.py",
        "scripts/liveavatar_bridge.py",
        "svc/liveavatar_bridge.py",
    ]
    helpers = sorted(p.relative_to(project).as_posix() for p in project.rglob("liveavatar_*.py"))
    assert helpers == created
    imports = {
        "app/core/avatar.py": "from app import liveavatar_bridge",
        "app/api/routes.py": "from app import liveavatar_bridge",
        "app/worker.py": "from app import liveavatar_bridge",
        "svc/a.py": "from . import liveavatar_bridge",
        "svc/b.py": "from . import liveavatar_bridge",
        "svc/sub/c.py": "from .. import liveavatar_bridge",
        "nspkg/x.py": "from . import liveavatar_bridge",
        "nspkg/y.py": "from . import liveavatar_bridge",
        "nspkg/inner/z.py": "from .. import liveavatar_bridge",
        "scripts/run.py": "import liveavatar_bridge",
    }
    for name, statement in imports.items():
        text = (project / name).read_text(encoding="utf-8")
        assert statement in text.splitlines(), (name, text)
        assert "liveavatar_bridge.emit(session_id, " in text, (name, text)
    # Every import resolves: import the migrated modules in a fresh interpreter.
    modules = [n[: -len(".py")].replace("/", ".") for n in imports if not n.startswith("scripts")]
    code = f"import importlib\nfor name in {modules!r}:\n    importlib.import_module(name)\n"
    checked = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True)
    assert checked.returncode == 0, checked.stderr.decode()
    checked = subprocess.run(
        [sys.executable, "-c", "import run"], cwd=project / "scripts", capture_output=True
    )
    assert checked.returncode == 0, checked.stderr.decode()
    # A second run changes nothing and creates nothing.
    again = migrate(".", "--format", "json", cwd=project)
    assert again.returncode == 0 and json.loads(again.stdout)["files"] == [], again.stdout


def test_a_partial_run_imports_the_helper_as_the_whole_run_does(tmp_path: Path) -> None:
    write(tmp_path, {"pkg/__init__.py": "", "pkg/sub/__init__.py": "", "pkg/sub/m.py": INTERRUPT})
    migrate("pkg/sub/m.py", cwd=tmp_path)
    assert "from .. import liveavatar_bridge" in (tmp_path / "pkg/sub/m.py").read_text()
    assert (tmp_path / "pkg/liveavatar_bridge.py").exists()
    assert not (tmp_path / "pkg/sub/liveavatar_bridge.py").exists()


def test_a_users_own_module_of_that_name_is_left_alone(tmp_path: Path) -> None:
    mine = "def mine():\n    return 1\n"
    write(tmp_path, {"liveavatar_bridge.py": mine, "liveavatar_helper.py": mine, "m.py": INTERRUPT})
    files = report(migrate(".", "--format", "json", cwd=tmp_path))
    assert (tmp_path / "liveavatar_bridge.py").read_text() == mine
    assert (tmp_path / "liveavatar_helper.py").read_text() == mine
    assert files["liveavatar_helper2.py"]["status"] == "created"
    message = files["liveavatar_helper2.py"]["findings"][0]["message"]  # type: ignore[index]
    assert "`liveavatar_bridge.py` there is not the tool's helper" in message
    assert "import liveavatar_helper2 as liveavatar_bridge" in (tmp_path / "m.py").read_text()
    checked = subprocess.run([sys.executable, "-c", "import m"], cwd=tmp_path, capture_output=True)
    assert checked.returncode == 0, checked.stderr.decode()


def test_an_older_helper_is_updated_in_place(tmp_path: Path) -> None:
    old = '"""Send LiveAvatar events.\n\nheygen2liveavatar wrote this module beside your code."""\n'
    write(tmp_path, {"liveavatar_bridge.py": old, "m.py": INTERRUPT})
    files = report(migrate(".", "--format", "json", cwd=tmp_path))
    assert files["liveavatar_bridge.py"]["status"] == "changed"
    assert "updates the helper module" in str(files["liveavatar_bridge.py"]["findings"])
    helper = (tmp_path / "liveavatar_bridge.py").read_text()
    assert helper.startswith("# heygen2liveavatar helper: v5")
    assert "import liveavatar_bridge" in (tmp_path / "m.py").read_text()


def test_placement_reads_only_the_file_system(tmp_path: Path) -> None:
    write(tmp_path, {"top/__init__.py": "", "top/a/__init__.py": "", "top/a/b/__init__.py": ""})
    placement = place_helper(str(tmp_path / "top/a/b/m.py"), BRIDGE)
    assert placement.directory == str(tmp_path / "top")
    assert placement.levels_up == 2
    assert placement.importer.package == "..."  # no imports at all: relative by default
    assert place_helper(str(tmp_path / "x-y/m.py"), BRIDGE).importer.package is None


def test_standard_input_imports_plainly_and_says_where_to_create_the_helper(
    tmp_path: Path,
) -> None:
    plain = migrate("-", cwd=tmp_path, stdin=INTERRUPT)
    assert "import liveavatar_bridge\n" in plain.stdout
    said = " ".join(plain.stderr.split())  # the text report wraps its messages
    assert "create `liveavatar_bridge.py` beside this file" in said
    assert "templates/liveavatar_bridge.py" in said
    assert not list(tmp_path.iterdir())  # standard input writes no file
    write(tmp_path, {"pkg/__init__.py": "", "pkg/m.py": "from . import x\n"})
    named = migrate("-", "--stdin-filename", "pkg/m.py", cwd=tmp_path, stdin=INTERRUPT)
    assert "from . import liveavatar_bridge\n" in named.stdout
    assert str(tmp_path / "pkg" / "liveavatar_bridge.py") in " ".join(named.stderr.split())


def test_in_a_notebook_the_import_goes_into_the_first_cell_using_the_helper(
    tmp_path: Path,
) -> None:
    def cell(text: str) -> dict[str, object]:
        lines = text.splitlines(keepends=True)
        return {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
                "source": lines}  # fmt: skip

    body, call = INTERRUPT.split("\n\n\n")
    cells = [cell("%pip install requests\n"), cell(body + "\n"), cell(call)]
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "talk.ipynb").write_text(json.dumps(notebook, indent=1), encoding="utf-8")
    files = report(migrate(".", "--format", "json", cwd=tmp_path))
    assert files["liveavatar_bridge.py"]["status"] == "created"
    migrated = json.loads((tmp_path / "talk.ipynb").read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in migrated["cells"]]
    assert sources[0] == "%pip install requests\n"
    assert "liveavatar_bridge" not in sources[1]
    assert sources[2].startswith("import liveavatar_bridge\n")


def test_a_vercel_function_imports_the_helper_from_the_project_root(tmp_path: Path) -> None:
    # Vercel loads ``api/*.py`` by path with the project root on ``sys.path``, and every module
    # in ``api/`` becomes a route: the helper goes to the root, imported by its plain name.
    write(tmp_path, {"vercel.json": "{}", "api/avatar.py": INTERRUPT, "tools/run.py": INTERRUPT})
    result = migrate(".", "--format", "json", cwd=tmp_path)
    created = sorted(p for p, e in report(result).items() if e["status"] == "created")
    assert created == ["liveavatar_bridge.py", "tools/liveavatar_bridge.py"]
    assert "import liveavatar_bridge" in (tmp_path / "api/avatar.py").read_text().splitlines()
    checked = subprocess.run(
        [sys.executable, "-c", "import api.avatar"], cwd=tmp_path, capture_output=True
    )
    assert checked.returncode == 0, checked.stderr.decode()
    # Without a Vercel marker an ``api/`` folder of scripts keeps the helper beside them.
    clear_caches()
    other = tmp_path / "other"
    write(other, {"api/avatar.py": INTERRUPT})
    result = migrate(".", "--format", "json", cwd=other)
    assert [p for p, e in report(result).items() if e["status"] == "created"] == [
        "api/liveavatar_bridge.py"
    ]
