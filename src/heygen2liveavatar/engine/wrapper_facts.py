"""The URL and method parameters of request wrappers, read with ``ast`` for the project facts.

The same reading as :mod:`..analysis.wrapper_params` (which works on LibCST for the module
being migrated), for wrappers defined in other modules: ``client.api("POST",
"streaming.new", body)`` in ``app.py`` calls ``api(method, endpoint, payload)`` of
``client.py``. ``ast`` only: this runs in the facts scan, which never imports LibCST.
"""

from __future__ import annotations

import ast
import re

from ..apispec import HEYGEN_HOST
from ..apispec.http_calls import AMBIGUOUS_VERBS, reads_as_request

_HTTP_CALLEES = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "request", "urlopen", "Request"}
)
_URL_KEYWORDS = ("url", "str_or_url")
TABLE_KEY = "key of "
"""As :data:`..analysis.wrapper_params.TABLE_KEY` (this module does not import LibCST)."""
TABLE_LOOKUPS = (
    re.compile(rb"\+\s*(?:self\.|cls\.)?[A-Za-z_]\w*\[[A-Za-z_]\w*\]"),
    re.compile(rb"\{(?:self\.|cls\.)?[A-Za-z_]\w*\[[A-Za-z_]\w*\]"),
)
"""``+ self.ENDPOINTS[name]`` or ``{ENDPOINTS[name]}``: a file without HeyGen words whose
wrapper may build its URL from an endpoint table its callers define (a base class). Most files
never match, so only few are parsed. Two patterns, each starting with its one character: one
pattern for both (an alternation in front) is tried at every byte of every file of the project,
four times slower."""
SENDS_REQUEST = re.compile(
    rb"\.(?:get|post|put|patch|delete|head|options|request)\s*\(|\burlopen\s*\(|\bRequest\s*\("
    rb"|\bgetattr\s*\("
)
"""A function whose text matches may make an HTTP call (a cheap test before the walk)."""


def wrapper_parameters(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
) -> list[tuple[str, str, int]]:
    """``(role, parameter, position)`` with role ``url`` or ``method``; position among the
    positional parameters without ``self``/``cls``, -1 for a keyword-only one."""
    positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    if positional[:1] in (["self"], ["cls"]):
        positional = positional[1:]
    names = {*positional, *(a.arg for a in function.args.kwonlyargs)}
    locals_: dict[str, list[ast.expr]] = {}
    calls: list[ast.Call] = []
    for node in own_nodes(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    locals_.setdefault(target.id, []).append(node.value)
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            if isinstance(node.target, ast.Name):
                locals_.setdefault(node.target.id, []).append(node.value)
        elif isinstance(node, ast.Call):
            calls.append(node)
    found: list[tuple[str, str, int]] = []
    sent_headers: list[str] = []

    def add(role: str, name: str) -> None:
        entry = (role, name, positional.index(name) if name in positional else -1)
        if entry not in found:
            found.append(entry)

    for call in calls:
        func = call.func
        last = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        dispatched = _dispatched_method(call, locals_)
        if last not in _HTTP_CALLEES and dispatched is None:
            continue
        if dispatched is None and last in AMBIGUOUS_VERBS and not _looks_http(call):
            continue  # ``registry.get(key)``, ``queue.put(item)``: a container's method
        args = [a for a in call.args if not isinstance(a, ast.Starred)]
        keywords = {k.arg: k.value for k in call.keywords if k.arg is not None}
        url = next((keywords[k] for k in _URL_KEYWORDS if k in keywords), None)
        method = keywords.get("method")
        if dispatched is not None:
            method = next((n for n in ast.walk(dispatched) if isinstance(n, ast.Name)), None)
        if last == "request" and method is None and args:
            method, args = args[0], args[1:]
        if url is None and args:
            url = args[0]
        if url is not None:
            keys = _table_keys(url, locals_)
            for table, name in sorted(keys):
                if name in names:
                    add(TABLE_KEY + table, name)
            for name in sorted(_names_in(url, locals_)):
                if name in names and not any(name == key for _table, key in keys):
                    add("url", name)
        if isinstance(method, ast.BoolOp) and isinstance(method.op, ast.Or):
            method = method.values[0]  # ``method or ("POST" if data else "GET")``: its default
        if isinstance(method, ast.Name) and method.id in names:
            add("method", method.id)
        headers = keywords.get("headers")
        if url is not None and isinstance(headers, ast.Name) and headers.id in names:
            sent_headers.append(headers.id)
    if any(role == "url" for role, _name, _position in found):
        for name in sent_headers:
            add("headers", name)  # as :data:`..analysis.wrapper_params.HEADERS`
    return found


def _looks_http(call: ast.Call) -> bool:
    """:func:`..apispec.http_calls.reads_as_request` of an ``ast`` call."""
    func = call.func
    receiver = dotted_name(func.value) if isinstance(func, ast.Attribute) else ""
    first = call.args[0] if call.args else None
    builds: str | None = None
    if isinstance(first, ast.Call):
        builds = first.func.id if isinstance(first.func, ast.Name) else "f"
    elif first is not None and not isinstance(
        first, (ast.Name, ast.Constant, ast.Tuple, ast.Subscript)
    ):
        builds = "f"
    return reads_as_request(
        {k.arg for k in call.keywords if k.arg},
        receiver,
        first.id if isinstance(first, ast.Name) else None,
        builds,
    )


def _dispatched_method(call: ast.Call, locals_: dict[str, list[ast.expr]]) -> ast.expr | None:
    """As :func:`..analysis.wrapper_params.dispatched_method`: the method expression of
    ``getattr(HTTP, method.lower())(url)`` or of ``send(url)`` after ``send = getattr(...)``."""
    func: ast.expr = call.func
    if isinstance(func, ast.Name):
        bound = locals_.get(func.id, [])
        if len(bound) != 1:
            return None
        func = bound[0]
    if (
        not isinstance(func, ast.Call)
        or not isinstance(func.func, ast.Name)
        or func.func.id != "getattr"
        or len(func.args) != 2
        or func.keywords
    ):
        return None
    attribute = func.args[1]
    if (
        isinstance(attribute, ast.Constant)
        and isinstance(attribute.value, str)
        and attribute.value.lower() not in _HTTP_CALLEES
    ):
        return None
    if not isinstance(attribute, ast.Constant) and any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value
        for n in ast.walk(attribute)
    ):
        return None  # ``getattr(self, "repr_" + kind)``: a method family, not an HTTP verb
    return attribute


