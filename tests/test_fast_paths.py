"""The engine's fast paths give the same results as the LibCST machinery they replace.

``analysis.splice`` (code of an edited module from the original's tokens), ``analysis.index``
(literal values, the statement and trivia type tables, the parent/children tables, original
tokens, ``fast_visit`` paths), ``analysis.rebuild`` (path rebuilding) and the collector
handling of ``engine.runner``.
"""

from __future__ import annotations

import ast
import gc
import inspect
import re
import sysconfig
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import libcst as cst
import pytest

from heygen2liveavatar.analysis import splice
from heygen2liveavatar.analysis.codegen import FastCodegenState, code_of
from heygen2liveavatar.analysis.edits import EditSet
from heygen2liveavatar.analysis.index import (
    STATEMENT_TYPES,
    TRIVIA_TYPES,
    ModuleIndex,
    fast_visit,
    literal_value,
    new_nodes,
    walk_nodes,
)
from heygen2liveavatar.analysis.rebuild import rebuild_paths
from heygen2liveavatar.analysis.splice import edited_code
from heygen2liveavatar.engine import runner
from heygen2liveavatar.engine.discovery import SourceFile
from heygen2liveavatar.engine.results import STATUS_UNCHANGED, FileResult
from heygen2liveavatar.engine.transform import verify_output
from heygen2liveavatar.model import MARKER_PREFIX, MigrationError
from heygen2liveavatar.rules import ALL_RULES
from heygen2liveavatar.rules.base import RuleContext

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_INPUTS = sorted(FIXTURES.glob("**/input.py"))

# Standard-library sample for the literal test: small files first in name order, capped in
# count and in bytes so that the test stays well under a second.
STDLIB_MAX_FILES = 200
STDLIB_MAX_FILE_BYTES = 16_000
STDLIB_BYTE_BUDGET = 300_000

Edit = Callable[[cst.Module, ModuleIndex, EditSet], None]


def _fixture_id(path: Path) -> str:
    return path.parent.relative_to(FIXTURES).as_posix()


def _read(path: Path) -> str:
    # Bytes, then decode: ``read_text`` would translate CRLF line ends.
    return path.read_bytes().decode("utf-8")


