"""Notebooks: code cells migrate, everything else in the ``.ipynb`` stays byte for byte.

Golden cases live in ``tests/fixtures_notebooks/<case>/``: ``input.ipynb``, ``expected.ipynb``
and ``expected-findings.json`` (``pytest --update-goldens`` rewrites the last two; read the diff).
The cases cover the layout Jupyter writes (indent 1, sorted keys, raw UTF-8), another writer's
(indent 2, insertion order, ASCII escapes, single-string sources, no final newline), cells in
other languages or not parseable, and a notebook whose only HeyGen text is in its outputs.
"""

from __future__ import annotations

import codecs
import io
import json
import shutil
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heygen2liveavatar.cli.run import MigrateRequest, run_migrate
from heygen2liveavatar.engine.discovery import SourceFile
from heygen2liveavatar.engine.notebook import migrate_notebook
from heygen2liveavatar.engine.runner import MODE_DIFF, MODE_WRITE, RunOptions, process_file
from heygen2liveavatar.engine.transform import migrate_text
from heygen2liveavatar.model import Finding, MigrationError
from heygen2liveavatar.rules import ALL_RULES

FIXTURES = Path(__file__).parent / "fixtures_notebooks"
CASES = sorted(p.parent for p in FIXTURES.glob("*/input.ipynb"))
STOP = 'requests.post("https://api.heygen.com/v1/streaming.stop", json={"session_id": sid})'
# Wrapped: the migrated call is longer than the cell's longest line (``analysis/file_style``).
STOP_MIGRATED = (
    "requests.post(\n"
    '    "https://api.liveavatar.com/v1/sessions/stop",\n'
    '    json={"session_id": sid, "reason": "USER_CLOSED"},\n'
    ")"
)
STOP_MIGRATED_LINES = STOP_MIGRATED.splitlines(keepends=True)


