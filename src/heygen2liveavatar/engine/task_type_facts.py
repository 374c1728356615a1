"""Task types chosen at run time, followed to their call sites with ``ast`` by the facts scan.

``def speaker(task_type): def speak(sid, text): call("streaming.task", {..., "task_type":
task_type})`` inside a client factory, made as ``speaker("repeat")``: the byte pattern sees a
task type chosen at run time (maybe ``talk``, which needs a Context after migration), but every
call of the closure's factory passes a literal, so the types are known. The same reading as
:func:`..analysis.task_type_values.task_type_values` (LibCST, for the module being migrated);
``ast`` only here: the facts scan never imports LibCST.
"""

from __future__ import annotations

import ast

_TASK_TYPE = "task_type"
FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


def run_time_task_types(tree: ast.Module) -> set[str] | None:
    """Every task type the file's ``"task_type": <name>`` entries send, when each name is a
    parameter of a closure whose every call (in the function defining it) passes a literal
    or leaves the parameter's literal default; ``None`` when one cannot be followed."""
    found: set[str] = set()
    for node, chain in _dict_entries(tree):
        values = _followed(node, chain)
        if values is None:
            return None
        found |= values
    return found


def _dict_entries(tree: ast.Module) -> list[tuple[ast.expr, list[FunctionNode]]]:
    """``"task_type": <value>`` values that are no literal, each with the functions around it
    (outermost first)."""
    entries: list[tuple[ast.expr, list[FunctionNode]]] = []
    stack: list[tuple[ast.AST, list[FunctionNode]]] = [(tree, [])]
    while stack:
        node, chain = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            chain = [*chain, node]
        elif isinstance(node, ast.ClassDef):
            chain = []  # a method's free names are not its enclosing function's
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                named = isinstance(key, ast.Constant) and key.value == _TASK_TYPE
                if named and not isinstance(value, ast.Constant):
                    entries.append((value, chain))
        stack.extend((child, chain) for child in ast.iter_child_nodes(node))
    return entries


def _followed(value: ast.expr, chain: list[FunctionNode]) -> set[str] | None:
    if not isinstance(value, ast.Name):
        return None  # ``self.kind``, ``kind.value``: not followed
    name = value.id
    for depth in range(len(chain) - 1, -1, -1):
        function = chain[depth]
        positional, keyword_only = _parameters(function)
        if name in positional or name in keyword_only:
            if depth == 0 or _assigns(function, name):
                return None  # a module-level function or method: callers elsewhere
            position = positional.index(name) if name in positional else -1
            return _call_site_values(function, position, name, chain[depth - 1])
        if _assigns(function, name):
            return None
    return None


def _parameters(function: FunctionNode) -> tuple[list[str], list[str]]:
    """The positional parameters' names and the keyword-only ones'."""
    args = function.args
    return [a.arg for a in (*args.posonlyargs, *args.args)], [a.arg for a in args.kwonlyargs]


def _assigns(function: FunctionNode, name: str) -> bool:
    return any(
        isinstance(node, ast.Name) and node.id == name and isinstance(node.ctx, ast.Store)
        for node in ast.walk(function)
    )


def _call_site_values(
    function: FunctionNode, position: int, parameter: str, enclosing: FunctionNode
) -> set[str] | None:
    """The literals the calls of ``function`` (defined in ``enclosing``) pass for
    ``parameter``; ``None`` when it escapes (used other than called) or one is not a literal."""
    values: set[str] = set()
    called: set[int] = set()
    calls = [
        node
        for node in ast.walk(enclosing)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == function.name
    ]
    for call in calls:
        called.add(id(call.func))
        argument = _argument(call, parameter, position)
        if argument is None:
            argument = _default(function, parameter)
        if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
            return None
        values.add(argument.value)
    reads = [
        node
        for node in ast.walk(enclosing)
        if isinstance(node, ast.Name) and node.id == function.name and id(node) not in called
    ]
    return values if calls and not reads else None


def _argument(call: ast.Call, parameter: str, position: int) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == parameter:
            return keyword.value
    if any(isinstance(a, ast.Starred) for a in call.args) or any(
        k.arg is None for k in call.keywords
    ):
        return ast.Name("*")  # spread arguments: not a literal
    return call.args[position] if 0 <= position < len(call.args) else None


def _default(function: FunctionNode, parameter: str) -> ast.expr | None:
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    names = [a.arg for a in positional][len(positional) - len(args.defaults) :]
    defaults = dict(zip(names, args.defaults))
    for argument, default in zip(args.kwonlyargs, args.kw_defaults):
        if default is not None:
            defaults[argument.arg] = default
    return defaults.get(parameter)


__all__ = ["run_time_task_types"]
