"""Whether a module's migration gives its request wrapper a LiveAvatar sibling, read with ``ast``.

``def _post(path, body): requests.post(API_BASE + path, headers=HEADERS, ...)`` in ``api.py``,
called there with ``/v2/video/generate`` and with ``/v1/streaming.new``: the migration of
``api.py`` writes ``_liveavatar_post`` beside it (:mod:`..analysis.shared_wrappers`) and leaves
``_post`` to HeyGen's other APIs. A module that imports ``_post`` and sends streaming calls
through it must call the sibling too, or its migrated calls go to HeyGen's base. This is the
project facts' reading of the same conditions (``ast`` only: the facts scan never imports
LibCST); where it is not sure, it says no, and the importer's calls stay as they are.

The paths may also come from other modules: ``utils.py`` defines ``heygen_post`` and calls it
nowhere, ``live.py`` imports it for ``/v1/streaming.new`` and ``videos.py`` for
``/v2/video/generate``. The facts keep what kinds of paths each wrapper is called with, in its
module (:func:`split_kinds`) and in the modules importing it (:func:`imported_call_kinds`); the
wrapper splits when, together, they are streaming and other paths (:func:`splits`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from ..apispec import HEYGEN_HOST
from ..model import BASE_READ, HELPER_KEY, KEY_READ
from .token_getter_facts import import_bindings
from .wrapper_facts import own_nodes, url_head

_HTTP_CALLEES = frozenset({"get", "post", "put", "patch", "delete", "request"})
"""The calls that send the wrapper's one request (``analysis/shared_wrappers`` splits those)."""
_STREAMING = "streaming."


STREAMING_PATHS = "s"
OTHER_PATHS = "o"
NOT_SPLIT = "-"
"""What :func:`split_kinds` says of a wrapper its module's migration never splits."""


def splits_for_liveavatar(
    function: ast.FunctionDef | ast.AsyncFunctionDef, module: ast.Module
) -> bool:
    """``function``, a module-level wrapper joining a HeyGen host constant with its caller's
    path, is called in its module with a streaming path and with a path of HeyGen's other
    APIs, sends one request whose headers read no local, and its base serves nothing else:
    its module's migration splits it."""
    return splits(split_kinds(function, module), "")


def splits(kinds: str | None, imported: str) -> bool:
    """A wrapper whose module may split it (``kinds``, from :func:`split_kinds`; ``None``:
    files disagree), called with streaming and other paths in its module or in the modules
    importing it (``imported``, from :func:`imported_call_kinds`)."""
    if kinds is None or kinds == NOT_SPLIT:
        return False
    every = set(kinds) | set(imported)
    return STREAMING_PATHS in every and OTHER_PATHS in every


def path_kinds(paths: list[str]) -> str:
    """``s`` for a streaming path, ``o`` for a path of HeyGen's other APIs (``/v2/...``)."""
    streaming = any(_STREAMING in p for p in paths)
    other = any(_STREAMING not in p and p.lstrip("/").startswith("v") for p in paths)
    return (STREAMING_PATHS if streaming else "") + (OTHER_PATHS if other else "")


def imported_call_kinds(module: ast.Module, imported: set[str]) -> dict[str, str]:
    """Names imported from another module (``from .utils import heygen_post``) called with a
    literal path first (``heygen_post("/v1/streaming.new", body)``), and methods called on
    them (``heygen.post``) -> :func:`path_kinds` of those paths."""
    paths: dict[str, list[str]] = {}
    for node in ast.walk(module):
        if not isinstance(node, ast.Call):
            continue
        path = _literal_path(node)
        if path is None:
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in imported:
            paths.setdefault(func.id, []).append(path)
        elif (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in imported
        ):
            # ``heygen.post("/v1/streaming.new", ...)`` on an imported client instance
            paths.setdefault(f"{func.value.id}.{func.attr}", []).append(path)
    kinds = {name: path_kinds(found) for name, found in paths.items()}
    return {name: kind for name, kind in kinds.items() if kind}


def _literal_path(call: ast.Call) -> str | None:
    """The literal path a call passes first (``heygen_post("/v1/streaming.new", ...)``), or
    second after a literal method (``heygen_request("POST", "/v1/streaming.new", ...)``)."""
    literals = [
        a.value for a in call.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)
    ]
    if not literals or not isinstance(call.args[0], ast.Constant):
        return None
    if len(literals) == 2 and literals[0].upper() in _METHODS and path_kinds([literals[1]]):
        return literals[1]
    return literals[0]


_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})


