"""marimo notebooks: a ``.py`` file of ``@app.cell`` functions (``app = marimo.App()``).

marimo runs each cell's body (its ``return`` line left out, marimo writes it from the names
the code defines) with only the names other cells define, passed as the cell's parameters:
neither the module's own imports nor a value changed in a ``return`` reach another cell. So
an import the migration needs goes into a cell of its own that defines it, and the cells
using it take it as a parameter (:func:`with_cell_imports`); session data a cell hands out
keeps the keys its readers use where the cell defines it, not in its ``return``
(``rules/public_session_returns.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import libcst as cst

from .index import single_assignments


def marimo_app(module: cst.Module) -> str | None:
    """The name of the module's ``marimo.App(...)`` (``app``), when it is a marimo notebook."""
    imported = any(
        isinstance(statement, cst.SimpleStatementLine)
        and any(
            isinstance(small, cst.Import)
            and any(cst.Module([]).code_for_node(a.name) == "marimo" for a in small.names)
            for small in statement.body
        )
        for statement in module.body
    )
    if not imported:
        return None
    for assign in single_assignments(module.body):
        target = assign.targets[0].target
        if (
            isinstance(target, cst.Name)
            and isinstance(assign.value, cst.Call)
            and cst.Module([]).code_for_node(assign.value.func) == "marimo.App"
        ):
            return target.value
    return None


def is_cell(function: cst.FunctionDef, app: str) -> bool:
    """``@app.cell`` or ``@app.cell(hide_code=True)`` on ``function``."""
    for decorator in function.decorators:
        expr = decorator.decorator
        if isinstance(expr, cst.Call):
            expr = expr.func
        if (
            isinstance(expr, cst.Attribute)
            and isinstance(expr.value, cst.Name)
            and expr.value.value == app
            and expr.attr.value == "cell"
        ):
            return True
    return False


def cell_of(module: cst.Module, function: cst.FunctionDef | None) -> bool:
    """``function`` is a cell of the marimo notebook ``module``."""
    if function is None:
        return False
    app = marimo_app(module)
    return app is not None and is_cell(function, app) and function in module.body


def with_cell_imports(
    module: cst.Module, imports: Sequence[tuple[str, cst.SimpleStatementLine]]
) -> cst.Module | None:
    """The notebook with each ``(local name, import statement)`` in a new cell defining it,
    right after the ``marimo.App`` line, and the cells reading the name taking it as a
    parameter; ``None`` when ``module`` is no marimo notebook."""
    app = marimo_app(module)
    if app is None:
        return None
    body = list(module.body)
    for local, statement in imports:
        word = re.compile(rf"\b{re.escape(local)}\b")
        for position, cell in enumerate(body):
            if not (isinstance(cell, cst.FunctionDef) and is_cell(cell, app)):
                continue
            if not word.search(cst.Module([]).code_for_node(cell.body)):
                continue
            names = [param.name.value for param in cell.params.params]
            if local in names:
                continue
            params = sorted([*cell.params.params, cst.Param(cst.Name(local))], key=_param_name)
            params = [
                param.with_changes(comma=cst.MaybeSentinel.DEFAULT)
                if i == len(params) - 1
                else param.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
                for i, param in enumerate(params)
            ]
            body[position] = cell.with_changes(params=cell.params.with_changes(params=params))
        new_cell = cst.parse_statement(
            f"@{app}.cell\ndef __():\n"
            f"    {cst.Module([]).code_for_node(statement).strip()}\n"
            f"    return {local},\n"
        )
        assert isinstance(new_cell, cst.FunctionDef)
        at = next(
            (
                i + 1
                for i, s in enumerate(body)
                if isinstance(s, cst.SimpleStatementLine)
                and f"{app} = marimo.App" in cst.Module([]).code_for_node(s).replace("  ", " ")
            ),
            len(body),
        )
        lines = cst.EmptyLine()
        body.insert(at, new_cell.with_changes(leading_lines=[lines, lines]))
    return module.with_changes(body=body)


def _param_name(param: cst.Param) -> str:
    return param.name.value


__all__ = ["cell_of", "is_cell", "marimo_app", "with_cell_imports"]
