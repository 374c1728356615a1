"""Values an opener hands to a callback its caller supplied.

``self.on_ready(data)`` with ``self.on_ready = on_ready`` set from a constructor parameter, or
``await on_session(data)`` with ``on_session`` a parameter of the opener itself: the callback is
the user's code (a script, a frontend bridge, a test) that the tool never sees, and it reads
``data["url"]`` there. Like a dict a route returns, such an argument is part of the code's
interface.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

import libcst as cst

from .index import Context, ModuleIndex, walk_nodes


def _parameter_names(function: cst.FunctionDef) -> set[str]:
    params = function.params
    return {p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)}


def _receiver(method: cst.FunctionDef) -> str | None:
    """The first parameter of a method (``self``, ``cls``), unless it is a static method."""
    if any(
        isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
        for d in method.decorators
    ):
        return None
    params = [*method.params.posonly_params, *method.params.params]
    return params[0].name.value if params else None


def _injected_attributes(class_def: cst.ClassDef) -> set[str]:
    """``self.on_ready = on_ready`` in a method of ``class_def``, the value a parameter of that
    method: an attribute holding a callable (or anything) the object's user handed in."""
    found: set[str] = set()
    if not isinstance(class_def.body, cst.IndentedBlock):
        return found
    for method in class_def.body.body:
        if not isinstance(method, cst.FunctionDef):
            continue
        params = _parameter_names(method) - {"self"}
        for node in walk_nodes(method):
            if not (isinstance(node, cst.Assign) and len(node.targets) == 1):
                continue
            target = node.targets[0].target
            if (
                isinstance(target, cst.Attribute)
                and isinstance(target.value, cst.Name)
                and target.value.value == "self"
                and isinstance(node.value, cst.Name)
                and node.value.value in params
            ):
                found.add(target.attr.value)
    return found


def callback_arguments(
    index: ModuleIndex, functions: Container[int]
) -> Iterator[tuple[cst.BaseExpression, Context]]:
    """The arguments of calls, inside the functions whose ids are in ``functions``, of a
    parameter of that function (``on_ready(data)``) or of an attribute the object's user
    handed in (``self.on_ready(data)``)."""
    injected: dict[int, set[str]] = {}
    for site in index.calls:
        function = site.context.function
        if function is None or id(function) not in functions:
            continue
        func = site.node.func
        if isinstance(func, cst.Name):
            # ``cls(http, data)`` in a classmethod builds the project's own object.
            receiver = _receiver(function) if site.context.class_def is not None else None
            supplied = func.value in _parameter_names(function) and func.value != receiver
        elif (
            isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.value.value == "self"
            and site.context.class_def is not None
        ):
            class_def = site.context.class_def
            if id(class_def) not in injected:
                injected[id(class_def)] = _injected_attributes(class_def)
            supplied = func.attr.value in injected[id(class_def)]
        else:
            supplied = False
        if not supplied:
            continue
        for arg in site.node.args:
            if not arg.star:
                yield arg.value, site.context


__all__ = ["callback_arguments"]
