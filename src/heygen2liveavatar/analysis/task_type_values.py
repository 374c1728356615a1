"""The task types a ``"task_type": <name>`` entry sends, followed to the literals its callers pass.

``def speaker(task_type): def speak(sid, text): call("streaming.task", {..., "task_type":
task_type})`` inside a client factory, made as ``speaker("repeat")``: the type is chosen at
run time, yet every call of the closure's factory names it. A chat or talk task needs a
Context after migration (a FULL session answers ``avatar.speak_response`` only with one), a
repeat task does not: the session's mode findings follow the value when they can.

Only a parameter of a function nested in another (a closure) is followed: every call of it is
in the function defining it, where this module sees them. A module-level function or a method
may be called from anywhere with any type. ``engine/task_type_facts.py`` reads the same with
``ast`` for the project facts.
"""

from __future__ import annotations

import libcst as cst

from .index import Context, ModuleIndex, Scope, string_value, walk_nodes


def task_type_values(
    index: ModuleIndex, value: cst.BaseExpression, context: Context
) -> set[str] | None:
    """The task types ``value`` (a dict entry's value, read in ``context``) may be; ``None``
    when they cannot be told (not a closure's parameter, reassigned, the closure passed
    around, or a call passing no literal)."""
    if not isinstance(value, cst.Name):
        return None
    name = value.value
    scope: Scope | None = context.scope
    while scope is not None and isinstance(scope.node, cst.FunctionDef):
        function = scope.node
        positional, keyword_only = _parameters(function)
        if name in positional or name in keyword_only:
            enclosing = scope.parent
            if enclosing is None or not isinstance(enclosing.node, cst.FunctionDef):
                return None  # a module-level function or a method: callers elsewhere
            defaults = {id(p.default) for p in _params(function) if p.default is not None}
            if any(id(v) not in defaults for v in scope.assignments.get(name, [])):
                return None  # reassigned in the function
            position = positional.index(name) if name in positional else -1
            return _call_site_values(index, function, name, position, enclosing)
        if name in scope.assignments:
            return None  # a local of an inner function
        scope = scope.parent
    return None


def _params(function: cst.FunctionDef) -> tuple[cst.Param, ...]:
    params = function.params
    return (*params.posonly_params, *params.params, *params.kwonly_params)


def _parameters(function: cst.FunctionDef) -> tuple[list[str], list[str]]:
    """The positional parameters' names and the keyword-only ones'."""
    params = function.params
    positional = [p.name.value for p in (*params.posonly_params, *params.params)]
    return positional, [p.name.value for p in params.kwonly_params]


def _within(scope: Scope | None, target: Scope) -> bool:
    while scope is not None:
        if scope is target:
            return True
        scope = scope.parent
    return False


def _call_site_values(
    index: ModuleIndex, function: cst.FunctionDef, parameter: str, position: int, enclosing: Scope
) -> set[str] | None:
    """The literals the calls of ``function`` (defined in ``enclosing``) pass for
    ``parameter``, its default's for a call passing none; ``None`` when the function is used
    other than called there, or a call passes something else."""
    name = function.name.value
    calls = [c for c in index.calls if c.name == name and _within(c.context.scope, enclosing)]
    called = {id(c.node.func) for c in calls}
    for node in walk_nodes(enclosing.node):
        if (
            type(node) is cst.Name
            and node.value == name
            and node is not function.name
            and id(node) not in called
        ):
            return None  # returned, stored or passed: called where this module cannot see
    default = next((p.default for p in _params(function) if p.name.value == parameter), None)
    values: set[str] = set()
    for call in calls:
        argument = _argument(call.node, parameter, position)
        if argument is None:
            argument = default
        text = string_value(argument) if isinstance(argument, cst.SimpleString) else None
        if text is None:
            return None
        values.add(text)
    return values if calls else None


def _argument(call: cst.Call, parameter: str, position: int) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == parameter:
            return arg.value
    if any(arg.star for arg in call.args):
        return cst.Name("_")  # spread arguments: not a literal
    positional = [arg for arg in call.args if arg.keyword is None]
    return positional[position].value if 0 <= position < len(positional) else None


__all__ = ["task_type_values"]