def _walk(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """``node`` and all its descendants, through LibCST's own ``children``."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def _apply(source: str, edit: Edit) -> tuple[cst.Module, ModuleIndex]:
    """Parse ``source``, let ``edit`` fill an EditSet, and apply it as the engine does."""
    module = cst.parse_module(source)
    index = ModuleIndex(module)
    edits = EditSet()
    edit(module, index, edits)
    assert edits, "the case must make an edit"
    return edits.apply(module, index.imports, index.parents), index


def _string(index: ModuleIndex, value: str) -> cst.SimpleString:
    [node] = [
        site.node
        for site in index.strings
        if site.value == value and isinstance(site.node, cst.SimpleString)
    ]
    assert isinstance(node, cst.SimpleString)
    return node


def _call(index: ModuleIndex, name: str) -> cst.Call:
    [node] = [site.node for site in index.calls if site.name == name]
    return node


def _statement_with_string(index: ModuleIndex, value: str) -> cst.CSTNode:
    statement = index.statement_of(_string(index, value))
    assert statement is not None
    return statement


def _new_string(value: str) -> cst.SimpleString:
    return cst.SimpleString(repr(value))


def _marker(text: str) -> str:
    return f"# {MARKER_PREFIX} {text}"


# analysis.splice: edited_code ----------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURE_INPUTS, ids=_fixture_id)
def test_code_of_edited_matches_code_of_on_fixtures(path: Path) -> None:
    source = _read(path)
    module = cst.parse_module(source)
    ctx = RuleContext(module, str(path), False, None)
    ctx.selected = frozenset(rule.code for rule in ALL_RULES)
    for rule in ALL_RULES:
        ctx.rule_code = rule.code
        rule().check(ctx)
    if not ctx.edits:
        # Unedited: the original module is what the engine would print.
        assert edited_code(module, ctx.index).code == source
        return
    new = ctx.edits.apply(module, ctx.index.imports, ctx.index.parents)
    expected = code_of(new, new)
    assert edited_code(new, ctx.index).code == expected
    # The fast code generation itself agrees with LibCST's.
    assert expected == new.code


def test_fixtures_exercise_edits() -> None:
    """The parametrised test above is only meaningful if most fixtures are edited."""
    assert len(FIXTURE_INPUTS) >= 50
    edited = 0
    for path in FIXTURE_INPUTS:
        module = cst.parse_module(_read(path))
        ctx = RuleContext(module, str(path), False, None)
        ctx.selected = frozenset(rule.code for rule in ALL_RULES)
        for rule in ALL_RULES:
            ctx.rule_code = rule.code
            rule().check(ctx)
        if ctx.edits and ctx.edits.changes_code:
            edited += 1
    assert edited >= len(FIXTURE_INPUTS) // 2


def _replace_string(old: str, new: str) -> Edit:
    def edit(module: cst.Module, index: ModuleIndex, edits: EditSet) -> None:
        edits.replace(_string(index, old), _new_string(new))

    return edit


def _insert_before_string_statement(value: str, code: str) -> Edit:
    def edit(module: cst.Module, index: ModuleIndex, edits: EditSet) -> None:
        statement = _statement_with_string(index, value)
        assert isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        edits.insert_before(statement, [cst.parse_statement(code)])

    return edit


def _insert_after_string_statement(value: str, code: str) -> Edit:
    def edit(module: cst.Module, index: ModuleIndex, edits: EditSet) -> None:
        statement = _statement_with_string(index, value)
        assert isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        edits.insert_after(statement, [cst.parse_statement(code)])

    return edit


def _remove_string_statement(value: str) -> Edit:
    def edit(module: cst.Module, index: ModuleIndex, edits: EditSet) -> None:
        statement = _statement_with_string(index, value)
        assert isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        edits.remove(statement)

    return edit


def _mark_string_statement(value: str, text: str) -> Edit:
    def edit(module: cst.Module, index: ModuleIndex, edits: EditSet) -> None:
        statement = _statement_with_string(index, value)
        assert isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement))
        edits.add_marker(statement, text)

    return edit


def _all_of(*parts: Edit) -> Edit:
    def edit(module: cst.Module, index: ModuleIndex, edits: EditSet) -> None:
        for part in parts:
            part(module, index, edits)

    return edit


TABS_AND_MIXED = (
    "class A:\n"
    "\tdef f(self):\n"
    "\t    if x:\n"
    "\t      y = 'old'\n"
    "\t    z = 'keep'\n"
    "\n"
    "\tdef g(self):\n"
    "\t\treturn 'tab'\n"
    "\n"
    "def h():\n"
    "   return 'three'\n"
)
TRY_ALL_CLAUSES = (
    "try:\n"
    "    a = 'try'\n"
    "except ValueError as exc:\n"
    "    b = 'except'\n"
    "except (KeyError, TypeError):\n"
    "    pass\n"
    "else:\n"
    "    c = 'else'\n"
    "finally:\n"
    "    d = 'finally'\n"
)
MATCH = (
    "match command:\n"
    "    case ['go', direction]:\n"
    "        go(direction)\n"
    "    case {'action': action} if action != 'old':\n"
    "        act('old')\n"
    "    case Point(x=0, y=0) | None:\n"
    "        pass\n"
    "    case _:\n"
    "        other('default')\n"
)
COMMENTS = (
    "# header comment\n"
    "import os\n"
    "\n"
    "# above\n"
    "value = 'old'  # trailing\n"
    "# below\n"
    "\n"
    "other = 'keep'\n"
    "# footer\n"
)


@pytest.mark.parametrize(
    ("source", "edit", "expected"),
    [
        pytest.param(
            "a = 'old'\nb = 2\nc = 'last'",
            _replace_string("old", "new"),
            "a = 'new'\nb = 2\nc = 'last'",
            id="no-trailing-newline-last-untouched",
        ),
        pytest.param(
            "def f():\n    x = 'old'\n    if y:\n        return 'last'",
            _replace_string("old", "new"),
            "def f():\n    x = 'new'\n    if y:\n        return 'last'",
            id="no-trailing-newline-nested-last-untouched",
        ),
        pytest.param(
            "a = 1\nb = 'gone'",
            _remove_string_statement("gone"),
            "a = 1",
            id="no-trailing-newline-last-removed",
        ),
        pytest.param(
            "a = 'first'\nb = 'last'",
            _insert_before_string_statement("last", "c = 3\n"),
            "a = 'first'\nc = 3\nb = 'last'",
            id="no-trailing-newline-insert-before-last",
        ),
        pytest.param(
            "a = 'first'\nb = 'last'",
            # The original last statement is no longer last: it needs its newline back.
            _insert_after_string_statement("last", "c = 3\n"),
            "a = 'first'\nb = 'last'\nc = 3",
            id="no-trailing-newline-insert-after-last",
        ),
        pytest.param(
            "x = 1\ndef f():\n    if y:\n        return 'last'",
            lambda module, index, edits: edits.insert_after(
                module.body[-1],
                [cst.parse_statement("z = 2\n")],
            ),
            "x = 1\ndef f():\n    if y:\n        return 'last'\nz = 2",
            id="no-trailing-newline-insert-after-nested-last",
        ),
        pytest.param(
            "if a:\n    x = 'if'\nelif b:\n    x = 'elif'\nelif c:\n    x = 'elif2'\nelse:\n    x = 'else'\nz = 1\n",
            _replace_string("elif", "ELIF"),
            "if a:\n    x = 'if'\nelif b:\n    x = 'ELIF'\nelif c:\n    x = 'elif2'\nelse:\n    x = 'else'\nz = 1\n",
            id="elif-branch-only",
        ),
        pytest.param(
            "if a:\n    x = 'if'\nelif b:\n    x = 'elif'\nelse:\n    x = 'else'\n",
            _replace_string("else", "ELSE"),
            "if a:\n    x = 'if'\nelif b:\n    x = 'elif'\nelse:\n    x = 'ELSE'\n",
            id="else-branch-only",
        ),
        pytest.param(
            "if a == 'test':\n    x = 'if'\nelif b:\n    x = 'elif'\nelse:\n    x = 'else'\n",
            _replace_string("test", "TEST"),
            "if a == 'TEST':\n    x = 'if'\nelif b:\n    x = 'elif'\nelse:\n    x = 'else'\n",
            id="if-test-only",
        ),
        pytest.param(
            "def f():\n    if a:\n        x = 'if'\n    elif b:\n        x = 'elif'\n    else:\n        x = 'else'\n",
            _insert_before_string_statement("elif", "log()\n"),
            "def f():\n    if a:\n        x = 'if'\n    elif b:\n        log()\n        x = 'elif'\n    else:\n        x = 'else'\n",
            id="nested-elif-insert",
        ),
        pytest.param(
            TRY_ALL_CLAUSES,
            _replace_string("except", "EXCEPT"),
            TRY_ALL_CLAUSES.replace("'except'", "'EXCEPT'"),
            id="try-except-branch",
        ),
        pytest.param(
            TRY_ALL_CLAUSES,
            _replace_string("else", "ELSE"),
            TRY_ALL_CLAUSES.replace("'else'", "'ELSE'"),
            id="try-else-branch",
        ),
        pytest.param(
            TRY_ALL_CLAUSES,
            _remove_string_statement("finally"),
            TRY_ALL_CLAUSES.replace("    d = 'finally'\n", "    pass\n"),
            id="try-finally-emptied",
        ),
        pytest.param(
            "try:\n    a = 'try'\nexcept* ValueError:\n    b = 'star'\nexcept* OSError:\n    c = 'keep'\n",
            _replace_string("star", "STAR"),
            "try:\n    a = 'try'\nexcept* ValueError:\n    b = 'STAR'\nexcept* OSError:\n    c = 'keep'\n",
            id="try-star",
        ),
        pytest.param(
            MATCH,
            _replace_string("default", "DEFAULT"),
            MATCH.replace("'default'", "'DEFAULT'"),
            id="match-last-case",
        ),
        pytest.param(
            MATCH,
            lambda module, index, edits: edits.insert_before(
                index.statement_of(_call(index, "go")),
                [cst.parse_statement("log()\n")],
            ),
            MATCH.replace("case ['go', direction]:\n", "case ['go', direction]:\n        log()\n"),
            id="match-first-case-insert",
        ),
        pytest.param(
            TABS_AND_MIXED,
            _replace_string("old", "new"),
            TABS_AND_MIXED.replace("'old'", "'new'"),
            id="tabs-and-mixed-widths",
        ),
        pytest.param(
            TABS_AND_MIXED,
            _insert_before_string_statement("old", "log()\n"),
            TABS_AND_MIXED.replace("\t      y = 'old'\n", "\t      log()\n\t      y = 'old'\n"),
            id="tabs-and-mixed-widths-insert",
        ),
        pytest.param(
            TABS_AND_MIXED,
            _all_of(_replace_string("tab", "TAB"), _replace_string("three", "THREE")),
            TABS_AND_MIXED.replace("'tab'", "'TAB'").replace("'three'", "'THREE'"),
            id="tabs-and-mixed-widths-two-blocks",
        ),
        pytest.param(
            "import os\r\n\r\ndef f():\r\n    # c\r\n    x = 'old'\r\n    return x\r\n",
            _replace_string("old", "new"),
            "import os\r\n\r\ndef f():\r\n    # c\r\n    x = 'new'\r\n    return x\r\n",
            id="crlf",
        ),
        pytest.param(
            "import os\r\n\r\ndef f():\r\n    x = 'old'\r\n    return x\r\n",
            _all_of(
                _insert_before_string_statement("old", "log()\n"),
                _mark_string_statement("old", "check this"),
            ),
            # Comments above the statement (the marker too) stay above what precedes it.
            "import os\r\n\r\ndef f():\r\n"
            f"    {_marker('check this')}\r\n    log()\r\n    x = 'old'\r\n    return x\r\n",
            id="crlf-insert-and-marker",
        ),
        pytest.param(
            COMMENTS,
            _replace_string("old", "new"),
            COMMENTS.replace("'old'", "'new'"),
            id="comments-around-replaced",
        ),
        pytest.param(
            COMMENTS,
            _mark_string_statement("old", "look"),
            COMMENTS.replace("# above\n", f"# above\n{_marker('look')}\n"),
            id="comments-around-marked",
        ),
        pytest.param(
            COMMENTS,
            _insert_before_string_statement("old", "first = 1\n"),
            COMMENTS.replace("# above\n", "# above\nfirst = 1\n"),
            id="comments-above-stay-above-inserted",
        ),
        pytest.param(
            COMMENTS,
            _remove_string_statement("old"),
            # The blank line and comment above go with the statement.
            COMMENTS.replace("\n# above\nvalue = 'old'  # trailing\n", ""),
            id="comments-around-removed",
        ),
        pytest.param(
            "def f():\n    a = 'moved'\n    b = 2\n",
            # An original statement moved one level deeper: its tokens no longer fit.
            lambda module, index, edits: edits.replace(
                _statement_with_string(index, "moved"),
                cst.If(
                    test=cst.Name("c"),
                    body=cst.IndentedBlock(body=[_statement_with_string(index, "moved")]),  # type: ignore[list-item]
                ),
            ),
            "def f():\n    if c:\n        a = 'moved'\n    b = 2\n",
            id="original-statement-moved-deeper",
        ),
        pytest.param(
            "def f():\n    a = 'up'\n\nb = 2\n",
            # An original nested statement moved to the module level.
            lambda module, index, edits: edits.replace(
                module.body[0], _statement_with_string(index, "up")
            ),
            "a = 'up'\n\nb = 2\n",
            id="original-statement-moved-up",
        ),
        pytest.param(
            "def f():\n    a = 'x'\n    b = 2\n",
            lambda module, index, edits: edits.replace(
                module, module.with_changes(default_indent="  ")
            ),
            # Blocks without their own indent follow the new default: no token replay.
            "def f():\n  a = 'x'\n  b = 2\n",
            id="default-indent-changed",
        ),
    ],
)
def test_code_of_edited_matches_code_of_on_tricky_layouts(
    source: str, edit: Edit, expected: str
) -> None:
    new, index = _apply(source, edit)
    assert new is not index.module
    generated = edited_code(new, index).code
    assert generated == code_of(new, new)
    assert generated == new.code
    assert generated == expected
    if expected != source:
        assert generated != index.code


@pytest.mark.parametrize(
    ("source", "edit"),
    [
        pytest.param(
            "if a:\n    x = 1\nif b:\n    y = 2\n",
            lambda module, index, edits: (
                edits.replace(module.body[0], module.body[0].with_changes(orelse=module.body[1])),
                edits.remove(module.body[1]),
            ),
            id="if-becomes-elif",
        ),
        pytest.param(
            "if a:\n    x = 1\nelif b:\n    y = 2\n",
            lambda module, index, edits: edits.replace(module.body[0], module.body[0].orelse),
            id="elif-becomes-if",
        ),
    ],
)
def test_code_of_edited_if_moved_between_if_and_elif(source: str, edit: Edit) -> None:
    new, index = _apply(source, edit)
    assert edited_code(new, index).code == code_of(new, new)


def test_code_of_edited_default_newline_changed() -> None:
    new, index = _apply(
        "x = 1\ny = 2\n",
        lambda module, index, edits: edits.replace(
            module, module.with_changes(default_newline="\r\n")
        ),
    )
    assert edited_code(new, index).code == code_of(new, new)


def test_code_of_edited_unchanged_module_is_index_code() -> None:
    source = "import requests\n\ndef f():\n\treturn requests.get('u')\n"
    module = cst.parse_module(source)
    index = ModuleIndex(module)
    assert edited_code(module, index).code == source
    # An edit set that changes nothing (its import already exists) returns the same module.
    edits = EditSet()
    edits.require_import("requests")
    assert edits
    new = edits.apply(module, index.imports, index.parents)
    assert new is module
    assert edited_code(new, index).code is index.code


def test_node_types_of_the_index() -> None:
    """``has_node_type`` answers from every node of the module, nested ones included."""
    index = ModuleIndex(cst.parse_module("def f(a):\n    return [x if a else 0 for x in a]\n"))
    assert index.has_node_type(cst.IfExp) and index.has_node_type(cst.ListComp)
    assert not index.has_node_type(cst.Match) and not index.has_node_type(cst.ClassDef)


def test_new_nodes_are_those_an_edit_made() -> None:
    """``new_nodes`` yields the nodes of an edited statement that are not the original's,
    without entering the original's untouched subtrees."""
    source = "a = 1\n\ndef f():\n    b = ('old', [1, 2])\n    c = 3\n"
    new, index = _apply(source, _replace_string("old", "new"))
    found = list(new_nodes(new, index.parents))
    strings = [node for node in found if isinstance(node, cst.SimpleString)]
    assert [node.value for node in strings] == ["'new'"]
    assert not any(id(node) in index.parents for node in found)
    # Exactly the nodes of the edited tree that the original did not have.
    expected = {id(node) for node in walk_nodes(new) if id(node) not in index.parents}
    assert {id(node) for node in found} == expected


def test_code_of_edited_replays_untouched_statements() -> None:
    """The fast path really is taken: untouched statements become verbatim copies."""
    source = "a = 1\n\ndef f():\n    b = 'old'\n    c = 3\n\nclass K:\n    d = 4\n"
    new, index = _apply(source, _replace_string("old", "new"))
    spliced = splice._with_verbatim(new, (), index, in_body=False)
    assert isinstance(spliced, cst.Module)
    first, function, klass = spliced.body
    assert isinstance(first, splice._Verbatim)
    assert isinstance(klass, splice._Verbatim)
    assert "".join(klass.tokens) == "\nclass K:\n    d = 4\n"
    assert not isinstance(function, splice._Verbatim)  # rebuilt: it holds the edit
    assert isinstance(function, cst.FunctionDef)
    assert isinstance(function.body, cst.IndentedBlock)
    edited, untouched = function.body.body
    assert not isinstance(edited, splice._Verbatim)
    assert isinstance(untouched, splice._Verbatim)
    assert "".join(untouched.tokens) == "    c = 3\n"


# analysis.index: literal_value -----------------------------------------------------------


def _simple_strings(module: cst.Module) -> list[cst.SimpleString]:
    return [node for node in _walk(module) if isinstance(node, cst.SimpleString)]


@lru_cache(maxsize=1)
def _stdlib_sample() -> tuple[Path, ...]:
    root = Path(sysconfig.get_paths()["stdlib"])
    chosen: list[Path] = []
    budget = STDLIB_BYTE_BUDGET
    for path in sorted(root.glob("*.py")):
        size = path.stat().st_size
        if size > STDLIB_MAX_FILE_BYTES or size > budget:
            continue
        chosen.append(path)
        budget -= size
        if len(chosen) == STDLIB_MAX_FILES:
            break
    return tuple(chosen)


def test_literal_value_matches_evaluated_value_on_fixtures() -> None:
    count = 0
    for path in FIXTURE_INPUTS:
        for node in _simple_strings(cst.parse_module(_read(path))):
            assert literal_value(node) == node.evaluated_value, (path, node.value)
            count += 1
    assert count > 500


def test_literal_value_matches_evaluated_value_on_stdlib_sample() -> None:
    count = 0
    parsed = 0
    for path in _stdlib_sample():
        try:
            module = cst.parse_module(path.read_bytes())
        except cst.ParserSyntaxError:
            continue
        parsed += 1
        for node in _simple_strings(module):
            value = literal_value(node)
            assert value == node.evaluated_value, (path, node.value)
            assert type(value) is type(node.evaluated_value)
            count += 1
    assert parsed >= 10
    assert count > 1000


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        pytest.param('""', "", id="empty-double"),
        pytest.param("''", "", id="empty-single"),
        pytest.param('""""""', "", id="empty-triple-double"),
        pytest.param("''''''", "", id="empty-triple-single"),
        pytest.param('"""a "b" \'c\' """', "a \"b\" 'c' ", id="triple-embedded-quotes"),
        pytest.param("'''it's \"q\"'''", 'it\'s "q"', id="triple-single-embedded"),
        pytest.param('"\'"', "'", id="other-quote-inside"),
        pytest.param("r'\\d+\\\\'", "\\d+\\\\", id="raw-backslashes"),
        pytest.param("R'\\n'", "\\n", id="upper-raw"),
        pytest.param("r'plain'", "plain", id="raw-no-backslash"),
        pytest.param("u'x'", "x", id="u-prefix"),
        pytest.param("U'y'", "y", id="upper-u-prefix"),
        pytest.param("b''", b"", id="bytes-empty"),
        pytest.param("b'a\\nb'", b"a\nb", id="bytes-escape"),
        pytest.param("B'x'", b"x", id="upper-bytes"),
        pytest.param("rb'\\x00'", b"\\x00", id="raw-bytes"),
        pytest.param("Rb'a'", b"a", id="upper-raw-bytes"),
        pytest.param("bR'a'", b"a", id="bytes-upper-raw"),
        pytest.param("'tab\\tz'", "tab\tz", id="escape-tab"),
        pytest.param("'\\N{BULLET}'", "\u2022", id="named-escape"),
        pytest.param("'\\u00e9\\x41'", "\u00e9A", id="unicode-escapes"),
        pytest.param("'\u00e9'", "\u00e9", id="non-ascii"),
        pytest.param("'\\''", "'", id="escaped-quote"),
        pytest.param('"""a\r\nb"""', "a\nb", id="triple-crlf"),
        pytest.param("'''x\r\n\r\ny'''", "x\n\ny", id="triple-crlf-blank"),
        pytest.param("r'''a\r\nb'''", "a\nb", id="raw-triple-crlf"),
        pytest.param("u'''a\r\nb'''", "a\nb", id="u-triple-crlf"),
        pytest.param("'a\\\r\nb'", "ab", id="line-continuation-crlf"),
        pytest.param("'''\rz'''", "\nz", id="triple-lone-cr"),
    ],
)
def test_literal_value_tricky_literals(literal: str, value: str | bytes) -> None:
    module = cst.parse_module(f"x = {literal}\r\n" if "\r" in literal else f"x = {literal}\n")
    [node] = _simple_strings(module)
    assert node.value == literal
    assert node.evaluated_value == value
    result = literal_value(node)
    assert result == value
    assert type(result) is type(value)


