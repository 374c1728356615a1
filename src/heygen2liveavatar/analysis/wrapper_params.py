"""Which parameters of a project's request wrapper carry the URL and the HTTP method.

``def api(method, endpoint, payload=None): requests.request(method, f"{ROOT}/v1/{endpoint}", ...)``
is called ``api("POST", "streaming.new", {...})``: the endpoint is the second argument, the
method the first. Positions differ from wrapper to wrapper (``_call(http, path, ...)``,
``_kb(method, suffix)``), so they are read from the wrapper's own code (here, or through the
project facts for a wrapper defined in another module), never guessed from the call.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..apispec.http_calls import AMBIGUOUS_VERBS, reads_as_request
from .index import ModuleIndex, child_nodes, dotted_name, string_value, walk_nodes

URL = "url"
METHOD = "method"
HEADERS = "headers"
"""The parameter a wrapper sends as its request's headers (``_post(path, body, headers)``
sending ``requests.post(..., headers=headers)``): read only for a wrapper with a URL
parameter."""
TABLE_KEY = "key of "
"""Role prefix of a parameter the URL reads as a key of an endpoint table:
``self.BASE_URL + self.ENDPOINTS[name]`` gives ``name`` the role ``"key of ENDPOINTS"``."""


def table_key_role(table: str) -> str:
    return TABLE_KEY + table


def table_of_role(role: str) -> str | None:
    """The table a ``key of <table>`` role names (``None`` for another role)."""
    return role[len(TABLE_KEY) :] if role.startswith(TABLE_KEY) else None


HTTP_CALLEE_NAMES = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "request", "urlopen", "Request"}
)
"""The last name of a call inside a wrapper that sends its request."""

_URL_KEYWORDS = ("url", "str_or_url")

WrapperParameter = tuple[str, str, int]
"""(role, parameter name, position among the positional parameters, ``self`` not counted;
-1 for a keyword-only parameter)."""


def callee_definitions(index: ModuleIndex, call: cst.Call) -> tuple[str, list[cst.FunctionDef]]:
    """The callee's last name and the functions and methods of this module named so (a
    bare name calls no method: ``open(path, "rb")`` is not ``Client.open``; an attribute of
    an imported name is another module's: ``os.open(path, flags)`` is not either)."""
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else dotted_name(func)
    if not name:
        return "", []
    if (
        type(func) is cst.Attribute
        and type(func.value) is cst.Name
        and func.value.value in index.imports
    ):
        return name, []
    bare = type(func) is cst.Name
    definitions = [
        scope.node
        for scope in index.function_scopes.values()
        if isinstance(scope.node, cst.FunctionDef)
        and scope.node.name.value == name
        and not (bare and scope.parent is not None and type(scope.parent.node) is cst.ClassDef)
    ]
    return name, definitions


def wrapper_definition(index: ModuleIndex, call: cst.Call) -> cst.FunctionDef | None:
    """The one function or method of this module named like the callee of ``call``."""
    _name, definitions = callee_definitions(index, call)
    return definitions[0] if len(definitions) == 1 else None


_SENDING_CALLS = frozenset(
    {"get", "post", "put", "patch", "delete", "request", "urlopen", "send", "fetch"}
)


def helper_sends_http(index: ModuleIndex, call: cst.Call) -> bool:
    """The callee is a function of this module whose body sends an HTTP request
    (``def heygen(endpoint, payload): ... requests.post(url, ...)``): a call to it sends."""
    _name, definitions = callee_definitions(index, call)
    if not definitions:
        return False
    helpers = {id(d) for d in definitions}
    return any(
        site.context.function is not None
        and id(site.context.function) in helpers
        # ``callee_name``: ``app["http"].post(...)`` has no dotted name, only its method's
        and (callee_name(site.node) or "").split(".")[-1] in _SENDING_CALLS
        for site in index.calls
    )


