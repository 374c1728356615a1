"""The reduction (``engine/reduction.py``) changes what the pipeline parses, never its result.

Unit tests of what is left out, then differential tests: golden fixtures and e2e corpus
projects, padded with unrelated standard-library code (and with functions reading the
project's own names, which must keep what they read), are migrated with and without the
reduction and must give the same files, findings and exit status. CI runs a deterministic
sample; ``HEYGEN2LIVEAVATAR_REDUCTION_ALL=1`` runs every fixture and every corpus project.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import shutil
import sysconfig
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from heygen2liveavatar._prefilter import may_contain_heygen
from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
from heygen2liveavatar.engine import transform
from heygen2liveavatar.engine.project_facts import file_facts
from heygen2liveavatar.engine.reduction import decoded_layout, read_layout, reduce_source
from heygen2liveavatar.model import ProjectFacts

HERE = Path(__file__).parent
EVERYTHING = os.environ.get("HEYGEN2LIVEAVATAR_REDUCTION_ALL") == "1"
FIXTURES = sorted((HERE / "fixtures").rglob("input.py"))
CORPUS = sorted(p for p in (HERE / "e2e" / "corpus").iterdir() if (p / "project").is_dir())


def _unrelated(lines: int = 60) -> str:
    functions = "\n\n".join(
        f"def helper_{n}(values):\n    total = 0\n    for value in values:\n"
        f"        total += value * {n}\n    return total\n"
        for n in range(lines // 6)
    )
    return functions + "\n"


CLIENT = """import os

import requests

API = "https://api.heygen.com/v1"


def new_session(avatar_id):
    headers = {"X-Api-Key": os.environ["HEYGEN_API_KEY"]}
    return requests.post(f"{API}/streaming.new", json={"avatar_id": avatar_id}, headers=headers)