# analysis.index: type tables --------------------------------------------------------------


def test_statement_types_are_libcsts_concrete_statements() -> None:
    concrete_compound = {
        value
        for value in vars(cst).values()
        if inspect.isclass(value)
        and issubclass(value, cst.BaseCompoundStatement)
        and not inspect.isabstract(value)
    }
    assert cst.If in concrete_compound  # the discovery works
    assert concrete_compound | {cst.SimpleStatementLine} == STATEMENT_TYPES


@pytest.mark.parametrize("path", FIXTURE_INPUTS[::4], ids=_fixture_id)
def test_index_tables_agree_with_libcst_tree(path: Path) -> None:
    module = cst.parse_module(_read(path))
    index = ModuleIndex(module)
    trivia_seen = 0
    for node in _walk(module):
        children = node.children
        if type(node) in TRIVIA_TYPES:
            trivia_seen += 1
            # Closed under children: everything under trivia is trivia.
            for child in children:
                assert type(child) in TRIVIA_TYPES, (type(node), type(child))
            assert id(node) not in index.parents
            assert id(node) not in index.children
            continue
        if node is module:
            assert id(node) not in index.parents
        else:
            assert id(node) in index.parents, type(node)
        kept = [child for child in children if type(child) not in TRIVIA_TYPES]
        for child in kept:
            assert index.parents[id(child)] is node
        # The children table lists the non-trivia children, in source order.
        listed = index.children.get(id(node), [])
        assert len(listed) == len(kept)
        assert all(a is b for a, b in zip(listed, kept))
    assert trivia_seen > 0
    for listed in index.children.values():
        assert all(type(child) not in TRIVIA_TYPES for child in listed)