@dataclass(frozen=True)
class WrapperEffects:
    """Calls of the project's own code a request wrapper makes on every request besides
    sending (``self._rearm()`` re-arming an idle timer, ``self._touch()``): a call replaced by
    an event no longer goes through the wrapper, so they no longer happen. Calls made on some
    requests only (``if res.status_code != 200: self._count_failure()``) depend on the
    response, which an event does not have."""

    written: list[str]
    """Each call as written (``self._rearm()``), for messages."""
    replayable: list[cst.SimpleStatementLine]
    """The statements, when each can run as it stands at the call site (reading nothing but
    ``self``/``cls`` and module names); empty when any cannot."""


def wrapper_side_effects(index: ModuleIndex, call: cst.Call) -> WrapperEffects | None:
    definition = wrapper_definition(index, call)
    if definition is None:
        return None
    own = {
        scope.node.name.value
        for scope in index.function_scopes.values()
        if isinstance(scope.node, cst.FunctionDef)
    }
    module_names = set(index.module_scope.assignments)
    written: list[str] = []
    lines: list[cst.SimpleStatementLine] = []
    replayable = True
    for node in walk_nodes(definition.body):
        if not isinstance(node, cst.Expr) or not isinstance(node.value, cst.Call):
            continue  # a statement of its own: done for its effect
        name = dotted_name(node.value.func) or ""
        head, _, last = name.rpartition(".")
        if last not in own or head not in ("", "self", "cls") or last == definition.name.value:
            continue
        line = index.parent_of(node)
        if not isinstance(line, cst.SimpleStatementLine) or not _at_top_level(
            index, line, definition
        ):
            continue  # run on some requests only (``if res.status_code != 200:``)
        written.append(cst.Module([]).code_for_node(node.value))
        read = {
            n.value
            for arg in node.value.args
            for n in walk_nodes(arg.value)
            if isinstance(n, cst.Name)
        }
        if len(line.body) != 1 or not read <= module_names | {"self", "cls"}:
            replayable = False
        else:
            lines.append(line)
    if not written:
        return None
    return WrapperEffects(written, lines if replayable else [])


def _at_top_level(
    index: ModuleIndex, line: cst.SimpleStatementLine, definition: cst.FunctionDef
) -> bool:
    """Runs on every call of ``definition``: not inside an ``if``, loop or ``try``."""
    node: cst.CSTNode | None = index.parent_of(line)
    while node is not None and node is not definition:
        if not isinstance(node, (cst.IndentedBlock, cst.With)):
            return False
        node = index.parent_of(node)
    return node is definition


def dispatched_method(
    call: cst.Call, locals_: dict[str, list[cst.BaseExpression]]
) -> cst.BaseExpression | None:
    """The method expression of a call dispatched by attribute lookup on a client:
    ``getattr(HTTP, method.lower())(url, ...)``, or ``send(url, ...)`` after the one local
    assignment ``send = getattr(HTTP, method.lower())``; ``None`` for any other call. The
    looked-up attribute is an HTTP method named at run time, so the call sends a request."""
    func: cst.BaseExpression = call.func
    if isinstance(func, cst.Name):
        bound = locals_.get(func.value, [])
        if len(bound) != 1:
            return None
        func = bound[0]
    if (
        not isinstance(func, cst.Call)
        or not isinstance(func.func, cst.Name)
        or func.func.value != "getattr"
        or len(func.args) != 2
        or any(a.keyword is not None or a.star for a in func.args)
    ):
        return None
    attribute = func.args[1].value
    literal = string_value(attribute)
    if literal is not None and literal.lower() not in HTTP_CALLEE_NAMES:
        return None
    if literal is None and any(
        isinstance(n, cst.SimpleString) and string_value(n) for n in walk_nodes(attribute)
    ):
        return None  # ``getattr(self, "repr_" + kind)``: a method family, not an HTTP verb
    return attribute