def _table_keys(
    expr: ast.expr, locals_: dict[str, list[ast.expr]], depth: int = 0
) -> set[tuple[str, str]]:
    """``(table, name)`` for each ``TABLE[name]`` or ``self.TABLE[name]`` the URL reads."""
    found: set[tuple[str, str]] = set()
    for node in ast.walk(expr):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Name):
            table = node.value
            if isinstance(table, ast.Attribute) and isinstance(table.value, ast.Name):
                if table.value.id in ("self", "cls"):
                    found.add((table.attr, node.slice.id))
            elif isinstance(table, ast.Name):
                found.add((table.id, node.slice.id))
        elif isinstance(node, ast.Name) and node.id in locals_ and depth < 2:
            for value in locals_[node.id]:
                found |= _table_keys(value, locals_, depth + 1)
    return found


def table_wrappers(
    data: bytes,
) -> list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, list[tuple[str, str, int]]]]:
    """The wrappers of a file without HeyGen words that look their URL up in an endpoint
    table by a parameter (``self.BASE_URL + self.ENDPOINTS[name]`` in a base class whose
    subclasses, elsewhere, define the table), each with its :func:`wrapper_parameters`."""
    if not may_define_table_wrappers(data):
        return []
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return []
    # Only functions holding a lookup are read (a module may have hundreds of others).
    lines = sorted({data.count(b"\n", 0, match.start()) + 1 for match in _table_lookups(data)})
    found: list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, list[tuple[str, str, int]]]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            end = node.end_lineno or node.lineno
            if not any(node.lineno <= line <= end for line in lines):
                continue
            parameters = wrapper_parameters(node)
            if any(role.startswith(TABLE_KEY) for role, _name, _position in parameters):
                found.append((node, parameters))
    return found


def may_define_table_wrappers(data: bytes) -> bool:
    """Whether :func:`table_wrappers` may find one in *data* (two regular expressions)."""
    after_plus, in_braces = TABLE_LOOKUPS
    return bool((after_plus.search(data) or in_braces.search(data)) and SENDS_REQUEST.search(data))


