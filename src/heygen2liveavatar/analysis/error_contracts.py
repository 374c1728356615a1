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
from dataclasses import dataclass

import libcst as cst

from .http import RequestSite, thread_run_view
from .index import ModuleIndex, dotted_name, walk_nodes
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


# The exceptions of the HTTP libraries a request was sent with: a handler of one of them no
# longer sees a failure once the request is a helper call (an event, a session start).
_HTTP_LIBRARIES = ("requests", "httpx", "aiohttp", "urllib3", "urllib.error")
_HTTP_LIBRARY_BASES = frozenset(
    {
        "requests.RequestException",
        "requests.exceptions.RequestException",
        "httpx.HTTPError",
        "aiohttp.ClientError",
        "urllib.error.URLError",
        "urllib3.exceptions.HTTPError",
    }
)
# Handlers that catch the helper's ``LiveAvatarError`` (a RuntimeError) already.
_CATCHING_EVERYTHING = frozenset({"Exception", "BaseException", "RuntimeError", "LiveAvatarError"})
# What an HTTP library's exception carries and ``LiveAvatarError`` does not.
_HTTP_ERROR_ATTRIBUTES = frozenset(
    {"response", "request", "request_info", "code", "headers", "reason", "message", "history"}
)


@dataclass(frozen=True)
class HttpErrorHandler:
    """The ``except`` clause that handled a request's failure, and what it names."""

    handler: cst.ExceptHandler
    caught: tuple[str, ...]
    """The qualified names of the classes it catches (``requests.RequestException``)."""
    reads_http_details: bool
    """Its body reads what only an HTTP library's exception has (``exc.response``)."""
    one_of_several: bool = False
    """The first of several handlers of the library's specific exceptions (``except
    Timeout`` and ``except ConnectionError``): which one handles the helper's is a choice."""


def http_error_handler(index: ModuleIndex, node: cst.CSTNode) -> HttpErrorHandler | None:
    """The handler of an HTTP library's exception around the request ``node``
    (``try: requests.post(...) except requests.RequestException: return None``), which the
    helper's ``LiveAvatarError`` would now pass by; ``None`` when no such handler is in the
    function or a handler of the same ``try`` catches it already. Of several library
    handlers, the one of the library's base class (``requests.RequestException``) is chosen;
    without one, the first is returned as ``one_of_several``."""
    current: cst.CSTNode | None = node
    while current is not None and not isinstance(current, _SCOPES):
        parent = index.parent_of(current)
        if isinstance(parent, cst.Try) and current is parent.body:
            caught = [(h, _caught(index, h)) for h in parent.handlers]
            if any(h.type is None or _catches_everything(names) for h, names in caught):
                return None
            library = [(h, names) for h, names in caught if any(map(_from_http_library, names))]
            bases = [(h, names) for h, names in library if _HTTP_LIBRARY_BASES & set(names)]
            chosen = library if len(library) == 1 else bases if len(bases) == 1 else []
            if library:
                handler, names = (chosen or library)[0]
                details = _reads_http_details(handler)
                return HttpErrorHandler(handler, tuple(names), details, not chosen)
        current = parent
    return None


_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda, cst.Module)


def _caught(index: ModuleIndex, handler: cst.ExceptHandler) -> list[str]:
    kind = handler.type
    elements = [e.value for e in kind.elements] if isinstance(kind, cst.Tuple) else [kind]
    names: list[str] = []
    for element in elements:
        dotted = dotted_name(element) if element is not None else None
        names.append(index.qualified_name(dotted) or "" if dotted is not None else "")
    return names


def _catches_everything(names: list[str]) -> bool:
    return any(name.split(".")[-1] in _CATCHING_EVERYTHING for name in names)


def _from_http_library(name: str) -> bool:
    return any(name == root or name.startswith(root + ".") for root in _HTTP_LIBRARIES)


def _reads_http_details(handler: cst.ExceptHandler) -> bool:
    bound = handler.name.name if handler.name is not None else None
    if not isinstance(bound, cst.Name):
        return False
    return any(
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == bound.value
        and node.attr.value in _HTTP_ERROR_ATTRIBUTES
        for node in walk_nodes(handler.body)
    )
