"""How far a bound value flows before its name is bound again (analysis.names.binding_reads)."""

from __future__ import annotations

import textwrap

import libcst as cst
import pytest

from heygen2liveavatar.analysis.index import ModuleIndex, walk_nodes
from heygen2liveavatar.analysis.names import binding_reads


def _reads(source: str) -> tuple[list[str], list[str]]:
    """The lines (their code) of the reads of ``r`` after the statement marked ``# bind``:
    all of them, and those that may see another value."""
    module = cst.parse_module(textwrap.dedent(source))
    index = ModuleIndex(module)
    function = next(n for n in walk_nodes(module) if isinstance(n, cst.FunctionDef))
    binding = next(
        n
        for n in walk_nodes(function)
        if isinstance(n, (cst.Assign, cst.With))
        and "# bind" in index.line_text(index.position_of(n)[0])
    )
    found = binding_reads(index, function, binding, "r")

    def lines(reads: list[cst.Name]) -> list[str]:
        return [index.line_text(index.position_of(read)[0]).strip() for read in reads]

    return lines(found.every), lines(found.uncertain)


def test_a_later_with_target_ends_the_flow() -> None:
    every, uncertain = _reads(
        """
        async def f(http):
            async with http.post(TASK) as r:  # bind
                print("task:", await r.json())
            async with http.post(STOP) as r:
                print("stopped:", r.status)
            print(r.status)
        """
    )
    assert every == ['print("task:", await r.json())']
    assert uncertain == []


@pytest.mark.parametrize(
    "rebinding",
    ["r = other()", "r: int = 1", "r += 1", "for r in items: pass", "import r"],
)
def test_bindings_every_path_passes_end_it(rebinding: str) -> None:
    every, _ = _reads(
        f"""
        def f(items):
            r = post(TASK)  # bind
            first(r)
            {rebinding}
            if r:
                second(r)
        """
    )
    if rebinding.startswith("for"):  # a loop of no iteration leaves ``r`` as it was
        assert every == ["first(r)", "if r:", "second(r)"]
    else:
        assert every == ["first(r)"]


def test_the_value_of_a_rebinding_still_reads_the_old_value() -> None:
    every, uncertain = _reads(
        """
        def f():
            r = post(TASK)  # bind
            r = r.json()
            use(r)
        """
    )
    assert every == ["r = r.json()"]
    assert uncertain == []


def test_a_binding_on_some_paths_makes_later_reads_uncertain() -> None:
    every, uncertain = _reads(
        """
        def f(audit):
            r = post(TASK)  # bind
            if audit:
                r = post(LOG)
                inside(r)
            else:
                kept(r)
            after(r)
            try:
                pass
            except OSError as r:
                handled(r)
        """
    )
    assert every == ["kept(r)", "after(r)"]
    # ``kept(r)`` is on the other path, but the analysis orders by source, not by branch: it is
    # reported as uncertain too (a marker where a rewrite would have been right, never a
    # rewrite where it would be wrong).
    assert uncertain == ["kept(r)", "after(r)"]


def test_nested_scopes_and_names_read_before_the_binding_do_not_count() -> None:
    every, _ = _reads(
        """
        def f():
            before(r)
            r = post(TASK)  # bind
            def inner(r):
                return r
            after(r)
        """
    )
    assert every == ["after(r)"]