def _table_lookups(data: bytes) -> list[re.Match[bytes]]:
    after_plus, in_braces = TABLE_LOOKUPS
    return [*after_plus.finditer(data), *in_braces.finditer(data)]


def dotted_name(node: ast.expr) -> str:
    """``a.b.c`` for a name or an attribute chain of names; ``""`` for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = dotted_name(node.value)
        return f"{head}.{node.attr}" if head else ""
    return ""


def own_nodes(function: ast.AST) -> list[ast.AST]:
    """The function's nodes, nested functions, classes and lambdas not entered."""
    nodes: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        nodes.append(node)
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            stack.extend(ast.iter_child_nodes(node))
    return nodes


def _names_in(expr: ast.expr, locals_: dict[str, list[ast.expr]], depth: int = 0) -> set[str]:
    names: set[str] = set()
    stack: list[ast.AST] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            stack.append(node.value)  # ``self.base``: an attribute, not a parameter
        elif not isinstance(node, ast.Lambda):
            stack.extend(ast.iter_child_nodes(node))
    for name in list(names):
        if depth < 2 and name in locals_:
            for value in locals_[name]:
                names |= _names_in(value, locals_, depth + 1)
    return names


def url_template(
    function: ast.FunctionDef | ast.AsyncFunctionDef, parameter: str, module: ast.Module
) -> str | None:
    """What a caller in another module needs to send a session's start where the wrapper
    sent its token call (:mod:`..analysis.wrapper_urls`): the wrapper's URL expression as
    source when it reads only its URL parameter (once) and ``self``/``cls``
    (``f"{self.base}/{path}"``, written at ``api.post("sessions/token", ...)`` as
    ``f"{api.base}/sessions/token"``); ``""`` when it reads names of this module a caller
    cannot write and its base is not a HeyGen host literal (configuration decides where it
    goes); ``None`` when its base is such a literal (the host moves with the migration) or
    the wrapper sends no one URL built from the parameter."""
    locals_: dict[str, list[ast.expr]] = {}
    urls: list[ast.expr] = []
    for node in own_nodes(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                locals_.setdefault(target.id, []).append(node.value)
    for node in own_nodes(function):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        last = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if last not in _HTTP_CALLEES:
            continue
        keywords = {k.arg: k.value for k in node.keywords if k.arg is not None}
        args = [a for a in node.args if not isinstance(a, ast.Starred)]
        if last == "request" and "method" not in keywords and args:
            args = args[1:]
        url = next((keywords[k] for k in _URL_KEYWORDS if k in keywords), None)
        if url is None and args:
            url = args[0]
        if isinstance(url, ast.Name) and url.id != parameter:
            bound = locals_.get(url.id, [])
            url = bound[0] if len(bound) == 1 else None
        if url is not None and parameter in _names_in(url, {}):
            urls.append(url)
    if len(urls) != 1 or not isinstance(urls[0], (ast.JoinedStr, ast.BinOp)):
        return None
    template = urls[0]
    if _literal_heygen_base(template, module):
        return None
    read = [node.id for node in ast.walk(template) if isinstance(node, ast.Name)]
    if read.count(parameter) == 1 and set(read) <= {parameter, "self", "cls"}:
        return ast.unparse(template)
    return ""


def url_head(url: ast.expr) -> ast.expr:
    """What a URL expression starts with: ``BASE`` of ``BASE + path`` or ``f"{BASE}{path}"``,
    the literal of ``"https://..." + path``."""
    first: ast.expr = url
    while isinstance(first, ast.BinOp):
        first = first.left
    if isinstance(first, ast.JoinedStr) and first.values:
        first = first.values[0]
        if isinstance(first, ast.FormattedValue):
            first = first.value
    return first


def _literal_heygen_base(template: ast.expr, module: ast.Module) -> bool:
    """The URL starts with a HeyGen host literal, written there or in a module constant."""
    first = url_head(template)
    if isinstance(first, ast.Name):
        name = first.id
        for statement in module.body:
            if (
                isinstance(statement, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == name for t in statement.targets)
                and isinstance(statement.value, ast.Constant)
            ):
                first = statement.value
    return (
        isinstance(first, ast.Constant)
        and isinstance(first.value, str)
        and HEYGEN_HOST in first.value
    )
