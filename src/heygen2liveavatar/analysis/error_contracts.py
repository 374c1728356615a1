"""The project's own exception a streaming request raises when its HTTP call fails.

``def _post(path, payload): resp = requests.post(...); if resp.status_code != 200: raise
HeyGenError(f"{path}: HTTP {resp.status_code}")``: callers (a view answering 502, a retry loop)
catch ``HeyGenError``. After migration the session start goes through the helper module,
which raises its own ``LiveAvatarError``, and the project's handler no longer sees the failure.
This module finds the class the request path raises, so the start can raise it too
(``liveavatar_bridge.start_session(..., error=HeyGenError)``), as a person migrating by hand
would make the new call fail the way the old one did.

A wrapper of another module (``from desk.http import post``), or a method of a base class
imported from one (``self._request(...)`` in ``class Avatar(BaseClient)``), is known by the
project facts (``ProjectFacts.wrapper_errors``, ``engine/error_facts.py``): its class is
imported from the module the caller imports the wrapper or the base from
(:func:`imported_wrapper_error`).

Only a class the project itself constructs from one positional argument (the message) is
taken: the helper builds it the same way, so its constructor is known to accept that.
Builtin exceptions are left alone (their handlers are not about the HTTP call), and so are
requests whose wrapper raises more than one class (which one a failed start is is a choice).
"""

from __future__ import annotations

import builtins

import libcst as cst

from .http import RequestSite, thread_run_view
from .index import ModuleIndex, dotted_name
from .wrapper_params import wrapper_definition

_BUILTIN_NAMES = frozenset(dir(builtins))


def raised_project_error(index: ModuleIndex, request: RequestSite) -> str | None:
    """The dotted name of the exception class the request's function, or the module's wrapper
    it is a call of, raises from a message (``raise HeyGenError(message)``), if exactly one."""
    functions: set[int] = set()
    if request.call.context.function is not None:
        functions.add(id(request.call.context.function))
    if request.client == "wrapper":
        # ``asyncio.to_thread(self._post, ...)``: the wrapper is the function the runner calls.
        called = thread_run_view(index, request.node) or request.node
        wrapper = wrapper_definition(index, called)
        if wrapper is not None:
            functions.add(id(wrapper))
    if not functions:
        return None
    found: set[str] = set()
    for site in index.calls:
        function = site.context.function
        if function is None or id(function) not in functions:
            continue
        parent = index.parent_of(site.node)
        if type(parent) is not cst.Raise or parent.exc is not site.node:
            continue
        name = dotted_name(site.node.func)
        if name is None or _is_builtin(index, name):
            continue  # ``raise ValueError("no path")``: about the arguments, not the HTTP call
        if not _from_message(index, site.node, name):
            return None  # a raise the helper cannot imitate: leave the choice to a person
        found.add(name)
    return found.pop() if len(found) == 1 else None


def imported_wrapper_error(
    index: ModuleIndex, request: RequestSite, wrapper_errors: tuple[tuple[str, str], ...]
) -> tuple[str, str] | None:
    """``(module, class)`` for a request sent through a wrapper this module imports
    (``from desk.http import post``, ``from desk import http; http.post(...)``) that raises
    its module's own class from a message: the caller imports the class from there. ``None``
    when the class's name is already bound here to something else."""
    if not wrapper_errors or request.client != "wrapper":
        return None
    called = thread_run_view(index, request.node) or request.node
    dotted = dotted_name(called.func)
    if dotted is None:
        return None
    head, _, wrapper = dotted.rpartition(".")
    if head == "self":
        # ``self._request(...)`` in ``class Avatar(BaseClient)``, ``BaseClient`` imported:
        # the method is the base's, and so is its module's class.
        module = _imported_base_module(index, request.call.context.class_def, wrapper)
    elif dotted.split(".")[0] in index.imports:
        module = (index.qualified_name(dotted) or "").rpartition(".")[0]
    else:
        return None  # a function or method of this module, or of an object
    error = dict(wrapper_errors).get(wrapper)
    if not module or error is None:
        return None
    bound = index.imports.get(error)
    if bound is not None and bound != f"{module}.{error}":
        return None
    if bound is None and error in _module_level_names(index.module):
        return None  # the module's own class of that name
    return module, error


def _imported_base_module(
    index: ModuleIndex, class_def: cst.ClassDef | None, method: str
) -> str | None:
    """The module of the one imported base class of ``class_def``, when the class does not
    define ``method`` itself (``class Avatar(BaseClient)``, ``from desk.client import
    BaseClient``)."""
    if class_def is None or index.lookup_self_attribute(class_def, method):
        return None
    body = class_def.body.body if isinstance(class_def.body, cst.IndentedBlock) else ()
    if any(type(member) is cst.FunctionDef and member.name.value == method for member in body):
        return None
    modules = set()
    for base in class_def.bases:
        name = dotted_name(base.value) if base.keyword is None else None
        if name is not None and name.split(".")[0] in index.imports:
            modules.add((index.qualified_name(name) or "").rpartition(".")[0])
    return modules.pop() if len(modules) == 1 else None


def _is_builtin(index: ModuleIndex, name: str) -> bool:
    head = name.split(".")[0]
    return head in _BUILTIN_NAMES and head not in index.imports


def _from_message(index: ModuleIndex, call: cst.Call, name: str) -> bool:
    """``X(message)`` with ``X`` a class defined or imported at the top of the module (visible
    wherever the start is written)."""
    if len(call.args) != 1 or call.args[0].keyword is not None or call.args[0].star:
        return False
    return name.split(".")[0] in _module_level_names(index.module)


def _module_level_names(module: cst.Module) -> frozenset[str]:
    """Names the module's own top-level class definitions and imports bind."""
    names: set[str] = set()
    for statement in module.body:
        if type(statement) is cst.ClassDef:
            names.add(statement.name.value)
        elif type(statement) is cst.SimpleStatementLine:
            for small in statement.body:
                if type(small) is cst.Import or type(small) is cst.ImportFrom:
                    names.update(_bound_by(small))
    return frozenset(names)


def _bound_by(statement: cst.Import | cst.ImportFrom) -> list[str]:
    if isinstance(statement.names, cst.ImportStar):
        return []
    bound: list[str] = []
    for alias in statement.names:
        if alias.asname is not None and type(alias.asname.name) is cst.Name:
            bound.append(alias.asname.name.value)
        else:
            dotted = dotted_name(alias.name)
            if dotted is not None:
                bound.append(dotted.split(".")[0])
    return bound