def split_kinds(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    module: ast.Module,
    foreign_base: bool = False,
) -> str:
    """``function``, a module-level wrapper joining a HeyGen host constant with its caller's
    path, sending one request whose headers read no local, on a base that serves nothing
    else: the :func:`path_kinds` of the paths its module calls it with (its module's
    migration splits it when they are both, or when importers add the other kind).
    :data:`NOT_SPLIT` for any other function. ``foreign_base``: also a wrapper on a base of
    another module (:func:`foreign_base_request`), for a module the run migrates (one the
    pre-filter admits: the importers call the sibling only its migration writes)."""
    if function not in module.body:
        return NOT_SPLIT
    # ``body.get("error")`` is no request: a request's arguments name the HeyGen base.
    requests = _requests_reading(
        function,
        lambda name: isinstance(name, ast.Name) and _is_heygen_host_constant(module, name.id),
        keywords=True,
    )
    if not requests and foreign_base and foreign_base_request(function, module) is not None:
        # ``settings.API_BASE + path``: a base of another module, which streaming calls of
        # the modules importing the wrapper (its only callers) show to be HeyGen's
        return path_kinds(_own_call_paths(function, module)) or ""
    sent = _url_and_headers(requests)
    if sent is None:
        return NOT_SPLIT
    url, _headers = sent
    head = url_head(url)
    base = head.id if isinstance(head, ast.Name) else None
    bound = _module_bindings(module)
    if base is None or not _is_heygen_host_constant(module, base):
        return NOT_SPLIT
    if not _sends_on_base(function, module, base, bound):
        return NOT_SPLIT  # a local of the wrapper: the sibling cannot compute it first
    # The base read elsewhere: by another wrapper (``_get``), which, if it sends a streaming
    # path, must be split as this one is (each wrapper the streaming calls go through gets
    # its sibling), and by no statement naming a streaming path.
    readers = {function.name}
    functions = {function.name: function}
    for statement in module.body:
        if statement is function or not any(
            isinstance(node, ast.Name) and node.id == base and isinstance(node.ctx, ast.Load)
            for node in ast.walk(statement)
        ):
            continue
        if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) or any(
            isinstance(node, ast.Constant) and _STREAMING in str(node.value)
            for node in ast.walk(statement)
        ):
            return NOT_SPLIT
        readers.add(statement.name)
        functions[statement.name] = statement
    paths: dict[str, list[str]] = {name: [] for name in readers}
    for node in ast.walk(module):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in paths
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            paths[node.func.id].append(node.args[0].value)
    for name in readers - {function.name}:
        if any(_STREAMING in p for p in paths[name]) and not _sends_on_base(
            functions[name], module, base, bound
        ):
            return NOT_SPLIT
    return path_kinds(paths[function.name])


def _url_and_headers(requests: list[ast.Call]) -> tuple[ast.expr, ast.expr] | None:
    """The URL and the headers of the one request of ``requests`` (``None``: not one request,
    or one without headers)."""
    if len(requests) != 1:
        return None
    call = requests[0]
    keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
    headers = keywords.get("headers")
    url = keywords.get("url") or next(
        (a for a in call.args if not isinstance(a, ast.Starred)), None
    )
    if _callee(call) == "request" and "url" not in keywords:
        url = call.args[1] if len(call.args) > 1 else None
    if headers is None or url is None:
        return None
    return url, headers


def _sends_on_base(
    function: ast.FunctionDef | ast.AsyncFunctionDef, module: ast.Module, base: str, bound: set[str]
) -> bool:
    """``function`` sends one request on the module constant ``base`` joined with more,
    whose headers read no local of it (``analysis.shared_wrappers.wrapper_split``)."""
    sent = _url_and_headers(
        _requests_reading(
            function,
            lambda name: isinstance(name, ast.Name) and _is_heygen_host_constant(module, name.id),
            keywords=True,
        )
    )
    if sent is None:
        return False
    url, headers = sent
    head = url_head(url)
    return (
        isinstance(head, ast.Name)
        and head.id == base
        and not any(
            isinstance(node, ast.Name) and node.id not in bound and node.id != "self"
            for node in ast.walk(headers)
        )
    )