def test_trivia_types_are_closed_under_children_on_all_fixtures() -> None:
    for path in FIXTURE_INPUTS:
        for node in _walk(cst.parse_module(_read(path))):
            if type(node) in TRIVIA_TYPES:
                for child in node.children:
                    assert type(child) in TRIVIA_TYPES, (path, type(node), type(child))


# analysis.index: original tokens and indents ----------------------------------------------


@pytest.mark.parametrize("path", FIXTURE_INPUTS[::8], ids=_fixture_id)
def test_original_tokens_of_top_level_statements(path: Path) -> None:
    source = _read(path)
    module = cst.parse_module(source)
    index = ModuleIndex(module)
    assert module.has_trailing_newline
    assert module.body
    for statement in module.body:
        tokens = index.original_tokens(statement)
        assert tokens is not None
        assert "".join(tokens) == module.code_for_node(statement)
        assert index.original_indents(statement) == ()


def _code_with_indents(
    node: cst.CSTNode, module: cst.Module, indents: tuple[str | None, ...]
) -> str:
    state = FastCodegenState(module.default_indent, module.default_newline)
    for indent in indents:
        state.increase_indent(module.default_indent if indent is None else indent)
    node._codegen(state)
    return "".join(state.tokens)


# A sample of the inputs that have nested statements at all (a ``setup.py`` may have none).
# A line ending in ``:`` followed by an indented line: a block (not only wrapped arguments).
_BLOCK = re.compile(r":[ \t]*(?:#[^\n]*)?\n[ \t]+\S")
NESTED_INPUTS = [p for p in FIXTURE_INPUTS if _BLOCK.search(p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("path", NESTED_INPUTS[1::8], ids=_fixture_id)
def test_original_tokens_of_nested_statements(path: Path) -> None:
    module = cst.parse_module(_read(path))
    index = ModuleIndex(module)
    nested = 0
    for node in _walk(module):
        if type(node) not in STATEMENT_TYPES and type(node) is not cst.IndentedBlock:
            continue
        tokens = index.original_tokens(node)
        assert tokens is not None
        indents = index.original_indents(node)
        nested += bool(indents)
        assert "".join(tokens) == _code_with_indents(node, module, indents)
    assert nested > 0


def test_original_tokens_and_indents_with_tabs_and_mixed_widths() -> None:
    module = cst.parse_module(TABS_AND_MIXED)
    index = ModuleIndex(module)
    assert module.default_indent == "\t"
    klass, function_h = module.body
    assert isinstance(klass, cst.ClassDef)
    assert isinstance(klass.body, cst.IndentedBlock)
    method_f, method_g = klass.body.body
    assert isinstance(method_f, cst.FunctionDef)
    assert isinstance(method_g, cst.FunctionDef)
    assert isinstance(method_f.body, cst.IndentedBlock)
    if_statement, z_statement = method_f.body.body
    assert isinstance(if_statement, cst.If)
    assert isinstance(if_statement.body, cst.IndentedBlock)
    [y_statement] = if_statement.body.body
    assert isinstance(method_g.body, cst.IndentedBlock)
    [return_g] = method_g.body.body
    assert isinstance(function_h, cst.FunctionDef)
    assert isinstance(function_h.body, cst.IndentedBlock)
    [return_h] = function_h.body.body

    # IndentedBlock.indent is relative, and None when it is the module's default.
    assert index.original_indents(klass) == ()
    assert index.original_indents(method_f) == (None,)
    assert index.original_indents(if_statement) == (None, "    ")
    assert index.original_indents(y_statement) == (None, "    ", "  ")
    assert index.original_indents(if_statement.body) == (None, "    ")
    assert index.original_indents(return_g) == (None, None)
    assert index.original_indents(return_h) == ("   ",)

    def text(node: cst.CSTNode) -> str:
        tokens = index.original_tokens(node)
        assert tokens is not None
        return "".join(tokens)

    assert text(y_statement) == "\t      y = 'old'\n"
    assert text(z_statement) == "\t    z = 'keep'\n"
    assert text(return_g) == "\t\treturn 'tab'\n"
    assert text(return_h) == "   return 'three'\n"
    assert text(method_g) == "\n\tdef g(self):\n\t\treturn 'tab'\n"
    assert text(if_statement.body) == "\n\t      y = 'old'\n"
    # Nodes that are neither statements nor blocks have no recorded span.
    assert index.original_tokens(if_statement.test) is None


def test_original_tokens_without_trailing_newline() -> None:
    module = cst.parse_module("a = 1\ndef f():\n    b = 2\n    return b")
    index = ModuleIndex(module)
    first, function = module.body
    first_tokens = index.original_tokens(first)
    assert first_tokens is not None
    assert "".join(first_tokens) == "a = 1\n"
    # The last statement (and what ends with it) lost its final newline to the module.
    assert index.original_tokens(function) is None
    assert isinstance(function, cst.FunctionDef)
    assert isinstance(function.body, cst.IndentedBlock)
    assert index.original_tokens(function.body) is None
    b_statement, return_statement = function.body.body
    assert index.original_tokens(return_statement) is None
    tokens = index.original_tokens(b_statement)
    assert tokens is not None
    assert "".join(tokens) == "    b = 2\n"


# analysis.index: fast_visit paths ---------------------------------------------------------


class _NamePaths(cst.CSTVisitor):
    def __init__(self) -> None:
        self.path: list[cst.CSTNode] = []
        self.seen: list[tuple[cst.Name, list[cst.CSTNode]]] = []

    def visit_Name(self, node: cst.Name) -> None:
        self.seen.append((node, list(self.path)))


def _ancestors_by_walk(root: cst.CSTNode) -> dict[int, list[cst.CSTNode]]:
    """id(node) -> its ancestors, root first, through LibCST's ``children``."""
    result: dict[int, list[cst.CSTNode]] = {}
    stack: list[tuple[cst.CSTNode, list[cst.CSTNode]]] = [(root, [])]
    while stack:
        node, ancestors = stack.pop()
        result[id(node)] = ancestors
        inner = [*ancestors, node]
        stack.extend((child, inner) for child in node.children)
    return result


PATH_SOURCE = (
    "import requests\n"
    "\n"
    "class Client:\n"
    "    def start(self, token):\n"
    "        if token:\n"
    "            return requests.post(url, json={'k': [token, other]})\n"
    "        return [n for n in names if n]\n"
)


def test_fast_visit_path_is_the_ancestor_chain() -> None:
    module = cst.parse_module(PATH_SOURCE)
    index = ModuleIndex(module)
    visitor = _NamePaths()
    fast_visit(module, visitor, ordered=False, path=visitor.path)
    expected_names = {node.value for node in _walk(module) if isinstance(node, cst.Name)}
    assert {name.value for name, _path in visitor.seen} == expected_names
    assert len(visitor.seen) == sum(isinstance(n, cst.Name) for n in _walk(module))
    by_walk = _ancestors_by_walk(module)
    for name, path in visitor.seen:
        chain: list[cst.CSTNode] = []
        current = index.parents.get(id(name))
        while current is not None:
            chain.append(current)
            current = index.parents.get(id(current))
        chain.reverse()
        assert chain[0] is module
        assert len(path) == len(chain)
        assert all(a is b for a, b in zip(path, chain))
        assert all(a is b for a, b in zip(path, by_walk[id(name)]))
    assert visitor.path == []  # every node entered was left


def test_fast_visit_path_on_an_edited_module() -> None:
    new, _index = _apply(
        PATH_SOURCE,
        lambda module, index, edits: edits.replace(
            _call(index, "requests.post").func, cst.parse_expression("client.post")
        ),
    )
    visitor = _NamePaths()
    fast_visit(new, visitor, ordered=False, path=visitor.path)
    by_walk = _ancestors_by_walk(new)
    names = [node for node in _walk(new) if isinstance(node, cst.Name)]
    assert "client" in {name.value for name in names}
    assert {id(name) for name, _ in visitor.seen} == {id(name) for name in names}
    for name, path in visitor.seen:
        expected = by_walk[id(name)]
        assert len(path) == len(expected)
        assert all(a is b for a, b in zip(path, expected))


# analysis.rebuild: rebuild_paths ----------------------------------------------------------

REBUILD_SOURCE = "def f(a):\n    x = g(1)\n    y = h(2)\n\nclass C:\n    z = 3\n"


def test_rebuild_paths_root_off_path_is_returned_as_is() -> None:
    module = cst.parse_module(REBUILD_SOURCE)
    index = ModuleIndex(module)
    calls: list[cst.CSTNode] = []

    def leave(original: cst.CSTNode, updated: cst.CSTNode) -> cst.CSTNode:
        calls.append(original)
        return updated

    assert rebuild_paths(module, set(), leave) is module
    some_call = _call(index, "g")
    assert rebuild_paths(module, {id(some_call)}, leave) is module
    assert calls == []


def test_rebuild_paths_replaces_one_leaf_and_shares_the_rest() -> None:
    module = cst.parse_module(REBUILD_SOURCE)
    index = ModuleIndex(module)
    target = _call(index, "g").args[0].value
    assert isinstance(target, cst.Integer)
    chain: list[cst.CSTNode] = [target]
    while (parent := index.parents.get(id(chain[-1]))) is not None:
        chain.append(parent)
    assert chain[-1] is module
    on_path = {id(node) for node in chain}
    visited: list[cst.CSTNode] = []

    def leave(original: cst.CSTNode, updated: cst.CSTNode) -> cst.CSTNode:
        visited.append(original)
        return cst.Integer("42") if original is target else updated

    result = rebuild_paths(module, on_path, leave)
    assert isinstance(result, cst.Module)
    assert result is not module
    assert result.code == REBUILD_SOURCE.replace("g(1)", "g(42)")
    assert module.code == REBUILD_SOURCE  # the original is untouched
    # leave ran once per node of the path, children first.
    assert [id(node) for node in visited] == [id(node) for node in chain]

    old_f, old_c = module.body
    new_f, new_c = result.body
    assert new_c is old_c
    assert isinstance(old_f, cst.FunctionDef)
    assert isinstance(new_f, cst.FunctionDef)
    assert new_f is not old_f
    assert new_f.name is old_f.name
    assert new_f.params is old_f.params
    assert new_f.whitespace_before_colon is old_f.whitespace_before_colon
    assert isinstance(old_f.body, cst.IndentedBlock)
    assert isinstance(new_f.body, cst.IndentedBlock)
    assert new_f.body.header is old_f.body.header
    old_x, old_y = old_f.body.body
    new_x, new_y = new_f.body.body
    assert new_y is old_y
    assert isinstance(old_x, cst.SimpleStatementLine)
    assert isinstance(new_x, cst.SimpleStatementLine)
    assert new_x is not old_x
    assert new_x.trailing_whitespace is old_x.trailing_whitespace
    [old_assign] = old_x.body
    [new_assign] = new_x.body
    assert isinstance(old_assign, cst.Assign)
    assert isinstance(new_assign, cst.Assign)
    assert new_assign.targets[0] is old_assign.targets[0]
    assert isinstance(old_assign.value, cst.Call)
    assert isinstance(new_assign.value, cst.Call)
    assert new_assign.value.func is old_assign.value.func
    # The rebuilt nodes' children are recorded for later walks, with the replacement in.
    children = index.children.get(id(new_assign.value))
    assert children is not None
    assert children[0] is old_assign.value.func
    assert isinstance(children[1], cst.Arg)
    assert children[1].value.value == "42"  # type: ignore[attr-defined]


# engine.runner: the cyclic collector ------------------------------------------------------


@pytest.fixture
def plain_file(tmp_path: Path) -> SourceFile:
    path = tmp_path / "plain.py"
    path.write_text("print('nothing to migrate')\n", encoding="utf-8")
    return SourceFile(display="plain.py", real=str(path))


@pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
def test_process_between_collections_restores_collector_state(
    plain_file: SourceFile, enabled: bool
) -> None:
    was_enabled = gc.isenabled()
    try:
        if enabled:
            gc.enable()
        else:
            gc.disable()
        result = runner._process_between_collections(
            plain_file, runner.RunOptions(mode=runner.MODE_CHECK)
        )
        assert isinstance(result, FileResult)
        assert result.path == "plain.py"
        assert result.status == STATUS_UNCHANGED
        assert gc.isenabled() is enabled
    finally:
        if was_enabled:
            gc.enable()
        else:
            gc.disable()


def test_process_between_collections_pauses_collector_while_processing(
    plain_file: SourceFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    states: list[bool] = []
    real = runner.process_file

    def spy(*args: object, **kwargs: object) -> FileResult:
        states.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "process_file", spy)
    was_enabled = gc.isenabled()
    gc.enable()
    try:
        runner._process_between_collections(plain_file, runner.RunOptions(mode=runner.MODE_CHECK))
        assert states == [False]
        assert gc.isenabled()
    finally:
        if not was_enabled:
            gc.disable()


def test_collector_frozen_unfreezes() -> None:
    gc.unfreeze()  # start from a known state: nothing frozen
    assert gc.get_freeze_count() == 0
    with runner._collector_frozen():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError), runner._collector_frozen():
        assert gc.get_freeze_count() > 0
        raise RuntimeError("boom")
    assert gc.get_freeze_count() == 0


def test_collector_frozen_keeps_an_earlier_freeze() -> None:
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        assert before > 0
        with runner._collector_frozen():
            pass
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()


# analysis.splice: the regenerated part, and verification limited to it -------------------


def test_edited_code_regenerated_holds_only_generated_top_level_statements() -> None:
    source = "a = 1\n\n\ndef f():\n    b = 'old'\n    c = 3\n\n\nclass K:\n    d = 4\n"
    new, index = _apply(source, _replace_string("old", "new"))
    edited = splice.edited_code(new, index)
    assert edited.code == code_of(new, new)
    assert edited.regenerated == "\n\ndef f():\n    b = 'new'\n    c = 3\n"
    assert splice.edited_code(index.module, index).regenerated == ""


def test_verify_output_accepts_a_valid_changed_part() -> None:
    original = "x = 1\n\ndef f():\n    return 1\n"
    new = "x = 1\n\ndef f():\n    return 2\n"
    verify_output(original, new, "m.py", "def f():\n    return 2\n")


def test_verify_output_rechecks_the_whole_code_when_the_changed_part_fails() -> None:
    original = "x = 1\n\ndef f():\n    return 1\n"
    broken = "x = 1\n\ndef f():\n    return (2\n"
    with pytest.raises(MigrationError) as caught:
        verify_output(original, broken, "m.py", "def f():\n    return (2\n")
    assert caught.value.line == 4  # the line in the whole file, not in the changed part
    assert "does not parse" in caught.value.message


# engine.transform: nothing of a migrated module waits for the cyclic collector ------------


def test_migration_leaves_no_cycles_holding_the_tree() -> None:
    """The runner pauses the collector while a file is migrated and counts on reference
    counting to free its tree afterwards: no reference cycle may hold a node, the index or
    the rule context (edit closures refer back to the context; ``RuleContext.release`` and
    the module-level walkers break those cycles)."""
    from heygen2liveavatar.engine.transform import migrate_text

    sources = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.rglob("input.py"))]
    migrate_text(sources[0], "warm.py")  # imports, caches
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for number, source in enumerate(sources):
            migrate_text(source, f"m{number}.py")
        gc.collect()
        held = [
            type(thing).__name__
            for thing in gc.garbage
            if isinstance(thing, (cst.CSTNode, ModuleIndex, RuleContext))
        ]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()
    assert held == []