def _looks_http(call: cst.Call) -> bool:
    """:func:`..apispec.http_calls.reads_as_request` of a LibCST call."""
    func = call.func
    receiver = (dotted_name(func.value) or "") if isinstance(func, cst.Attribute) else ""
    first = next((a.value for a in call.args if a.keyword is None and not a.star), None)
    builds: str | None = None
    if isinstance(first, cst.Call):
        builds = first.func.value if isinstance(first.func, cst.Name) else "f"
    elif first is not None and not isinstance(
        first, (cst.Name, cst.SimpleString, cst.Integer, cst.Tuple, cst.Subscript)
    ):
        builds = "f"
    return reads_as_request(
        {a.keyword.value for a in call.args if a.keyword is not None},
        receiver,
        first.value if isinstance(first, cst.Name) else None,
        builds,
    )


def callee_name(call: cst.Call) -> str | None:
    func = call.func
    return func.attr.value if isinstance(func, cst.Attribute) else dotted_name(func)


def wrapper_parameters(
    index: ModuleIndex,
    call: cst.Call,
    elsewhere: dict[str, tuple[WrapperParameter, ...]] | None = None,
) -> tuple[WrapperParameter, ...]:
    """The URL and method parameters of the wrapper ``call`` calls (empty when unknown)."""
    definition = wrapper_definition(index, call)
    if definition is None:
        name = callee_name(call)
        if name and elsewhere and not _defined_here(index, name):
            return elsewhere.get(name, ())
        return ()
    return definition_parameters(definition)


def _defined_here(index: ModuleIndex, name: str) -> bool:
    return any(
        isinstance(scope.node, cst.FunctionDef) and scope.node.name.value == name
        for scope in index.function_scopes.values()
    )


def definition_parameters(definition: cst.FunctionDef) -> tuple[WrapperParameter, ...]:
    """Read from the HTTP calls the wrapper makes: the parameters their URL is built from
    (directly or through one local assignment, ``url = f"{BASE}/{path}"``) and the one
    passed as their method (``requests.request(method, ...)``, ``method=verb``)."""
    params = definition.params
    positional = [p.name.value for p in (*params.posonly_params, *params.params)]
    if positional[:1] in (["self"], ["cls"]):
        positional = positional[1:]
    keyword_only = {p.name.value for p in params.kwonly_params}
    names = set(positional) | keyword_only
    locals_ = local_assignments(definition)
    found: list[WrapperParameter] = []
    sent_headers: list[str] = []

    def add(role: str, name: str) -> None:
        entry = (role, name, positional.index(name) if name in positional else -1)
        if entry not in found:
            found.append(entry)

    for node in walk_nodes(definition, into_scopes=False):
        if not isinstance(node, cst.Call):
            continue
        last = callee_name(node)
        dispatched = dispatched_method(node, locals_)
        if dispatched is not None:
            # ``getattr(HTTP, method.lower())(url, ...)``: the URL first, the method looked up
            url, _method = url_and_method(node, "")
            method: cst.BaseExpression | None = next(
                (n for n in walk_nodes(dispatched) if isinstance(n, cst.Name)), dispatched
            )
        elif last is None or last.split(".")[-1] not in HTTP_CALLEE_NAMES:
            continue
        elif last.split(".")[-1] in AMBIGUOUS_VERBS and not _looks_http(node):
            continue  # ``registry.get(key)``, ``queue.put(item)``: a container's method
        else:
            url, method = url_and_method(node, last.split(".")[-1])
        if url is not None:
            keys = _table_keys(url, locals_)
            for table, name in sorted(keys):
                if name in names:
                    add(table_key_role(table), name)
            for name in _names_in(url, locals_):
                if name in names and not any(name == key for _table, key in keys):
                    add(URL, name)
        if isinstance(method, cst.BooleanOperation) and isinstance(method.operator, cst.Or):
            method = method.left  # ``method or ("POST" if data else "GET")``: its default
        if isinstance(method, cst.Name) and method.value in names:
            add(METHOD, method.value)
        if url is not None:
            headers = next(
                (
                    a.value
                    for a in node.args
                    if a.keyword is not None and a.keyword.value == "headers"
                ),
                None,
            )
            if isinstance(headers, cst.Name) and headers.value in names:
                sent_headers.append(headers.value)
    if any(role == URL for role, _name, _position in found):
        for name in sent_headers:
            add(HEADERS, name)
    return tuple(found)