def notebook(*cells: dict[str, Any], language: str = "python", **dumps: Any) -> str:
    document = {
        "cells": list(cells),
        "metadata": {"language_info": {"name": language}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    options: dict[str, Any] = {"indent": 1, "sort_keys": True, "ensure_ascii": False}
    options.update(dumps)
    return json.dumps(document, **options) + "\n"


def code(source: str | list[str], cell_id: str = "c") -> dict[str, Any]:
    lines = source if isinstance(source, list) else source.splitlines(keepends=True)
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": cell_id,
        "metadata": {},
        "outputs": [],
        "source": lines,
    }


def migrate(text: str | bytes, name: str = "nb.ipynb") -> Any:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return migrate_notebook(data, name, ALL_RULES)


def sources(data: bytes) -> list[Any]:
    return [cell["source"] for cell in json.loads(data)["cells"]]


# --- Golden cases ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_notebook(case: Path, update_goldens: bool) -> None:
    data = (case / "input.ipynb").read_bytes()
    result = migrate(data, f"{case.name}/input.ipynb")
    findings = [f.to_json() for f in result.findings]
    if update_goldens:
        (case / "expected.ipynb").write_bytes(result.data)
        (case / "expected-findings.json").write_text(
            json.dumps(findings, indent=2) + "\n", encoding="utf-8"
        )
    assert result.data == (case / "expected.ipynb").read_bytes()
    assert findings == json.loads((case / "expected-findings.json").read_text(encoding="utf-8"))
    # Only code-cell sources may differ; outputs, metadata, ids and the rest are equal.
    old, new = json.loads(data), json.loads(result.data)
    assert {k: v for k, v in old.items() if k != "cells"} == {
        k: v for k, v in new.items() if k != "cells"
    }
    assert len(old["cells"]) == len(new["cells"])
    for old_cell, new_cell in zip(old["cells"], new["cells"]):
        assert {k: v for k, v in old_cell.items() if k != "source"} == {
            k: v for k, v in new_cell.items() if k != "source"
        }
        assert type(old_cell["source"]) is type(new_cell["source"])
        if old_cell["source"] != new_cell["source"]:
            assert old_cell["cell_type"] == "code"
    # The output is a fixed point, and the diff is exactly the byte change.
    assert migrate(result.data).data == result.data
    assert bool(result.diff) == (result.data != data)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_positions_are_in_the_json_text_and_name_the_cell(case: Path) -> None:
    """Line and column point at the finding's place in the ``.ipynb`` text as stored."""
    text = (case / "input.ipynb").read_text(encoding="utf-8")
    cells = json.loads(text)["cells"]
    json_lines = text.split("\n")
    for finding in migrate(text).findings:
        number, cell_line = _cell_reference(finding)
        source = cells[number - 1]["source"]
        lines = source if isinstance(source, list) else source.splitlines(keepends=True)
        raw = json_lines[finding.line - 1][finding.column - 1 :]
        # The stored string from this column to its closing quote, decoded...
        tail = json.loads('"' + raw[: _closing_quote(raw)] + '"')
        assert tail, finding
        # ...is the end of the cell line the message names (a list item is one line; a single
        # string runs on to the end of the cell).
        if isinstance(source, list):
            assert lines[cell_line - 1].endswith(tail), finding
        else:
            joined = "".join(lines)
            assert joined.endswith(tail), finding
            start = len(joined) - len(tail)
            assert joined.count("\n", 0, start) == cell_line - 1, finding


def _cell_reference(finding: Finding) -> tuple[int, int]:
    prefix = finding.message.split(":", 1)[0]  # "cell 3, line 2"
    cell_part, line_part = prefix.split(", ")
    return int(cell_part.split()[1]), int(line_part.split()[1])


def _closing_quote(raw: str) -> int:
    index = 0
    while raw[index] != '"':
        index += 2 if raw[index] == "\\" else 1
    return index


def test_diff_applies_with_git_and_names_the_cells(tmp_path: Path) -> None:
    case = FIXTURES / "jupyter-layout"
    target = tmp_path / "demo.ipynb"
    shutil.copyfile(case / "input.ipynb", target)
    result = process_file(
        SourceFile("demo.ipynb", str(target)), RunOptions(mode=MODE_DIFF, want_diff=True)
    )
    assert result.status == "changed" and target.read_bytes() == (case / "input.ipynb").read_bytes()
    headers = [line for line in result.diff.splitlines() if line.startswith("@@")]
    assert headers and all(" @@ cell " in header for header in headers)
    assert [h.rsplit(" ", 1)[1] for h in headers] == ["2", "3", "4"]
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (tmp_path / "change.patch").write_text(result.diff, encoding="utf-8")
    subprocess.run(["git", "apply", "change.patch"], cwd=tmp_path, check=True, capture_output=True)
    assert target.read_bytes() == (case / "expected.ipynb").read_bytes()


# --- Layout preservation --------------------------------------------------------------------


def test_bom_crlf_and_indent_4_are_kept() -> None:
    text = notebook(code(["import requests\n", STOP]), indent=4).replace("\n", "\r\n")
    data = codecs.BOM_UTF8 + text.encode("utf-8")
    result = migrate(data)
    # The one source line becomes the migrated lines, escaped and indented as stored.
    items = [json.dumps(line)[1:-1] for line in STOP_MIGRATED_LINES]
    expected = text.replace(json.dumps(STOP)[1:-1], '",\r\n                "'.join(items))
    assert result.data == codecs.BOM_UTF8 + expected.encode("utf-8")


def test_unchanged_lines_keep_their_escaping_and_new_lines_follow_the_file() -> None:
    # This file stores raw UTF-8, but one line was written with an escape by hand.
    text = notebook(code(["caf\u00e9 = 'ok'\n", STOP]))
    text = text.replace("café = 'ok'", "caf\\u00e9 = 'ok'", 1)
    text = text.replace('"source": [', '"source": [\n  "# ünïcode\\n",', 1)
    result = migrate(text)
    new_text = result.data.decode("utf-8")
    assert "caf\\u00e9 = 'ok'" in new_text and "# ünïcode" in new_text
    assert sources(result.data)[0] == ["# ünïcode\n", "café = 'ok'\n", *STOP_MIGRATED_LINES]


def test_a_single_string_source_stays_a_string() -> None:
    text = notebook({**code(""), "source": "import requests\n" + STOP})
    assert sources(migrate(text).data) == ["import requests\n" + STOP_MIGRATED]


def test_lines_added_by_a_rule_become_list_items() -> None:
    body = ["import requests\n", "\n", "resp = " + STOP + "\n", 'resp.json()["code"] == 100']
    result = migrate(notebook(code(body)))
    (source,) = sources(result.data)
    assert all(item.endswith("\n") for item in source[:-1])
    assert "".join(source) == migrate_text("".join(body), "cell.py", ALL_RULES).code


# --- IPython syntax -------------------------------------------------------------------------


def test_magics_shell_lines_and_help_are_preserved_exactly() -> None:
    body = [
        "%load_ext autoreload\n",
        "!pip install -q requests\n",
        "files = !ls -1 \\\n",
        "    data/\n",
        "import requests\n",
        "requests.post?\n",
        "if True:\n",
        "    %time " + STOP + "\n",
        "    " + STOP + "\n",
    ]
    result = migrate(notebook(code(body)))
    (source,) = sources(result.data)
    assert source[:8] == body[:8]  # the magic line is not Python: not migrated, only reported
    assert "".join(source[8:]) == textwrap.indent(STOP_MIGRATED, "    ") + "\n"
    reported = {(f.rule, f.message.split(":", 1)[0]) for f in result.findings if f.kind == "manual"}
    assert ("H2L913", "cell 1, line 8") in reported


def test_magic_like_lines_inside_strings_and_brackets_are_python() -> None:
    body = [
        "import requests\n",
        'doc = """\n',
        "%s is text\n",
        '"""\n',
        "call = (\n",
        "    !True,\n",  # not IPython: inside brackets (a syntax error for Python, kept as is)
        ")\n",
    ]
    result = migrate(notebook(code(body)))
    # The bracket line makes the cell a syntax error for Python: left alone, not masked.
    assert result.data == notebook(code(body)).encode("utf-8")
    body_ok = [*body[:4], STOP]
    (source,) = sources(migrate(notebook(code(body_ok))).data)
    assert source == [*body[:4], *STOP_MIGRATED_LINES]


def test_cells_are_migrated_together_so_names_cross_cells() -> None:
    first = code(["import requests\n", 'BASE = "https://api.heygen.com/v1"'], "one")
    second = code(
        ['requests.post(f"{BASE}/streaming.keep_alive", json={"session_id": sid})'], "two"
    )
    assert sources(migrate(notebook(first, second)).data) == [
        ["import requests\n", 'BASE = "https://api.liveavatar.com/v1"'],
        ['requests.post(f"{BASE}/sessions/keep-alive", json={"session_id": sid})'],
    ]


def test_non_python_kernels() -> None:
    js = code(['import StreamingAvatar from "@heygen/streaming-avatar";'])
    result = migrate(notebook(js, language="javascript"))
    # Line 10 of the JSON is `    "import StreamingAvatar from \"@heygen/...`: column 36 is the `@`.
    assert [(f.rule, f.line, f.column) for f in result.findings] == [("H2L910", 10, 36)]
    r_cell = code(['httr::POST("https://api.heygen.com/v1/streaming.stop")'])
    result = migrate(notebook(r_cell, language="R"))
    assert [f.rule for f in result.findings] == ["H2L914"]
    assert "kernel language is `r`" in result.findings[0].message
    assert not result.changed


def test_helper_modules_needed_by_cells_are_written_beside_the_notebook(tmp_path: Path) -> None:
    cell = (
        "import requests\n\n\ndef say(session_id, text):\n    requests.post(\n"
        '        "https://api.heygen.com/v1/streaming.task",\n'
        '        json={"session_id": session_id, "text": text, "task_type": "repeat"},\n    )\n'
    )
    needed = migrate_text(cell, "cell.py", ALL_RULES).support_modules
    if not needed:
        pytest.skip("no rule needs a helper module for this code today")
    target = tmp_path / "talk.ipynb"
    target.write_text(notebook(code(cell)), encoding="utf-8")
    result = process_file(SourceFile(str(target), str(target)), RunOptions(mode=MODE_WRITE))
    assert result.status == "changed"
    assert [(Path(support.real), support.rule) for support in result.support_files] == [
        (tmp_path / f"{name}.py", rule) for name, rule in needed.items()
    ]


# --- Broken notebooks -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"cells": [}, "heygen": 1}\n', "line 1: not a valid notebook: invalid JSON"),
        (b'["heygen"]', "the JSON is not an object"),
        (
            b'{"nbformat": 3, "worksheets": [], "heygen": 1}',
            "nbformat 3 notebooks are not supported",
        ),
        (b'{"metadata": {"heygen": 1}}', "no `cells` list"),
        (b'{"cells": [{"cell_type": "code", "source": 7}], "x": "heygen"}', "neither a string"),
        (b'{"cells": [{"source": "heygen"}]}', "has no `cell_type`"),
        (b'{"cells": [], "x": "heygen \xff"}', "not UTF-8"),
        (
            notebook(code("__heygen2liveavatar_cell_1__ = 1\n" + STOP)).encode("utf-8"),
            "reserved name prefix",
        ),
    ],
)
def test_broken_notebooks_are_file_errors_and_stay_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    target = tmp_path / "broken.ipynb"
    target.write_bytes(content)
    result = process_file(SourceFile("broken.ipynb", str(target)), RunOptions(mode=MODE_WRITE))
    assert result.status == "error"
    assert result.error is not None and message in result.error
    assert target.read_bytes() == content