def foreign_base_request(
    function: ast.FunctionDef | ast.AsyncFunctionDef, module: ast.Module
) -> ast.Call | None:
    """The one request of a module-level wrapper whose URL joins a base read on (or as) a
    name the module imports (``settings.API_BASE + path``, also through a local ``url =
    ...`` assigned once) with more, and whose headers read no local of the wrapper (so its
    sibling can build them first): what ``analysis.shared_wrappers.foreign_base_split``
    splits. The wrapper's module calls it with no streaming path (its callers import it)."""
    if function not in module.body:
        return None
    imported = _imported_names(module)
    if not imported:
        return None
    assigned: dict[str, list[ast.expr]] = {}
    for node in own_nodes(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
    found: list[ast.Call] = []
    for node in own_nodes(function):
        if not isinstance(node, ast.Call) or _callee(node) not in _HTTP_CALLEES:
            continue
        keywords = {k.arg: k.value for k in node.keywords if k.arg is not None}
        url = keywords.get("url") or next(
            (a for a in node.args if not isinstance(a, ast.Starred)), None
        )
        if _callee(node) == "request" and "url" not in keywords:
            url = node.args[1] if len(node.args) > 1 else None
        if isinstance(url, ast.Name) and len(assigned.get(url.id, ())) == 1:
            url = assigned[url.id][0]
        if url is None or not isinstance(url, (ast.BinOp, ast.JoinedStr)):
            continue
        head = url_head(url)
        owner = head.value if isinstance(head, ast.Attribute) else head
        if isinstance(owner, ast.Name) and owner.id in imported:
            found.append(node)
    if len(found) != 1 or _own_call_paths(function, module, _STREAMING):
        return None
    headers = next((k.value for k in found[0].keywords if k.arg == "headers"), None)
    bound = _module_bindings(module)
    if headers is None or any(
        isinstance(n, ast.Name) and n.id not in bound for n in ast.walk(headers)
    ):
        return None
    return found[0]


def _own_call_paths(
    function: ast.FunctionDef | ast.AsyncFunctionDef, module: ast.Module, containing: str = ""
) -> list[str]:
    """The literal paths ``function``'s own module calls it with (containing ``containing``)."""
    return [
        path
        for node in ast.walk(module)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == function.name
        and (path := _literal_path(node)) is not None
        and containing in path
    ]


def _imported_names(module: ast.Module) -> set[str]:
    """Names the module's top-level imports bind."""
    names: set[str] = set()
    for statement in module.body:
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in statement.names)
    return names


def _callee(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _is_heygen_host_constant(module: ast.Module, name: str) -> bool:
    values = [
        statement.value
        for statement in module.body
        if isinstance(statement, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == name for t in statement.targets)
    ]
    return (
        len(values) == 1
        and isinstance(values[0], ast.Constant)
        and isinstance(values[0].value, str)
        and values[0].value.startswith(("https://" + HEYGEN_HOST, "http://" + HEYGEN_HOST))
    )


def _module_bindings(module: ast.Module) -> set[str]:
    """Names the module's top-level statements bind (assignments, imports, definitions)."""
    names: set[str] = set()
    for statement in module.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(statement.name)
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            names.update((a.asname or a.name).split(".")[0] for a in statement.names)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def instance_method_kinds(module: ast.Module) -> dict[str, str]:
    """``heygen = HeyGenClient(key)`` at module level, whose class keeps a HeyGen host in a
    class attribute (``BASE = "https://api.heygen.com"``) and has a method sending one
    request on ``self.BASE + path`` (``post(self, path, payload)``), its headers its own
    client's defaults or free of locals: ``"heygen.post"`` -> the :func:`path_kinds` of the
    paths this module calls it with (often none: the callers import ``heygen``)."""
    classes = {s.name: s for s in module.body if isinstance(s, ast.ClassDef)}
    found: dict[str, str] = {}
    bound = _module_bindings(module)
    for statement in module.body:
        if not (
            isinstance(statement, ast.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.targets[0], ast.Name)
            and isinstance(statement.value, ast.Call)
            and isinstance(statement.value.func, ast.Name)
            and statement.value.func.id in classes
        ):
            continue
        instance = statement.targets[0].id
        class_def = classes[statement.value.func.id]
        bases = _class_host_constants(class_def)
        if len(bases) != 1:
            continue
        for method in class_def.body:
            if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and _sends_on(
                method, bases[0], bound
            ):
                paths = [
                    node.args[0].value
                    for node in ast.walk(module)
                    if isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == method.name
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in (instance, "self")
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ]
                found[f"{instance}.{method.name}"] = path_kinds(paths)
    return found


def _class_host_constants(class_def: ast.ClassDef) -> list[str]:
    return [
        target.id
        for statement in class_def.body
        if isinstance(statement, ast.Assign)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
        and statement.value.value.startswith(("https://" + HEYGEN_HOST, "http://" + HEYGEN_HOST))
        for target in statement.targets
        if isinstance(target, ast.Name)
    ]


def _requests_reading(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    reads: Callable[[ast.AST], bool],
    keywords: bool = False,
) -> list[ast.Call]:
    """The HTTP calls of ``function`` (not of its nested functions) one of whose positional
    arguments (or keyword values, with ``keywords``) holds a node ``reads`` accepts."""
    return [
        node
        for node in own_nodes(function)
        if isinstance(node, ast.Call)
        and _callee(node) in _HTTP_CALLEES
        and any(
            reads(part)
            for argument in (*node.args, *(k.value for k in node.keywords if keywords))
            for part in ast.walk(argument)
        )
    ]


def _sends_on(method: ast.FunctionDef | ast.AsyncFunctionDef, base: str, bound: set[str]) -> bool:
    """One HTTP call of ``method`` whose URL starts with ``self.<base>`` and whose headers,
    if it sends any, read nothing of the method's own (or the client's defaults: none)."""
    requests = _requests_reading(
        method,
        lambda n: (
            isinstance(n, ast.Attribute)
            and n.attr == base
            and isinstance(n.value, ast.Name)
            and n.value.id == "self"
        ),
    )
    if len(requests) != 1:
        return False
    call = requests[0]
    head = url_head(call.args[0]) if call.args else None
    if not (
        isinstance(head, ast.Attribute)
        and head.attr == base
        and isinstance(head.value, ast.Name)
        and head.value.id == "self"
    ):
        return False
    headers = next((k.value for k in call.keywords if k.arg == "headers"), None)
    if headers is None:
        # the client's default headers: the call goes through an object the class keeps
        func = call.func
        return (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Attribute)
            and isinstance(func.value.value, ast.Name)
            and func.value.value.id == "self"
        )
    # as ``analysis.shared_wrappers``: nothing bound in the method (the sibling computes the
    # headers first)
    return not any(
        isinstance(n, ast.Name) and n.id != "self" and n.id not in bound for n in ast.walk(headers)
    )


