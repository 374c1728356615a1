"""Values an opener hands to a callback its caller supplied.

``self.on_ready(data)`` with ``self.on_ready = on_ready`` set from a constructor parameter, or
``await on_session(data)`` with ``on_session`` a parameter of the opener itself, or
``self.emit("ready", data)`` running the handlers its users registered: the callback is
the user's code (a script, a frontend bridge, a test) that the tool never sees, and it reads
``data["url"]`` there. Like a dict a route returns, such an argument is part of the code's
interface.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

import libcst as cst

from .index import Context, ModuleIndex, dotted_name, walk_nodes


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


_EMITTER_BASES = ("EventEmitter", "AsyncIOEventEmitter", "ExecutorEventEmitter")
"""pyee's emitters (and classes named after them): ``self.emit("ready", data)`` runs the
handlers the object's users registered with ``.on("ready", handler)``."""


def _method(class_def: cst.ClassDef, name: str) -> cst.FunctionDef | None:
    if not isinstance(class_def.body, cst.IndentedBlock):
        return None
    for statement in class_def.body.body:
        if isinstance(statement, cst.FunctionDef) and statement.name.value == name:
            return statement
    return None


def _dispatched_parameters(method: cst.FunctionDef) -> set[str]:
    """The parameters of ``method`` (an event emitter's ``emit``) that it hands to handlers
    kept on the object: ``for handler in self._handlers[event]: handler(payload)`` (also
    awaited, or ``self._handlers[event](payload)``)."""
    params = _parameter_names(method)
    handlers: set[str] = set()
    for node in walk_nodes(method):
        # ``for handler in self._handlers[event]`` / ``in list(self._listeners[event])``
        if (
            isinstance(node, (cst.For, cst.CompFor))
            and isinstance(node.target, cst.Name)
            and any(
                isinstance(n, cst.Attribute)
                and isinstance(n.value, cst.Name)
                and n.value.value == "self"
                for n in walk_nodes(node.iter)
            )
        ):
            handlers.add(node.target.value)
    found: set[str] = set()
    for node in walk_nodes(method):
        if not isinstance(node, cst.Call):
            continue
        func = node.func
        called_handler = (isinstance(func, cst.Name) and func.value in handlers) or (
            isinstance(func, cst.Subscript)
            and isinstance(func.value, cst.Attribute)
            and isinstance(func.value.value, cst.Name)
            and func.value.value.value == "self"
        )
        if called_handler:
            found |= {
                arg.value.value
                for arg in node.args
                if isinstance(arg.value, cst.Name) and (arg.value.value in params or arg.star)
            }
    return found


def _emitted_arguments(call: cst.Call, class_def: cst.ClassDef) -> list[cst.BaseExpression]:
    """The arguments of ``self.emit(...)`` that reach the handlers the object's users
    registered: those of a method that dispatches them (:func:`_dispatched_parameters`), or
    all but the event name for an ``emit`` inherited from an event emitter."""
    func = call.func
    assert isinstance(func, cst.Attribute)
    method = _method(class_def, func.attr.value)
    if method is None:
        bases = {(dotted_name(b.value) or "").rpartition(".")[2] for b in class_def.bases}
        if func.attr.value == "emit" and bases & set(_EMITTER_BASES):
            return [arg.value for arg in call.args[1:] if not arg.star]
        return []
    dispatched = _dispatched_parameters(method)
    if not dispatched:
        return []
    names = [p.name.value for p in (*method.params.posonly_params, *method.params.params)][1:]
    star = method.params.star_arg
    # ``def emit(self, event, *args)`` handing ``handler(*args)``: the extra positional ones.
    rest = isinstance(star, cst.Param) and star.name.value in dispatched
    found: list[cst.BaseExpression] = []
    for position, arg in enumerate(call.args):
        if arg.star:
            break
        name = arg.keyword.value if arg.keyword is not None else None
        if name is None and position < len(names):
            name = names[position]
        if name in dispatched or (rest and arg.keyword is None and position >= len(names)):
            found.append(arg.value)
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
            if not supplied:
                # ``self.emit("ready", data)``: the handlers its users registered.
                for value in _emitted_arguments(site.node, class_def):
                    yield value, site.context
                continue
        else:
            supplied = False
        if not supplied:
            continue
        for arg in site.node.args:
            if not arg.star:
                yield arg.value, site.context


__all__ = ["callback_arguments"]
