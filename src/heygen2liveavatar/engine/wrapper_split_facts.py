"""Whether a module's migration gives its request wrapper a LiveAvatar sibling, read with ``ast``.

``def _post(path, body): requests.post(API_BASE + path, headers=HEADERS, ...)`` in ``api.py``,
called there with ``/v2/video/generate`` and with ``/v1/streaming.new``: the migration of
``api.py`` writes ``_liveavatar_post`` beside it (:mod:`..analysis.shared_wrappers`) and leaves
``_post`` to HeyGen's other APIs. A module that imports ``_post`` and sends streaming calls
through it must call the sibling too, or its migrated calls go to HeyGen's base. This is the
project facts' reading of the same conditions (``ast`` only: the facts scan never imports
LibCST); where it is not sure, it says no, and the importer's calls stay as they are.
"""

from __future__ import annotations

import ast

from ..apispec import HEYGEN_HOST
from .wrapper_facts import own_nodes, url_head

_HTTP_CALLEES = frozenset({"get", "post", "put", "patch", "delete", "request"})
"""The calls that send the wrapper's one request (``analysis/shared_wrappers`` splits those)."""
_STREAMING = "streaming."


def splits_for_liveavatar(
    function: ast.FunctionDef | ast.AsyncFunctionDef, module: ast.Module
) -> bool:
    """``function``, a module-level wrapper joining a HeyGen host constant with its caller's
    path, is called in its module with a streaming path and with a path of HeyGen's other
    APIs, sends one request whose headers read no local, and its base serves nothing else:
    its module's migration splits it."""
    if function not in module.body:
        return False
    requests = [
        node
        for node in own_nodes(function)
        if isinstance(node, ast.Call) and _callee(node) in _HTTP_CALLEES
    ]
    if len(requests) != 1:
        return False
    call = requests[0]
    keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
    headers = keywords.get("headers")
    url = keywords.get("url") or next(
        (a for a in call.args if not isinstance(a, ast.Starred)), None
    )
    if _callee(call) == "request" and "url" not in keywords:
        url = call.args[1] if len(call.args) > 1 else None
    if headers is None or url is None:
        return False
    head = url_head(url)
    base = head.id if isinstance(head, ast.Name) else None
    bound = _module_bindings(module)
    if base is None or not _is_heygen_host_constant(module, base):
        return False
    if any(
        isinstance(node, ast.Name) and node.id not in bound and node.id != "self"
        for node in ast.walk(headers)
    ):
        return False  # a local of the wrapper: the sibling cannot compute it first
    # The base read elsewhere: by another wrapper (``_get``), which must send no streaming
    # path (the split serves one wrapper), and by no statement naming a streaming path.
    readers = {function.name}
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
            return False
        readers.add(statement.name)
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
    if any(_STREAMING in p for name in readers - {function.name} for p in paths[name]):
        return False
    own = paths[function.name]
    streaming = [p for p in own if _STREAMING in p]
    other = [p for p in own if _STREAMING not in p and p.lstrip("/").startswith("v")]
    return bool(streaming and other)


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