# Issue 16 fast paths ------------------------------------------------------------------------

BRACKETS = """\
x = ((a + b) * (c))
y = [1, [2, (3,)], {4: {5}}, {6, 7}]
z = f((lambda: (yield))(), *[i for i in (1, 2)], **{"k": (v)})
w = ([],), {}, set(), ((((1))))
"""


def test_fast_brackets_give_libcsts_code_and_are_restored() -> None:
    """The parenthesis and bracket context managers swapped in for our code generations write
    LibCST's tokens, and LibCST's own methods are back afterwards (also after an error)."""
    from libcst._nodes.expression import BaseList, _BaseParenthesizedNode, _BaseSetOrDict

    from heygen2liveavatar.analysis.codegen import fast_brackets

    originals = (
        _BaseParenthesizedNode.__dict__["_parenthesize"],
        BaseList.__dict__["_bracketize"],
        _BaseSetOrDict.__dict__["_braceize"],
    )
    sources = [BRACKETS, *(_read(path) for path in FIXTURE_INPUTS[:40])]
    sources += [path.read_text(encoding="utf-8") for path in _stdlib_sample()[:40]]
    for source in sources:
        module = cst.parse_module(source)
        assert code_of(module, module) == module.code == source
        assert ModuleIndex(module).code == source
    with pytest.raises(RuntimeError), fast_brackets(), fast_brackets():
        raise RuntimeError("nested and interrupted")
    assert (
        _BaseParenthesizedNode.__dict__["_parenthesize"],
        BaseList.__dict__["_bracketize"],
        _BaseSetOrDict.__dict__["_braceize"],
    ) == originals


