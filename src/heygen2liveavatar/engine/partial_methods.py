"""Request wrappers defined as ``functools.partialmethod`` of another method, for the facts.

``_post = partialmethod(_request, "POST")`` in a base class makes ``self._post(path,
json=...)`` a call of ``_request("POST", path, json=...)``: the same wrapper with its first
positional parameters bound. The facts give such an alias what its target has (body, URL and
method parameters, URL template, error class), with positions shifted past the bound
arguments; what a bound argument fills is no parameter of the alias. ``ast`` only (the facts
scan never imports LibCST).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .wrapper_facts import dotted_name

if TYPE_CHECKING:
    from .project_facts import FileFacts

_PARTIAL_METHODS = frozenset({"partialmethod", "functools.partialmethod"})


def partial_methods(cls: ast.ClassDef) -> Iterator[tuple[str, str, int]]:
    """``(alias, target, bound)`` for each ``alias = partialmethod(target, *args)`` in the
    class body, ``bound`` the number of positional arguments it binds (keywords bind no
    position; a starred argument makes the positions unknown: skipped)."""
    for statement in cls.body:
        if not (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(statement.value, ast.Call)
        ):
            continue
        call = statement.value
        if dotted_name(call.func) not in _PARTIAL_METHODS or not call.args:
            continue
        target, *bound = call.args
        if not isinstance(target, ast.Name) or any(isinstance(a, ast.Starred) for a in bound):
            continue
        yield statement.targets[0].id, target.id, len(bound)


def add_partial_method_wrappers(tree: ast.Module, facts: FileFacts) -> None:
    """Give every ``partialmethod`` alias of a wrapper of this file the wrapper's facts."""
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        for alias, target, bound in partial_methods(cls):
            if target in facts.wrappers and alias not in facts.wrappers:
                name, position = facts.wrappers[target]
                if position < 0 or position >= bound:
                    facts.wrappers[alias] = (name, position - bound if position >= 0 else position)
            parameters = facts.wrapper_parameters.get(target)
            if parameters and alias not in facts.wrapper_parameters:
                shifted = [
                    (role, name, position - bound if position >= 0 else position)
                    for role, name, position in parameters
                    if position < 0 or position >= bound
                ]
                if shifted:
                    facts.wrapper_parameters[alias] = shifted
            if target in facts.wrapper_urls and alias not in facts.wrapper_urls:
                urls = [p for p in parameters or [] if p[0] == "url"]
                if urls and (urls[0][2] < 0 or urls[0][2] >= bound):
                    facts.wrapper_urls[alias] = facts.wrapper_urls[target]
            if target in facts.wrapper_errors and alias not in facts.wrapper_errors:
                facts.wrapper_errors[alias] = facts.wrapper_errors[target]


__all__ = ["add_partial_method_wrappers", "partial_methods"]