def test_cli_processes_notebooks_found_in_directories(tmp_path: Path) -> None:
    (tmp_path / "nb.ipynb").write_text(notebook(code(["import requests\n", STOP])), "utf-8")
    out, err = io.StringIO(), io.StringIO()
    request = MigrateRequest(paths=[str(tmp_path)], output_format="json", jobs=1)
    assert run_migrate(request, out=out, err=err) == 1
    (entry,) = json.loads(out.getvalue())["files"]
    assert entry["status"] == "changed" and entry["path"].endswith("nb.ipynb")
    assert sources((tmp_path / "nb.ipynb").read_bytes()) == [
        ["import requests\n", *STOP_MIGRATED_LINES]
    ]
    out = io.StringIO()
    assert run_migrate(request, out=out, err=err) == 0
    assert json.loads(out.getvalue())["files"] == []


def test_skipped_cell_rule_docs_show_the_real_report() -> None:
    from heygen2liveavatar.rules import RULES_BY_CODE

    rule = RULES_BY_CODE["H2L914"]
    cell = rule.example_before.strip() + "\n"
    # nbformat's own layout (indent 1, keys in nbformat's order), as the docs say.
    text = json.dumps(
        {
            "cells": [
                {
                    "cell_type": "code",
                    "execution_count": None,
                    "metadata": {},
                    "outputs": [],
                    "source": cell.splitlines(keepends=True),
                }
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        },
        indent=1,
    )
    (finding,) = migrate(text, "demo.ipynb").findings
    shown = f"demo.ipynb:{finding.line}:{finding.column}: H2L914 [manual] {finding.message}"
    if "Missing parentheses in call to 'print'. Did you mean print(...)?" in finding.message:
        assert shown in rule.docs()  # the wording of Python's message varies between versions


# --- A notebook migrates like the module it holds -------------------------------------------

PYTHON_FIXTURES = Path(__file__).parent / "fixtures"
# One golden Python case per area keeps this quick; the areas cover every rule.
SAMPLES = sorted(
    {
        case.parent.parent.name: case for case in sorted(PYTHON_FIXTURES.glob("*/*/input.py"))
    }.values()
)


def _cells_at_top_level_statements(source: str) -> list[str]:
    import ast

    lines = source.splitlines(keepends=True)
    starts = [0]
    for node in ast.parse(source).body[1:]:
        decorators = getattr(node, "decorator_list", None)
        starts.append((decorators[0].lineno if decorators else node.lineno) - 1)
    cells = ["".join(lines[a:b]) for a, b in zip(starts, [*starts[1:], len(lines)])]
    return [cell[:-1] if cell.endswith("\n") else cell for cell in cells]  # as Jupyter stores them


def _code_lines(text: str) -> list[str]:
    """Lines other than blank ones and imports (whose placement may follow cell boundaries)."""
    return [
        line
        for line in text.splitlines()
        if line.strip() and not line.startswith(("import ", "from "))
    ]


@pytest.mark.parametrize("case", SAMPLES, ids=[c.parent.parent.name for c in SAMPLES])
def test_a_notebook_migrates_like_its_module(case: Path) -> None:
    source = case.read_text(encoding="utf-8")
    try:
        expected = migrate_text(source, "module.py", ALL_RULES)
    except MigrationError:
        pytest.skip("the module itself is not migratable")
    # One cell: exactly the module's result.
    result = migrate(notebook(code(source)))
    assert "".join(sources(result.data)[0]) == expected.code
    assert [(f.rule, f.kind) for f in result.findings] == [
        (f.rule, f.kind) for f in expected.findings
    ]
    # One cell per top-level statement: the same code, imports possibly in the first cell.
    cells = _cells_at_top_level_statements(source)
    result = migrate(notebook(*(code(cell, f"c{i}") for i, cell in enumerate(cells))))
    joined = "\n".join("".join(cell) for cell in sources(result.data))
    assert _code_lines(joined) == _code_lines(expected.code)
    assert sorted((f.rule, f.kind) for f in result.findings) == sorted(
        (f.rule, f.kind) for f in expected.findings
    )


# --- Any mix of Python and IPython lines ----------------------------------------------------
# (No open strings in the mix: a `!curl` line inside a string is Python text, which the rules
# may rewrite; strings are covered by test_magic_like_lines_inside_strings_and_brackets_are_python.)

PYTHON_LINES = [
    "import requests\n",
    'BASE = "https://api.heygen.com/v1"\n',
    'requests.post(f"{BASE}/streaming.stop", json={"session_id": sid})\n',
    'requests.post("https://api.heygen.com/v1/streaming.keep_alive", json={})\n',
    "def f(sid):\n",
    '    return requests.post(f"{BASE}/streaming.stop", json={"session_id": sid})\n',
    "x = (1,\n",
    "     2)\n",
    "if True:\n",
    "    pass\n",
    "\n",
    "# a comment\n",
]
IPYTHON_LINES = [
    "!pip install -q requests\n",
    "%time 1\n",
    "files = !ls\n",
    "requests.post?\n",
    "%env HEYGEN_API_KEY=sk\n",
    "!curl https://api.heygen.com/v1/streaming.list \\\n",
    "    !echo indented\n",
]
CELL_MAGICS = ["", "", "", "%%time\n", "%%capture out\n", "%%bash\n", "%%writefile tool.py\n"]


@given(
    cells=st.lists(
        st.tuples(
            st.sampled_from(CELL_MAGICS),
            st.lists(st.sampled_from(PYTHON_LINES + IPYTHON_LINES), max_size=8),
            st.booleans(),
        ),
        min_size=1,
        max_size=4,
    ),
    indent=st.sampled_from([None, 1, 2]),
    ascii_only=st.booleans(),
)
def test_any_mix_of_cells_migrates_without_losing_ipython_lines(
    cells: list[tuple[str, list[str], bool]], indent: int | None, ascii_only: bool
) -> None:
    stored = []
    for magic, lines, as_list in cells:
        source = (magic + "".join(lines)).removesuffix("\n") if lines else magic
        stored.append(
            {**code(""), "source": source.splitlines(keepends=True) if as_list else source}
        )
    data = notebook(*stored, indent=indent, ensure_ascii=ascii_only).encode("utf-8")
    result = migrate(data)  # never an error: broken cells are skipped, not fatal
    for old, new in zip(json.loads(data)["cells"], json.loads(result.data)["cells"]):
        old_text, new_text = "".join(old["source"]), "".join(new["source"])
        for line in IPYTHON_LINES:
            assert old_text.count(line.rstrip("\n")) == new_text.count(line.rstrip("\n"))
    assert migrate(result.data).data == result.data