def test_walk_nodes_of_the_module_is_the_walk() -> None:
    """``walk_nodes(index.module)`` reads the index's node list: the same nodes in the same
    order as the walk over the children tables, also once edits rebuilt parts of the tree."""
    from heygen2liveavatar.analysis.index import _walk_nodes, walk_nodes

    for path in FIXTURE_INPUTS[:60]:
        module = cst.parse_module(_read(path))
        index = ModuleIndex(module)
        listed = list(walk_nodes(module))
        assert listed == list(_walk_nodes(module, True))
        assert listed[0] is module and len(listed) == len(index.parents) + 1
        assert list(walk_nodes(module, into_scopes=False)) == list(_walk_nodes(module, False))


def test_depth_walk_matches_the_plain_walk() -> None:
    """The complexity check's written-out depth walk gives the depth and line of the plain
    ``ast.iter_child_nodes`` walk, on real files and on deep chains of every shape."""
    import ast

    from heygen2liveavatar.engine.nesting import deepest_nesting

    def plain(tree: ast.AST) -> tuple[int, int]:
        best, best_line = 0, 0
        stack: list[tuple[ast.AST, int, int]] = [(tree, 0, 0)]
        while stack:
            node, depth, line = stack.pop()
            if isinstance(node, ast.stmt):
                line = node.lineno
            elif isinstance(node, ast.BoolOp):
                depth += len(node.values) - 1
            elif isinstance(node, ast.Compare):
                depth += len(node.ops) - 1
            if depth > best:
                best, best_line = depth, line
            stack.extend((child, depth + 1, line) for child in ast.iter_child_nodes(node))
        return best, best_line

    sources = [_read(path) for path in FIXTURE_INPUTS]
    sources += [path.read_text(encoding="utf-8") for path in _stdlib_sample()]
    sources += [
        "x = " + "-" * 400 + "1",
        "y = " + " or ".join(["a"] * 400),
        "if a:\n  pass\n" + "elif b:\n  pass\n" * 350,
        "z = " + "a." * 350 + "b",
        "v = a < " + " < ".join(["b"] * 320),
        "q = f" + "()" * 350,
        "def f():\n    x = 1\n    return x\nclass C:\n    y: int = a[b][c]\n",
    ]
    for source in sources:
        tree = ast.parse(source)
        assert deepest_nesting(tree) == plain(tree), source[:60]