def url_and_method(
    call: cst.Call, last: str
) -> tuple[cst.BaseExpression | None, cst.BaseExpression | None]:
    positional = [a.value for a in call.args if a.keyword is None and not a.star]
    keywords = {a.keyword.value: a.value for a in call.args if a.keyword is not None}
    url = next((keywords[k] for k in _URL_KEYWORDS if k in keywords), None)
    method = keywords.get("method")
    if last == "request" and method is None and positional:
        # ``session.request(method, url)``: the method comes first
        method = positional[0]
        positional = positional[1:]
    if url is None and positional:
        url = positional[0]
    return url, method


def local_assignments(definition: cst.FunctionDef) -> dict[str, list[cst.BaseExpression]]:
    assigned: dict[str, list[cst.BaseExpression]] = {}
    for node in walk_nodes(definition, into_scopes=False):
        if isinstance(node, cst.Assign):
            for target in node.targets:
                if isinstance(target.target, cst.Name):
                    assigned.setdefault(target.target.value, []).append(node.value)
        elif (
            isinstance(node, cst.AnnAssign)
            and node.value is not None
            and isinstance(node.target, cst.Name)
        ):
            assigned.setdefault(node.target.value, []).append(node.value)
    return assigned


def _table_keys(
    expr: cst.BaseExpression, locals_: dict[str, list[cst.BaseExpression]], depth: int = 0
) -> set[tuple[str, str]]:
    """``(table, name)`` for each ``TABLE[name]`` or ``self.TABLE[name]`` the URL reads (local
    variables followed): an endpoint table looked up by one of the wrapper's parameters."""
    found: set[tuple[str, str]] = set()
    for node in walk_nodes(expr):
        if not isinstance(node, cst.Subscript) or len(node.slice) != 1:
            continue
        index = node.slice[0].slice
        key = index.value if isinstance(index, cst.Index) else None
        table = node.value
        if isinstance(table, cst.Attribute) and isinstance(table.value, cst.Name):
            if table.value.value not in ("self", "cls"):
                continue
            table = table.attr
        if isinstance(key, cst.Name) and isinstance(table, cst.Name):
            found.add((table.value, key.value))
    for node in walk_nodes(expr):
        if isinstance(node, cst.Name) and node.value in locals_ and depth < 2:
            for value in locals_[node.value]:
                found |= _table_keys(value, locals_, depth + 1)
    return found


def names_read(expr: cst.BaseExpression, into_lambdas: bool = True) -> list[str]:
    """The names ``expr`` reads, each occurrence (``self.base`` reads ``self``; ``base`` is an
    attribute, not a name), the bodies of lambdas included unless ``into_lambdas`` is False."""
    names: list[str] = []
    stack: list[cst.CSTNode] = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name):
            names.append(node.value)
        elif isinstance(node, cst.Attribute):
            stack.append(node.value)
        elif into_lambdas or not isinstance(node, cst.Lambda):
            stack.extend(child_nodes(node))
    return names


def _names_in(
    expr: cst.BaseExpression, locals_: dict[str, list[cst.BaseExpression]], depth: int = 0
) -> set[str]:
    """Names read by ``expr``, local variables followed (not attribute names, not callees:
    ``urljoin(base, path)`` reads ``base`` and ``path``)."""
    names = set(names_read(expr, into_lambdas=False))
    for name in list(names):
        if depth < 2 and name in locals_:
            for value in locals_[name]:
                names |= _names_in(value, locals_, depth + 1)
    return names
