"""The project's own exception a request wrapper raises, read with ``ast`` for the project
facts (``ProjectFacts.wrapper_errors``).

``desk/http.py`` defines ``class ApiError(Exception)`` and ``def post(path, body)`` raising
``ApiError(f"{path}: {resp.status_code}")``; ``desk/avatar.py`` opens its session with
``post("/v1/streaming.new", ...)``. The migrated start there raises the same class
(``analysis/error_contracts.py``, ``error=``), which the caller imports from the wrapper's
module: so only a class defined at the top of that module is taken, raised from one
positional argument (the message), the only class the wrapper raises besides builtins.
"""

from __future__ import annotations

import ast
import builtins

_BUILTIN_NAMES = frozenset(dir(builtins))


def wrapper_error(
    function: ast.FunctionDef | ast.AsyncFunctionDef, classes: set[str]
) -> str | None:
    """The one class of ``classes`` (the module's own) ``function`` raises from a message."""
    found: set[str] = set()
    for node in ast.walk(function):
        if not isinstance(node, ast.Raise) or not isinstance(node.exc, ast.Call):
            continue
        call = node.exc
        if not isinstance(call.func, ast.Name):
            return None  # ``raise errors.ApiError(...)``: a class of another module
        name = call.func.id
        if name in _BUILTIN_NAMES and name not in classes:
            continue  # ``raise ValueError("no path")``: about the arguments, not the HTTP call
        if (
            name not in classes
            or len(call.args) != 1
            or call.keywords
            or isinstance(call.args[0], ast.Starred)
        ):
            return None  # a raise the helper cannot imitate: leave the choice to a person
        found.add(name)
    return found.pop() if len(found) == 1 else None


def module_classes(tree: ast.Module) -> set[str]:
    """The classes defined at the top of the module."""
    return {statement.name for statement in tree.body if isinstance(statement, ast.ClassDef)}