def test_from_import_search_matches_the_multiline_pattern() -> None:
    from heygen2liveavatar.engine.project_facts import _FROM_IMPORT, _from_import_clauses

    sources = [_read(path).encode() for path in FIXTURE_INPUTS]
    sources += [path.read_bytes() for path in _stdlib_sample()]
    sources += [
        b"from a import (b,\n c)\nfrom d import e",
        b"  from x import y # c\n\tfrom  z.w  import  (q as r, s)",
        b"fromfrom from a import b\nx = 1; from a import b\nfrom",
        b"from a import (b\n from c import d\n)\nfrom e import f",
        b"\nfrom a import b#x\nfrom c import (d,\n#e\nf)",
    ]
    for data in sources:
        assert _from_import_clauses(data) == _FROM_IMPORT.findall(data)


def test_cached_facts_hold_the_byte_patterns(tmp_path: Path) -> None:
    """The facts cache keeps a file's whole contribution: a collector fed from the cache
    builds the facts of one that read the file, and notebooks are keyed apart."""
    from heygen2liveavatar.engine.facts_cache import FactsCache
    from heygen2liveavatar.engine.project_facts import FactsCollector, FileFacts, file_facts

    cache = FactsCache(str(tmp_path))
    for path in FIXTURE_INPUTS[:80]:
        data = path.read_bytes()
        fresh = FactsCollector(None)
        fresh.add(data)
        FactsCollector(cache).add(data)  # reads the file, writes the entry
        cached = FactsCollector(cache)
        cached.add(data)
        assert cached.build() == fresh.build(), path
        assert cache.get(data) == file_facts(data)
        assert FileFacts.from_json(file_facts(data).to_json()) == file_facts(data)
    assert cache.hits >= 2 * 80  # every cached collector and every get (same contents repeat)
    data = FIXTURE_INPUTS[0].read_bytes()
    assert cache.get(data, python=False) is None  # a notebook's entry is its own