"""


def test_unrelated_functions_are_left_out_with_their_lines() -> None:
    text = CLIENT + _unrelated()
    reduction = reduce_source(text, None)
    assert reduction is not None
    assert reduction.text.count("\n") == text.count("\n")
    assert "def helper_3" not in reduction.text
    assert "def new_session" in reduction.text
    assert reduction.restore(reduction.text) == text


def test_a_function_linked_by_a_name_stays() -> None:
    # ``helper_2`` is called by the HeyGen function, ``uses_api`` reads its constant: both
    # may matter to a rule (a helper's body, a constant's other readers).
    text = (
        CLIENT.replace("return requests.post(", "helper_2([1])\n    return requests.post(")
        + "def uses_api():\n    return API\n\n\n"
        + _unrelated()
    )
    reduction = reduce_source(text, None)
    assert reduction is not None
    assert "def helper_2" in reduction.text
    assert "def uses_api" in reduction.text
    assert "def helper_4" not in reduction.text


def test_placeholders_read_the_imports_left_out_code_uses() -> None:
    # Pruning an import the rewrite left unused must still see the left-out code use it.
    text = CLIENT + "def walk():\n    return requests.get('x')\n\n\n" + _unrelated()
    reduction = reduce_source(text, None)
    assert reduction is not None
    assert "def walk" not in reduction.text
    assert any(", requests" in placeholder for placeholder, _ in reduction.placeholders)


def test_names_the_project_facts_give_a_role_stay() -> None:
    text = (
        "from avatar.client import open_room\n"
        + CLIENT
        + "def greet():\n    return open_room()\n\n\n"
    )
    text += _unrelated()
    alone = reduce_source(text, None)
    assert alone is not None and "def greet" not in alone.text
    with_facts = reduce_source(text, ProjectFacts(session_openers=frozenset({"open_room"})))
    assert with_facts is not None and "def greet" in with_facts.text


def test_a_role_counts_where_its_module_gave_it() -> None:
    # ``update`` is another module's request wrapper: this module's ``update`` is not (its
    # facts say which of its own names have a role), nor is ``stats.update()`` reached
    # through a standard-library import.
    text = (
        "import statistics as stats\n"
        + CLIENT
        + "def update(values):\n    return stats.update(values)\n\n\n"
        + _unrelated()
    )
    facts = ProjectFacts(wrapper_parameters=(("update", "url", "kb_id", 0),))
    everything = reduce_source(text, facts)
    assert everything is not None and "def update" in everything.text
    layout = read_layout(text)
    assert layout is not None
    own = reduce_source(text, facts, replace(layout, roles=frozenset()))
    assert own is not None and "def update" not in own.text
    mine = reduce_source(text, facts, replace(layout, roles=frozenset({"update"})))
    assert mine is not None and "def update" in mine.text


def test_a_role_read_through_a_project_import_stays() -> None:
    text = "from app import client\nimport json\n" + CLIENT
    text += "def refresh():\n    return client.update()\n\n\n"
    text += "def dump(values):\n    return json.update(values)\n\n\n" + _unrelated()
    facts = ProjectFacts(wrapper_parameters=(("update", "url", "kb_id", 0),))
    reduction = reduce_source(text, facts)
    assert reduction is not None
    assert "def refresh" in reduction.text
    assert "def dump" not in reduction.text


def test_file_facts_give_the_layout_their_own_roles() -> None:
    text = CLIENT.replace("def new_session", "def helper(x):\n  return x\n\n\ndef new_session")
    text += _unrelated()
    layout = decoded_layout(file_facts(text.encode()).layout)
    assert layout is not None and layout.roles == frozenset({"new_session"})


def test_the_facts_keep_the_layout_as_text_and_damaged_text_means_no_reduction() -> None:
    # Decoded where the file is migrated (a pool's worker), not by the parent reading every
    # file's facts; a damaged text migrates the file without the reduction, with no error.
    text = CLIENT + _unrelated()
    stored = file_facts(text.encode()).layout
    assert isinstance(stored, str)
    layout = decoded_layout(stored)
    assert layout is not None and replace(layout, roles=None) == read_layout(text)
    assert reduce_source(text, None, layout) == reduce_source(text, None)
    for damaged in ("{", "[]", '{"length": 1}', stored.replace('"units":[[', '"units":[["x",')):
        assert decoded_layout(damaged) is None


def test_unrelated_data_statements_are_left_out_but_imports_and_settings_stay() -> None:
    table = "".join(f"    'key_{n}': {n},\n" for n in range(80))
    data = "TABLE = {\n" + table + "}\nfor name in list(TABLE):\n    TABLE[name.upper()] = 0\n"
    text = CLIENT + "import json\n__all__ = ['new_session']\n" + data + "TIMEOUT = 30\n"
    reduction = reduce_source(text, None)
    assert reduction is not None
    assert "TABLE = {" not in reduction.text and "for name in" not in reduction.text
    assert "import json" in reduction.text and "__all__" in reduction.text
    assert reduction.restore(reduction.text) == text
    # A name the facts know as a setting (another module reads it as the streaming base).
    facts = ProjectFacts(streaming_base_names=frozenset({"TIMEOUT"}))
    with_facts = reduce_source(text, facts)
    assert with_facts is not None and "TIMEOUT = 30" in with_facts.text
    # Read by the HeyGen function: linked.
    linked = reduce_source(text.replace("json={", "timeout=TABLE, json={"), None)
    assert linked is None or "TABLE = {" in linked.text


def test_a_method_name_called_on_anything_does_not_keep_a_class() -> None:
    # ``response.close()`` in the HeyGen function does not relate every class with a
    # ``close`` method; a class the HeyGen function names does stay.
    methods = "".join(f"    def step_{n}(self):\n        return {n}\n\n" for n in range(20))
    pool = "class Pool:\n    def close(self):\n        return None\n\n" + methods + "\n"
    text = CLIENT.replace(
        "return requests.post(", "requests.get('x').close()\n    return requests.post("
    )
    reduction = reduce_source(text + pool + _unrelated(), None)
    assert reduction is not None and "class Pool" not in reduction.text
    named = text.replace("requests.get('x').close()", "Pool().close()")
    kept = reduce_source(named + pool + _unrelated(), None)
    assert kept is not None and "class Pool" in kept.text


def test_the_first_indented_block_stays() -> None:
    # LibCST takes the module's indentation from its first indented block.
    text = "import os\n\n\ndef first():\n  return 1\n\n\n" + CLIENT + _unrelated()
    reduction = reduce_source(text, None)
    assert reduction is not None
    assert "def first" in reduction.text


def test_small_or_unreadable_text_is_not_reduced() -> None:
    assert reduce_source(CLIENT, None) is None
    assert reduce_source(CLIENT + "def broken(:\n" + _unrelated(), None) is None
    assert reduce_source((CLIENT + _unrelated()).replace("\n", "\r"), None) is None


# Differential tests ----------------------------------------------------------------------


@cache
def _stdlib_modules() -> tuple[str, ...]:
    modules = []
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if not 80 <= text.count("\n") <= 250 or "__future__" in text or "\r" in text:
            continue
        if may_contain_heygen(text):
            continue
        try:
            ast.parse(text)
        except SyntaxError:
            continue
        modules.append(text)
    return tuple(modules)


def _padded(text: str, key: str) -> str | None:
    """``text`` with two standard-library modules put in (before its first function or class,
    and at its end) and two functions reading some of its own top-level names."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return None
    modules = _stdlib_modules()
    seed = int(hashlib.sha1(key.encode()).hexdigest(), 16)
    before, after = modules[seed % len(modules)], modules[(seed // 7) % len(modules)]
    definitions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    names = [s.name for s in tree.body if isinstance(s, definitions)]
    names += [
        t.id
        for s in tree.body
        if isinstance(s, ast.Assign)
        for t in s.targets
        if isinstance(t, ast.Name)
    ]
    readers = ""
    if names:
        picks = [names[(seed >> shift) % len(names)] for shift in (0, 4, 8)]
        readers = (
            "\n\ndef _reads_project_names():\n    return (" + ", ".join(picks) + ",)\n\n\n"
            "class _ReadsProjectNames:\n    def run(self):\n        return " + picks[-1] + "\n"
        )
    lines = text.splitlines(keepends=True)
    first = next((s for s in tree.body if isinstance(s, definitions)), None)
    at = len(lines)
    if first is not None:
        at = min([first.lineno, *(d.lineno for d in first.decorator_list)]) - 1
    head, tail = "".join(lines[:at]), "".join(lines[at:])
    if head and not head.endswith("\n"):
        head += "\n"
    if tail and not tail.endswith("\n"):
        tail += "\n"
    return head + "\n\n" + before + "\n\n" + tail + readers + "\n\n" + after


def _sample(items: list[Path], every: int) -> list[Path]:
    return items if EVERYTHING else items[::every]


def _both_ways(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, dict, dict]]:
    results = []
    for reduce in (True, False):
        copy = root.parent / f"{root.name}-{'reduced' if reduce else 'whole'}"
        shutil.copytree(root, copy)
        monkeypatch.setattr(transform, "REDUCE", reduce)
        out, err = io.StringIO(), io.StringIO()
        monkeypatch.chdir(copy)
        status = run_migrate(
            MigrateRequest(paths=["."], jobs=1, output_format="json"), out=out, err=err
        )
        files = {
            str(p.relative_to(copy)): p.read_bytes()
            for p in sorted(copy.rglob("*"))
            if p.is_file() and ".git" not in p.parts
        }
        report = json.loads(out.getvalue())
        results.append((status, report, files))
    return results


def _pad_project(root: Path, name: str) -> int:
    padded = 0
    for path in sorted(root.rglob("*.py")):
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        if not may_contain_heygen(text):
            continue
        new = _padded(text, f"{name}/{path.relative_to(root)}")
        if new is not None:
            path.write_text(new, encoding="utf-8", errors="surrogateescape")
            padded += 1
    return padded


@pytest.mark.parametrize(
    "fixture",
    _sample(FIXTURES, 4),
    ids=lambda p: str(p.parent.relative_to(HERE / "fixtures")),
)
def test_padded_fixture_migrates_the_same(
    fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    root.mkdir()
    (root / ".git").mkdir()
    shutil.copy(fixture, root / "app.py")
    _pad_project(root, str(fixture.parent))
    reduced, whole = _both_ways(root, monkeypatch)
    assert reduced == whole


def test_webrtc_response_reads_stay_in_the_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A function reading ``session_info["ice_servers"]`` names no HeyGen word, but H2L105
    marks it: padded, the reduction once left it out and its marker with it."""
    fixture = HERE / "fixtures" / "H2L105-webrtc-v1" / "ice_servers_passed_along" / "input.py"
    root = tmp_path / "project"
    root.mkdir()
    (root / ".git").mkdir()
    shutil.copy(fixture, root / "app.py")
    assert _pad_project(root, str(fixture.parent)) == 1
    reduced, whole = _both_ways(root, monkeypatch)
    assert reduced == whole
    assert b"TODO(heygen2liveavatar): H2L105" in reduced[2]["app.py"]


@pytest.mark.parametrize("case", _sample(CORPUS, 10), ids=lambda p: p.name)
def test_padded_corpus_project_migrates_the_same(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "project"
    shutil.copytree(case / "project", root)
    (root / ".git").mkdir(exist_ok=True)
    if not _pad_project(root, case.name):
        pytest.skip("no module the pre-filter passes")
    reduced, whole = _both_ways(root, monkeypatch)
    assert reduced == whole


def test_statements_left_out_one_after_another_share_one_placeholder() -> None:
    # A generated module of thousands of assignments: one placeholder, put back in one pass.
    table = "".join(f"value_{n} = {n}  # filler\n" for n in range(3000))
    text = CLIENT + "\n\n" + table
    reduction = reduce_source(text, None)
    assert reduction is not None and len(reduction.placeholders) == 1
    assert reduction.text.count("\n") == text.count("\n")
    assert reduction.restore(reduction.text) == text
    # A placeholder missing or twice in the output: no restoration (migrated again whole).
    placeholder = reduction.placeholders[0][0]
    assert reduction.restore(reduction.text.replace(placeholder, "")) is None
    assert reduction.restore(reduction.text + placeholder) is None