def foreign_settings_reads(
    function: ast.FunctionDef | ast.AsyncFunctionDef, module: ast.Module
) -> list[str]:
    """What a wrapper on another module's base (:func:`foreign_base_request`) reads there:
    ``base:studio.config.BASE_URL`` for ``f"{config.BASE_URL}{path}"`` with ``from studio
    import config`` (the dotted name as the import spells it, relative dots left out, then
    the attribute), ``key:studio.config.API_KEY`` for a name its headers read the same way
    (also in a module-level helper of its own module it calls for them), and
    ``key:<module of the base>.*`` for headers a helper imported from another module builds:
    the sibling its module's migration writes sends neither (``analysis.shared_wrappers``):
    the settings module's rules know the split happens in the wrapper's module."""
    call = foreign_base_request(function, module)
    if call is None:
        return []
    origins = import_bindings(module)
    keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
    url = keywords.get("url") or next(
        (a for a in call.args if not isinstance(a, ast.Starred)), None
    )
    if _callee(call) == "request" and "url" not in keywords:
        url = call.args[1] if len(call.args) > 1 else None
    if isinstance(url, ast.Name):
        assigned = [
            node.value
            for node in own_nodes(function)
            if isinstance(node, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id == url.id for t in node.targets)
        ]
        url = assigned[0] if len(assigned) == 1 else None
    base = _imported_read(url_head(url), origins) if url is not None else None
    if base is None:
        return []
    found = [f"{BASE_READ}:{base}"]
    headers = keywords.get("headers")
    if headers is None:
        return found
    helpers = {
        s.name: s for s in module.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    parts: list[ast.AST] = [headers]
    for node in ast.walk(headers):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in helpers:
                parts.append(helpers[node.func.id])
            elif node.func.id in origins:
                found.append(f"{KEY_READ}:{base.rpartition('.')[0]}.{HELPER_KEY}")
    for part in parts:
        inner = {
            id(n.value if isinstance(n, ast.Attribute) else n.func)
            for n in ast.walk(part)
            if isinstance(n, (ast.Attribute, ast.Call))
        }  # ``settings`` of ``settings.API_KEY``, ``build_headers`` of its call
        for node in ast.walk(part):
            if isinstance(node, (ast.Attribute, ast.Name)) and id(node) not in inner:
                read = _imported_read(node, origins)
                if read is not None and read != base:
                    found.append(f"{KEY_READ}:{read}")
    return sorted(set(found))


def _imported_read(node: ast.AST | None, origins: dict[str, str]) -> str | None:
    """``config.BASE_URL`` (``config`` imported) or ``BASE_URL`` (imported by name): the dotted
    name read, as the import spells it."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        origin = origins.get(node.value.id)
        return f"{origin}.{node.attr}" if origin is not None else None
    if isinstance(node, ast.Name):
        origin = origins.get(node.id)
        return origin if origin is not None and "." in origin else None
    return None