def test_prefilter_is_the_token_test() -> None:
    """The pre-filter's staged searches answer as a search for every token would, on real
    files and on every mix of the tokens, their shared parts and near misses."""
    import itertools

    from heygen2liveavatar._prefilter import PREFILTER_TOKENS, may_contain_heygen

    def every_token(data: bytes) -> bool:
        return any(token in data for token in PREFILTER_TOKENS) or (
            b"hgl" in data and b"livekit" in data
        )

    pieces = [
        *PREFILTER_TOKENS,
        *(token[:-1] for token in PREFILTER_TOKENS),
        b"eygen",
        b"EYGEN",
        b"eyGen",
        b"streaming",
        b"agent.",
        b"hgl",
        b"livekit",
        b"x",
    ]
    inputs = [b" ".join(pair) for pair in itertools.product(pieces, repeat=2)]
    inputs += [path.read_bytes() for path in FIXTURE_INPUTS]
    inputs += [path.read_bytes() for path in _stdlib_sample()]
    for data in inputs:
        assert may_contain_heygen(data) == every_token(data), data[:80]


def test_parse_without_validation_is_the_same_tree() -> None:
    """The engine parses without LibCST's per-node validation: the same tree, and the
    validation is back on afterwards, also after a syntax error."""
    import libcst as cst
    from libcst._nodes.base import CSTNode

    from heygen2liveavatar.engine.transform import _parse_unvalidated

    validating = CSTNode.__dict__["__post_init__"]
    for path in FIXTURE_INPUTS[:60]:
        text = path.read_text(encoding="utf-8")
        assert _parse_unvalidated(text).deep_equals(cst.parse_module(text)), path
    with pytest.raises(cst.ParserSyntaxError):
        _parse_unvalidated("def broken(:\n")
    assert CSTNode.__dict__["__post_init__"] is validating
    with pytest.raises(cst.CSTValidationError):
        cst.Name("not a name")  # hand-built nodes are still checked


_STOP_CALL = (
    "import requests\n\n\ndef stop(session_id):\n"
    '    requests.post("https://api.heygen.com/v1/streaming.stop", json={"session_id": session_id})\n'
)


def test_a_candidate_measured_by_the_facts_is_not_parsed_again_to_measure_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The facts parse every candidate with ``ast``; their nesting measure goes with the file
    to the engine, whose complexity check then skips its own parse of the original."""
    from heygen2liveavatar.engine import transform
    from heygen2liveavatar.engine.discovery import discover
    from heygen2liveavatar.engine.runner import MODE_CHECK, RunOptions, run

    measured: list[str] = []
    real_measure = transform.deepest_nesting

    def spy(tree: ast.AST) -> tuple[int, int]:
        measured.append(ast.unparse(tree))
        return real_measure(tree)

    monkeypatch.setattr(transform, "deepest_nesting", spy)
    (tmp_path / "stop.py").write_text(_STOP_CALL, encoding="utf-8")
    results = list(run(discover([str(tmp_path)]), RunOptions(mode=MODE_CHECK)))
    assert [r.status for r in results] == ["changed"]
    original = ast.unparse(ast.parse(_STOP_CALL))
    assert original not in measured  # (a second pass may measure the migrated text)


def test_the_measure_of_the_facts_is_used_only_for_the_bytes_it_was_taken_of(
    tmp_path: Path,
) -> None:
    from heygen2liveavatar.engine.discovery import SourceFile
    from heygen2liveavatar.engine.runner import MODE_CHECK, RunOptions, content_digest, process_file

    path = tmp_path / "stop.py"
    path.write_text(_STOP_CALL, encoding="utf-8")
    data = path.read_bytes()
    options = RunOptions(mode=MODE_CHECK)
    deep = (999, 5)  # as if measured: the engine refuses the file without parsing it
    source = SourceFile(str(path), str(path), digest=content_digest(data), nesting=deep)
    refused = process_file(source, options)
    assert refused.status == "error" and refused.error_line == 5
    assert "too complex" in (refused.error or "")
    # The file changed after the facts measured it: the engine measures it itself.
    stale = SourceFile(str(path), str(path), digest=b"another content", nesting=deep)
    assert process_file(stale, options).status == "changed"
