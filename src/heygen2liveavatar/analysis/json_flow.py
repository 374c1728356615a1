"""Forward flow of a request's JSON: which keys are read at which JSON path, and where it escapes.

:class:`JsonFlowTracer` follows the value of one request call through the code that uses it:
the response object (assigned, bound by ``async with ... as resp``, awaited), its ``.json()``
(or ``json.loads(resp.text)``), subscripts and ``.get()`` with string keys, list items
(``for``, comprehensions, ``enumerate``, ``sorted``, integer indexes), ``x or {}``, and
``return`` into the callers of the same module (and out of the module's own request
wrappers). Each read records the JSON path of the object it reads from, with
:data:`~heygen2liveavatar.apispec.resources.ITEM` for a list element, so a rule can map a whole
HeyGen response *shape* (lists that moved into ``data.results``, item fields that were
renamed) rather than single keys. Values that go where the trace cannot follow (returned to
code outside the module, passed to other functions, stored in containers or on objects) are
recorded as *escapes*, for the rule to report instead of guessing.

This complements :mod:`.responses` (which answers "whose response is this expression?"
backwards, for envelope fields) with the forward, path-aware view that list responses need.

A use of a name is attributed to the latest binding before it in source order: exact for
straight-line code, close enough for the loops that request code contains. Name tables are
built by walking only the bodies of functions that hold a traced request (a handful per
module, and only for the rules that need them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, Union

import libcst as cst

from ..apispec.resources import ITEM, JsonPath
from .call_arguments import string_literal
from .client_bases import receiver_values
from .http import CLIENT_CONSTRUCTORS, RequestSite
from .imported_functions import imported_function_returns_data
from .index import ModuleIndex, child_nodes, dotted_name, string_value, walk_nodes
from .wrapper_params import HTTP_CALLEE_NAMES, dispatched_method, local_assignments

JsonAccess = Union[cst.Subscript, cst.Call]

_MAX_STEPS = 400
# Callees that take a list and give back (a list of) the same items.
_LIST_PASSTHROUGH = frozenset({"list", "sorted", "reversed", "tuple"})
# Callees that only look at a value: nothing to follow, nothing escapes.
_INSPECTORS = frozenset(
    {"len", "bool", "print", "repr", "str", "isinstance", "type", "id", "hash", "any", "all"}
)
# Streamlit shows values to a person; no code reads their fields afterwards.
_DISPLAY_MODULES = ("streamlit.",)
_LOGGER_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception"})
_JSON_LOADERS = frozenset({"json.loads", "loads", "orjson.loads", "ujson.loads"})
_JSON_FILE_LOADERS = frozenset({"json.load"})
_URLOPEN = frozenset({"urllib.request.urlopen", "request.urlopen", "urlopen"})
# Attributes and methods of a response that give its body as text or bytes.
_BODY_READERS = frozenset({"text", "content", "read", "body"})


@dataclass(frozen=True)
class JsonRead:
    """``x["key"]`` or ``x.get("key", ...)`` where ``x`` holds the JSON at ``container``."""

    node: JsonAccess
    key_node: cst.SimpleString
    key: str
    container: JsonPath

    @property
    def path(self) -> JsonPath:
        return (*self.container, self.key)


@dataclass(frozen=True)
class JsonValue:
    """An expression holding the JSON at ``path``; ``None``: the response object itself."""

    node: cst.BaseExpression
    path: JsonPath | None


@dataclass
class JsonFlow:
    request: RequestSite
    reads: list[JsonRead] = field(default_factory=list)
    values: list[JsonValue] = field(default_factory=list)
    """Every expression found to hold (part of) the response, in the order reached."""
    escapes: list[JsonValue] = field(default_factory=list)
    """Values that leave where the trace cannot follow them."""
    start: JsonPath | None = None
    """What the request call itself evaluates to: the JSON at this path when it goes through
    a wrapper of the module that parses the response (``return r.json()["data"]``), else
    ``None`` (the response object, or a wrapper we cannot see into)."""
    helper_results: list[JsonValue] = field(default_factory=list)
    """Calls of a helper of this module the response is handed to and which give back its
    JSON at a path (``_unwrap(resp)`` returning ``resp.json()["data"]``): like ``start``, a
    part of the response chosen by code the call site does not show."""

    def values_at(self, path: JsonPath) -> list[cst.BaseExpression]:
        return [v.node for v in self.values if v.path == path]


# Name tables ------------------------------------------------------------------------------
@dataclass
class _NameTable:
    """Bindings and loads of plain names in one function (or module) body, in source order."""

    bindings: dict[str, list[int]] = field(default_factory=dict)
    loads: dict[str, list[tuple[int, cst.Name]]] = field(default_factory=dict)
    order_of_target: dict[int, int] = field(default_factory=dict)

    def uses_of(self, target: cst.Name) -> list[cst.Name]:
        """Loads of ``target``'s name for which ``target`` is the latest binding before them."""
        mine = self.order_of_target.get(id(target))
        if mine is None:
            return []
        name = target.value
        later = [order for order in self.bindings.get(name, []) if order > mine]
        return [
            node
            for order, node in self.loads.get(name, [])
            if order > mine and not any(mine < other < order for other in later)
        ]

    def loads_after(self, load: cst.Name) -> list[cst.Name]:
        """Loads of ``load``'s name after it that the same binding reaches (no binding of
        the name in between): ``rows`` in ``return rows`` after ``rows.extend(...)``."""
        loads = self.loads.get(load.value, [])
        mine = next((order for order, node in loads if node is load), None)
        if mine is None:
            return []
        later = [order for order in self.bindings.get(load.value, []) if order > mine]
        return [
            node
            for order, node in loads
            if order > mine and not any(mine < other < order for other in later)
        ]


_OTHER_SCOPES = frozenset({cst.FunctionDef, cst.ClassDef, cst.Lambda})
_COMPREHENSIONS = frozenset({cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp})


class _TableBuilder:
    """One walk of a body that skips nested function and class bodies (other scopes)."""

    def __init__(self) -> None:
        self.table = _NameTable()
        self.counter = 0
        self.targets: set[int] = set()

    def build(self, root: cst.CSTNode) -> _NameTable:
        if isinstance(root, cst.FunctionDef):
            # Parameters bind first, so a helper's uses of the response it is given are found.
            params = root.params
            for param in (*params.posonly_params, *params.params, *params.kwonly_params):
                self._bind(param.name, self._tick())
            self._walk(root.body)
        else:
            self._walk(root)
        return self.table

    def _tick(self) -> int:
        self.counter += 1
        return self.counter

    def _mark(self, target: cst.BaseExpression) -> None:
        if isinstance(target, cst.Name):
            self.targets.add(id(target))
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._mark(element.value)
        else:
            self._walk(target)  # ``self.x = ...`` / ``d["k"] = ...``: the names inside are loads

    def _bind(self, target: cst.BaseExpression, order: int) -> None:
        if isinstance(target, cst.Name):
            self.table.bindings.setdefault(target.value, []).append(order)
            self.table.order_of_target[id(target)] = order
        elif isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._bind(element.value, order)

    def _binding(self, target: cst.BaseExpression, value: cst.CSTNode) -> None:
        # The target is marked before the value is visited (so it is not taken for a load)
        # and takes effect once the value is complete: ``data = data["data"]`` reads the
        # old ``data``.
        self._mark(target)
        self._walk(value)
        self._bind(target, self._tick())

    def _walk(self, node: cst.CSTNode) -> None:
        # Dispatch on the exact type: this runs for every node of a body, and ``isinstance``
        # against LibCST's classes (ABCs) costs a Python-level check per class that fails.
        kind = type(node)
        if kind in _OTHER_SCOPES:
            return
        self._tick()
        if kind is cst.Name:
            assert isinstance(node, cst.Name)
            if id(node) not in self.targets:
                self.table.loads.setdefault(node.value, []).append((self.counter, node))
            return
        if kind is cst.Assign:
            assert isinstance(node, cst.Assign)
            for target in node.targets:
                self._mark(target.target)
            self._walk(node.value)
            order = self._tick()
            for target in node.targets:
                self._bind(target.target, order)
            return
        if kind is cst.AnnAssign:
            assert isinstance(node, cst.AnnAssign)
            if node.value is not None:
                self._binding(node.target, node.value)
                return
        elif kind is cst.NamedExpr:
            assert isinstance(node, cst.NamedExpr)
            self._binding(node.target, node.value)
            return
        elif kind is cst.WithItem:
            assert isinstance(node, cst.WithItem)
            if node.asname is not None:
                self._binding(node.asname.name, node.item)
            else:
                self._walk(node.item)
            return
        elif kind is cst.For:
            assert isinstance(node, cst.For)
            self._binding(node.target, node.iter)
            self._walk(node.body)
            if node.orelse is not None:
                self._walk(node.orelse)
            return
        elif kind is cst.CompFor:
            assert isinstance(node, cst.CompFor)
            self._binding(node.target, node.iter)
            for condition in node.ifs:
                self._walk(condition)
            if node.inner_for_in is not None:
                self._walk(node.inner_for_in)
            return
        elif kind in _COMPREHENSIONS:
            assert isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp))
            # The ``for`` clause binds before the element expression is evaluated.
            self._walk(node.for_in)
            if isinstance(node, cst.DictComp):
                self._walk(node.key)
                self._walk(node.value)
            else:
                self._walk(node.elt)
            return
        elif kind is cst.Attribute:
            assert isinstance(node, cst.Attribute)
            self._walk(node.value)  # ``.attr`` is not a name load
            return
        elif kind is cst.Arg:
            assert isinstance(node, cst.Arg)
            self._walk(node.value)  # nor is ``keyword=``
            return
        for child in child_nodes(node):
            self._walk(child)


# The tracer -------------------------------------------------------------------------------
class _Go(Protocol):
    """Continue the trace at ``target``, which holds the response JSON at ``new_path``."""

    def __call__(
        self, target: cst.BaseExpression, new_path: JsonPath | None, maybe_json: bool = False
    ) -> None: ...


class JsonFlowTracer:
    """Traces the responses of one module's requests; name tables are built once per body."""

    def __init__(
        self,
        index: ModuleIndex,
        requests: list[RequestSite],
        json_helpers: frozenset[str] = frozenset(),
        data_helpers: frozenset[str] = frozenset(),
        filename: str | None = None,
    ) -> None:
        self.index = index
        self.requests = requests
        self.json_helpers = json_helpers
        """``ProjectFacts.json_helpers``: ``check(resp)`` imported, returning ``resp.json()``."""
        self.data_helpers = data_helpers
        """``ProjectFacts.data_helpers``: ``call(method, path)`` imported, returning the JSON
        envelope's ``data``."""
        self.filename = filename
        """The module's file, to read a wrapper it imports from another module."""
        self._tables: dict[int, _NameTable] = {}
        self._flows: dict[int, JsonFlow] = {}

    def trace(self, request: RequestSite) -> JsonFlow:
        cached = self._flows.get(id(request.node))
        if cached is not None:
            return cached
        flow = JsonFlow(request)
        start = self._result_of(request)
        steps = [0]
        if start == "unknown":
            # A project wrapper we cannot see into returns the response object or its JSON.
            self._follow(request.node, None, True, flow, set(), steps, True)
        else:
            assert not isinstance(start, str)
            flow.start = start
            self._follow(request.node, start, False, flow, set(), steps, True)
        self._flows[id(request.node)] = flow
        return flow

    def trace_from(self, request: RequestSite, start: JsonPath) -> JsonFlow:
        """The flow of ``request``, whose call is known by its use to give the JSON at
        ``start`` (a wrapper of another module whose result the code iterates as a list)."""
        flow = JsonFlow(request)
        flow.start = start
        self._follow(request.node, start, False, flow, set(), [0], True)
        self._flows[id(request.node)] = flow
        return flow

    def iterated_unknown_result(self, request: RequestSite) -> bool:
        """``for kb in api.call("GET", KB_LIST)``: the call goes through a wrapper this module
        cannot see into, and the code iterates its result and reads its items by key. Only a
        list of objects is read so: HeyGen's list itself, never its envelope (a dict) or a
        response object."""
        flow = self.trace(request)
        return (
            flow.start is None
            and request.client == "wrapper"
            and self._result_of(request) == "unknown"
            and any(read.container[:1] == (ITEM,) for read in flow.reads)
            and not any(read.container == () for read in flow.reads)
        )

    # Where things are ---------------------------------------------------------------------
    def _statement_of(self, node: cst.CSTNode) -> cst.CSTNode | None:
        return self.index.statement_of(node)

    def function_of(self, node: cst.CSTNode) -> cst.FunctionDef | None:
        context = self.index.context_of(node)
        if context is None:
            statement = self._statement_of(node)
            context = self.index.context_of(statement) if statement is not None else None
        return context.function if context is not None else None

    def _table(self, node: cst.CSTNode) -> _NameTable:
        return self._body_table(self.function_of(node) or self.index.module)

    def _body_table(self, body: cst.CSTNode) -> _NameTable:
        table = self._tables.get(id(body))
        if table is None:
            table = _TableBuilder().build(body)
            self._tables[id(body)] = table
        return table

    def _callee_definition(self, call: cst.Call) -> cst.FunctionDef | None:
        """The module's own function or method that ``call`` calls, if it is visible."""
        name = dotted_name(call.func)
        context = self.index.context_of(call)
        if name is None or context is None:
            return None
        head, _, attr = name.rpartition(".")
        values: list[cst.BaseExpression] = []
        if head in ("self", "cls") and context.class_def is not None:
            class_scope = self.index.class_scopes.get(id(context.class_def))
            if class_scope is not None:
                values = class_scope.assignments.get(attr, [])
        elif not head:
            values = self.index.lookup(attr, context.scope)
        for value in values:
            parent = self.index.parent_of(value)
            if isinstance(parent, cst.FunctionDef) and parent.name is value:
                return parent
        return None

    def _callers_of(self, function: cst.FunctionDef) -> list[cst.Call]:
        """Calls of a module-level function, or of a method from the same class."""
        owner = self.index.context_of(function)
        class_def = owner.class_def if owner is not None else None
        name = function.name.value
        calls: list[cst.Call] = []
        for site in self.index.calls:
            if class_def is None:
                if site.name == name:
                    calls.append(site.node)
            elif (
                site.name in (f"self.{name}", f"cls.{name}") and site.context.class_def is class_def
            ):
                calls.append(site.node)
        return calls

    def _result_of(self, request: RequestSite) -> JsonPath | str | None:
        """What the request call evaluates to: the response (``None``), JSON at a path, or unknown.

        A call through a wrapper defined in this module (``self._get(path)``) evaluates to
        what the wrapper returns, found by tracing the HTTP call inside it.
        """
        if request.client != "wrapper":
            return None
        function = self._callee_definition(request.node)
        func = request.node.func
        if (
            function is None
            and type(func) is cst.Name
            and func.value in self.data_helpers
            and func.value in self.index.imports
        ):
            # ``from .conn import call``, whose module returns ``json.loads(raw).get("data")``
            return ("data",)
        if function is None:
            # ``self._http.get(...)`` where this module builds ``self._http`` with
            # ``httpx.AsyncClient(...)``: a client's method returns its response object.
            if self._on_built_client(request):
                return None
            return ("data",) if self._imported_returns_data(request) else "unknown"
        return self._wrapper_result(request, function, frozenset())

    def _imported_returns_data(self, request: RequestSite) -> bool:
        """``api.request("GET", KB_LIST)`` with ``from . import api`` (or ``from .api import
        request``), whose every return is the envelope's ``data``: the call is ``data``."""
        name = dotted_name(request.node.func)
        if name is None or name.partition(".")[0] not in self.index.imports:
            return False
        target = self.index.qualified_name(name)
        return target is not None and imported_function_returns_data(target, self.filename)

    def _on_built_client(self, request: RequestSite) -> bool:
        if self._on_annotated_client(request):
            return True
        values = receiver_values(self.index, request)
        return bool(values) and all(
            type(value) is cst.Call
            and (
                self.index.qualified_name(dotted_name(value.func)) in CLIENT_CONSTRUCTORS
                or self._client_factory(value)
            )
            for value in values
        )

    def _on_annotated_client(self, request: RequestSite) -> bool:
        """``client.get(...)`` with ``client: httpx.AsyncClient`` a parameter of the function
        (a FastAPI dependency, an injected client): a client's method returns its response."""
        func = request.node.func
        function = request.call.context.function
        if type(func) is not cst.Attribute or type(func.value) is not cst.Name or function is None:
            return False
        name = func.value.value
        params = function.params
        for param in (*params.posonly_params, *params.params, *params.kwonly_params):
            if param.name.value == name and param.annotation is not None:
                annotation = dotted_name(param.annotation.annotation)
                return self.index.qualified_name(annotation) in CLIENT_CONSTRUCTORS
        return False

    def _client_factory(self, call: cst.Call) -> bool:
        """``_session()``, a module function returning the client it builds (``s =
        requests.Session(); s.headers.update(...); return s``)."""
        if type(call.func) is not cst.Name or call.args:
            return False
        found = [
            s
            for s in self.index.module.body
            if isinstance(s, cst.FunctionDef) and s.name.value == call.func.value
        ]
        if len(found) != 1:
            return False
        function = found[0]
        built: dict[str, int] = {}
        returned: list[cst.BaseExpression] = []
        for node in walk_nodes(function, into_scopes=False):
            if isinstance(node, cst.Assign) and len(node.targets) == 1:
                target = node.targets[0].target
                if isinstance(target, cst.Name):
                    constructed = type(node.value) is cst.Call and (
                        self.index.qualified_name(dotted_name(node.value.func))
                        in CLIENT_CONSTRUCTORS
                    )
                    built[target.value] = built.get(target.value, 0) + (1 if constructed else 2)
            elif isinstance(node, cst.Return):
                if node.value is None:
                    return False
                returned.append(node.value)
        return bool(returned) and all(
            (type(value) is cst.Name and built.get(value.value) == 1)
            or (
                type(value) is cst.Call
                and self.index.qualified_name(dotted_name(value.func)) in CLIENT_CONSTRUCTORS
            )
            for value in returned
        )

    def _wrapper_result(
        self, request: RequestSite, function: cst.FunctionDef, outer: frozenset[int]
    ) -> JsonPath | str | None:
        """What ``function`` (a wrapper) returns of the response of the request it sends."""
        results: set[JsonPath | None] = set()
        sends: list[tuple[cst.Call, JsonPath | None]] = [
            (inner.node, None)
            for inner in self.requests
            if inner is not request and self.function_of(inner.node) is function
        ]
        if not sends:
            sends = self._sends_in(request, function, outer | {id(function)})
        for node, start in sends:
            flow = JsonFlow(request)
            self._follow(node, start, False, flow, set(), [0], False)
            results.update(
                escape.path
                for escape in flow.escapes
                if isinstance(self.index.parent_of(escape.node), cst.Return)
            )
        return next(iter(results)) if len(results) == 1 else "unknown"

    def _sends_in(
        self, request: RequestSite, function: cst.FunctionDef, outer: frozenset[int]
    ) -> list[tuple[cst.Call, JsonPath | None]]:
        """The calls by which a wrapper whose URL is its caller's (``def _call(method, path):
        HTTP.request(method, f"{BASE}/{path}")``, ``def api_get(path): return _call("GET",
        path)``) sends its request: an HTTP client's method (the response), or another
        wrapper of this module (what that one returns)."""
        sends: list[tuple[cst.Call, JsonPath | None]] = []
        locals_ = local_assignments(function)
        for site in self.index.calls:
            if site.context.function is not function:
                continue
            inner = self._callee_definition(site.node)
            if inner is not None and id(inner) not in outer:
                if len(outer) > 4:
                    continue
                result = self._wrapper_result(request, inner, outer)
                if not isinstance(result, str):
                    sends.append((site.node, result))
            elif inner is None and (
                _sends_http(site.node) or dispatched_method(site.node, locals_) is not None
            ):
                sends.append((site.node, None))
        return sends

    # Following ----------------------------------------------------------------------------
    def _follow(
        self,
        node: cst.BaseExpression,
        path: JsonPath | None,
        maybe_json: bool,
        flow: JsonFlow,
        seen: set[tuple[int, JsonPath | None, bool]],
        steps: list[int],
        follow_returns: bool,
    ) -> None:
        """``node`` holds the response (``path is None``) or its JSON at ``path``.

        ``maybe_json``: the value came from a wrapper that returns the response or its JSON.
        """
        key = (id(node), path, maybe_json)
        if key in seen or steps[0] > _MAX_STEPS:
            return
        seen.add(key)
        steps[0] += 1
        flow.values.append(JsonValue(node, path))
        parent = self.index.parent_of(node)
        if parent is None:
            return

        def go(
            target: cst.BaseExpression, new_path: JsonPath | None, maybe_json: bool = False
        ) -> None:
            self._follow(target, new_path, maybe_json, flow, seen, steps, follow_returns)

        if isinstance(parent, cst.Await):
            go(parent, path, maybe_json)
        elif isinstance(parent, cst.Attribute) and parent.value is node:
            self._attribute(parent, path, maybe_json, flow, go)
        elif isinstance(parent, cst.WithItem) and parent.item is node:
            if parent.asname is not None and isinstance(parent.asname.name, cst.Name):
                for use in self._table(parent).uses_of(parent.asname.name):
                    go(use, path, maybe_json)
        elif isinstance(parent, (cst.Assign, cst.AnnAssign, cst.NamedExpr)):
            self._assignment(parent, path, maybe_json, flow, go)
        elif isinstance(parent, (cst.Return, cst.Yield)):
            self._return(node, parent, path, maybe_json, flow, go, follow_returns)
        elif path is None and maybe_json and self._checked_by_imported_helper(node, parent):
            # The response (or its JSON) handed to ``check``, which returns ``resp.json()``.
            call = self.index.parent_of(parent)
            assert isinstance(call, cst.Call)
            go(call, ())
        elif path is None and maybe_json and self._parsed_by_helper(parent, flow):
            # ``_ok(await client.get(...))`` whose ``_ok`` returns ``resp.json()``: what the
            # unknown client returned is a response, as the helper reads it.
            assert isinstance(parent, cst.Arg)
            self._response_argument(node, parent, flow, go)
        elif path is None and not maybe_json:
            if isinstance(parent, cst.Arg):
                self._response_argument(node, parent, flow, go)
            elif isinstance(parent, cst.Expr):
                for response in self._connection_responses(node):
                    go(response, None)
            # Otherwise the response object is only inspected (``resp.status_code``...).
        else:
            self._json_use(node, parent, path or (), flow, go)

    def _attribute(
        self,
        attribute: cst.Attribute,
        path: JsonPath | None,
        maybe_json: bool,
        flow: JsonFlow,
        go: _Go,
    ) -> None:
        call = self.index.parent_of(attribute)
        called = call if isinstance(call, cst.Call) and call.func is attribute else None
        name = attribute.attr.value
        if path is None:
            if called is not None and name == "json":
                go(called, ())
                return
            if name in _BODY_READERS:
                self._body(called or attribute, go)
                return
            if not maybe_json:
                return
        json_path: JsonPath = path or ()
        if called is None:
            return
        if name == "get" and called.args:
            first = called.args[0]
            key = string_value(first.value) if first.keyword is None else None
            if key is not None and isinstance(first.value, cst.SimpleString):
                flow.reads.append(JsonRead(called, first.value, key, json_path))
                go(called, (*json_path, key))
        elif name == "copy":
            go(called, json_path)

    def _connection_responses(self, node: cst.BaseExpression) -> list[cst.Call]:
        """``conn.request("POST", path, body, headers)`` (``http.client``: the call returns
        nothing): the ``conn.getresponse()`` calls after it in its function hold the response."""
        if not (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "request"
        ):
            return []
        connection = dotted_name(node.func.value)
        function = self.function_of(node)
        if connection is None:
            return []
        position = self.index.position_of(node)
        return [
            site.node
            for site in self.index.calls
            if site.name == f"{connection}.getresponse"
            and site.context.function is function
            and self.index.position_of(site.node) > position
        ]

    def _checked_by_imported_helper(self, node: cst.BaseExpression, parent: cst.CSTNode) -> bool:
        """``check(<node>)``: ``node`` the first argument of an imported JSON helper."""
        if not isinstance(parent, cst.Arg) or parent.value is not node:
            return False
        call = self.index.parent_of(parent)
        return (
            isinstance(call, cst.Call)
            and call.args[0] is parent
            and self._callee_definition(call) is None
            and imports_json_helper(self.index, self.json_helpers, call)
        )

    def _response_argument(
        self, node: cst.BaseExpression, arg: cst.Arg, flow: JsonFlow, go: _Go
    ) -> None:
        """``urlopen(request)`` opens a response; ``json.load(resp)`` parses one; a helper of
        this module such as ``_check(resp)`` gives back what it returns of it."""
        call = self.index.parent_of(arg)
        if not isinstance(call, cst.Call):
            return
        name = self._qualified(call)
        if name in _URLOPEN:
            go(call, None)
        elif name in _JSON_FILE_LOADERS or (
            self._callee_definition(call) is None
            and call.args[0] is arg
            and imports_json_helper(self.index, self.json_helpers, call)
        ):
            go(call, ())
        elif self._callee_definition(call) is not None:
            result = self._helper_result(call, arg, flow.request)
            if result == "unknown":
                flow.escapes.append(JsonValue(node, None))
            elif result != "nothing":
                assert not isinstance(result, str)
                if result is not None:
                    flow.helper_results.append(JsonValue(call, result))
                go(call, result)

    def _parsed_by_helper(self, parent: cst.CSTNode, flow: JsonFlow) -> bool:
        """``parent`` is an argument of a helper of this module that parses the response it is
        given (returns its JSON at some path)."""
        if not isinstance(parent, cst.Arg):
            return False
        call = self.index.parent_of(parent)
        if not isinstance(call, cst.Call) or self._callee_definition(call) is None:
            return False
        return isinstance(self._helper_result(call, parent, flow.request), tuple)

    def _helper_result(
        self, call: cst.Call, arg: cst.Arg, request: RequestSite
    ) -> JsonPath | str | None:
        """What a helper of this module returns of the response passed as ``arg``: the
        response (``None``), its JSON at a path, ``"nothing"`` (it only inspects it), or
        ``"unknown"``."""
        function = self._callee_definition(call)
        param = _parameter_for(function, call, arg) if function is not None else None
        if function is None or param is None:
            return "unknown"
        inner = JsonFlow(request)
        steps = [0]
        for use in self._body_table(function).uses_of(param.name):
            self._follow(use, None, False, inner, set(), steps, False)
        # ``raise HeyGenError(f"{resp.status_code}: {resp.text[:200]}")``: the response in an
        # error's message is no result of the helper.
        escapes = [e for e in inner.escapes if not self._in_raise(e.node, function)]
        results = {
            escape.path
            for escape in escapes
            if isinstance(self.index.parent_of(escape.node), cst.Return)
        }
        if len(results) > 1 or len(results) < len(escapes):
            return "unknown"
        return next(iter(results)) if results else "nothing"

    def _in_raise(self, node: cst.CSTNode, function: cst.FunctionDef) -> bool:
        """``node`` is part of a ``raise`` statement of ``function``."""
        current: cst.CSTNode | None = node
        while current is not None and current is not function:
            if isinstance(current, cst.Raise):
                return True
            current = self.index.parent_of(current)
        return False

    def _body(self, body: cst.BaseExpression, go: _Go) -> None:
        """``json.loads(resp.text)``, ``json.loads(resp.read().decode())``, ``await resp.text()``."""
        current: cst.BaseExpression = body
        while True:
            parent = self.index.parent_of(current)
            holder = self.index.parent_of(parent) if parent is not None else None
            if isinstance(parent, cst.Await):
                current = parent
            elif (
                isinstance(parent, cst.Attribute)
                and parent.attr.value == "decode"
                and isinstance(holder, cst.Call)
                and holder.func is parent
            ):
                current = holder
            else:
                break
        arg = self.index.parent_of(current)
        loader = self.index.parent_of(arg) if isinstance(arg, cst.Arg) else None
        if isinstance(loader, cst.Call) and self._qualified(loader) in _JSON_LOADERS:
            go(loader, ())

    def _assignment(
        self,
        statement: cst.Assign | cst.AnnAssign | cst.NamedExpr,
        path: JsonPath | None,
        maybe_json: bool,
        flow: JsonFlow,
        go: _Go,
    ) -> None:
        targets = (
            [t.target for t in statement.targets]
            if isinstance(statement, cst.Assign)
            else [statement.target]
        )
        for target in targets:
            if isinstance(target, cst.Name):
                for use in self._table(statement).uses_of(target):
                    go(use, path, maybe_json)
            elif path is not None and statement.value is not None:
                # ``self.sessions = data["sessions"]``: read elsewhere, out of sight.
                flow.escapes.append(JsonValue(statement.value, path))

    def _return(
        self,
        node: cst.BaseExpression,
        statement: cst.Return | cst.Yield,
        path: JsonPath | None,
        maybe_json: bool,
        flow: JsonFlow,
        go: _Go,
        follow_returns: bool,
    ) -> None:
        function = self.function_of(statement)
        callers = self._callers_of(function) if follow_returns and function is not None else []
        if isinstance(statement, cst.Yield) or not callers:
            flow.escapes.append(JsonValue(node, path))
            return
        if function is not None and self._public_script_function(function, callers):
            # Called here only by the script's ``if __name__ == "__main__":`` block: a module
            # importing it (its other use) reads what it returns too.
            flow.escapes.append(JsonValue(node, path))
        for call in callers:
            go(call, path, maybe_json)

    def _public_script_function(self, function: cst.FunctionDef, callers: list[cst.Call]) -> bool:
        """A public module-level function whose every caller here is in the module's
        ``if __name__ == "__main__":`` block (a script that is imported as well)."""
        if function.name.value.startswith("_") or function not in self.index.module.body:
            return False
        return all(self._in_main_block(call) for call in callers)

    def _in_main_block(self, node: cst.CSTNode) -> bool:
        current: cst.CSTNode | None = node
        while current is not None and current not in self.index.module.body:
            current = self.index.parent_of(current)
        return isinstance(current, cst.If) and _is_main_test(current.test)

    def _json_use(
        self,
        node: cst.BaseExpression,
        parent: cst.CSTNode,
        path: JsonPath,
        flow: JsonFlow,
        go: _Go,
    ) -> None:
        if isinstance(parent, cst.Subscript) and parent.value is node:
            self._subscript(parent, path, flow, go)
        elif isinstance(parent, (cst.For, cst.CompFor)) and parent.iter is node:
            self._items(parent.target, path, go)
        elif isinstance(parent, cst.BooleanOperation) or (
            isinstance(parent, cst.IfExp) and node is not parent.test
        ):
            go(parent, path)
        elif isinstance(parent, cst.Arg):
            self._argument(node, parent, path, flow, go)
        elif (
            isinstance(parent, (cst.ListComp, cst.GeneratorExp, cst.SetComp))
            and parent.elt is node
            and path[-1:] == (ITEM,)
        ):
            # ``[a for a in avatars if ...]``: a filtered list of the same items.
            go(parent, path[:-1])
        elif isinstance(parent, (cst.DictElement, cst.Element, cst.StarredElement)):
            flow.escapes.append(JsonValue(node, path))
        # Anything else (comparisons, arithmetic, f-strings, conditions) only uses the value.

    def _subscript(self, subscript: cst.Subscript, path: JsonPath, flow: JsonFlow, go: _Go) -> None:
        if len(subscript.slice) != 1:
            return
        index = subscript.slice[0].slice
        if isinstance(index, cst.Slice):
            go(subscript, path)
            return
        assert isinstance(index, cst.Index)
        if isinstance(index.value, cst.SimpleString):
            key = string_value(index.value)
            if key is not None:
                flow.reads.append(JsonRead(subscript, index.value, key, path))
                go(subscript, (*path, key))
        elif isinstance(index.value, (cst.Integer, cst.UnaryOperation, cst.Name, cst.Attribute)):
            go(subscript, (*path, ITEM))

    def _items(self, target: cst.BaseExpression, path: JsonPath, go: _Go) -> None:
        if isinstance(target, cst.Name):
            for use in self._table(target).uses_of(target):
                go(use, (*path, ITEM))

    def _argument(
        self, node: cst.BaseExpression, arg: cst.Arg, path: JsonPath, flow: JsonFlow, go: _Go
    ) -> None:
        call = self.index.parent_of(arg)
        if not isinstance(call, cst.Call):
            return
        name = self._qualified(call) or ""
        if (
            name in _INSPECTORS
            or name.rsplit(".", 1)[-1] in _LOGGER_METHODS
            or name.startswith(_DISPLAY_MODULES)
        ):
            return
        first = arg is call.args[0] and arg.keyword is None
        if name in _LIST_PASSTHROUGH and first:
            # ``sorted(items, key=lambda a: a["avatar_id"])``: the key reads each item.
            for other in call.args:
                key = other.value
                if (
                    other.keyword is not None
                    and other.keyword.value == "key"
                    and isinstance(key, cst.Lambda)
                    and len(key.params.params) == 1
                ):
                    param = key.params.params[0].name.value
                    for use in _names_in(key.body, param):
                        go(use, (*path, ITEM))
            go(call, path)
            return
        receiver = call.func.value if isinstance(call.func, cst.Attribute) else None
        if (
            first
            and type(receiver) is cst.Name
            and isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "extend"
        ):
            # ``rows.extend(body["data"])`` in a paging loop: ``rows`` holds the same items,
            # read where it goes (``return rows``, a caller's ``for row in history()``).
            assert isinstance(receiver, cst.Name)
            for use in self._table(receiver).loads_after(receiver):
                go(use, path)
            return
        if name == "enumerate" and first:
            loop = self.index.parent_of(call)
            if isinstance(loop, (cst.For, cst.CompFor)) and loop.iter is call:
                target = loop.target
                if isinstance(target, cst.Tuple) and len(target.elements) == 2:
                    self._items(target.elements[1].value, path, go)
            return
        flow.escapes.append(JsonValue(node, path))

    def _qualified(self, call: cst.Call) -> str | None:
        return self.index.qualified_name(dotted_name(call.func))


def _sends_http(call: cst.Call) -> bool:
    """``HTTP.request(method, url, ...)``, ``self.http.post(url, ...)``: an HTTP client's
    method, not a dict's ``get("data")`` nor anything called on a parsed body."""
    func = call.func
    if not isinstance(func, cst.Attribute) or func.attr.value not in HTTP_CALLEE_NAMES:
        return False
    if isinstance(func.value, cst.Call):
        return False  # ``resp.json().get("data")``
    first = call.args[0].value if call.args else None
    literal = string_value(first) if first is not None else None
    return func.attr.value != "get" or (literal is None and first is not None)


def _is_static(function: cst.FunctionDef) -> bool:
    """``@staticmethod``: called on ``self`` or the class, nothing is bound."""
    return any(
        isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
        for d in function.decorators
    )


def _parameter_for(function: cst.FunctionDef, call: cst.Call, arg: cst.Arg) -> cst.Param | None:
    """The parameter of ``function`` that receives ``arg`` of ``call``."""
    params = function.params
    if arg.keyword is not None:
        named = (*params.posonly_params, *params.params, *params.kwonly_params)
        return next((p for p in named if p.name.value == arg.keyword.value), None)
    if arg.star or any(a.star for a in call.args):
        return None
    positional = [*params.posonly_params, *params.params]
    if isinstance(call.func, cst.Attribute) and positional and not _is_static(function):
        positional = positional[1:]  # ``self._check(resp)``: ``self`` is bound
    position = [a for a in call.args if a.keyword is None].index(arg)
    return positional[position] if position < len(positional) else None


# Edits ------------------------------------------------------------------------------------
def key_like(reference: cst.SimpleString, key: str) -> cst.SimpleString:
    """A string literal for ``key`` in the quote style of ``reference``."""
    return string_literal(key, reference)


def move_read(updated: cst.CSTNode, reference: cst.SimpleString, new_path: JsonPath) -> cst.CSTNode:
    """Rewrite a read (a :attr:`JsonRead.node`) to read ``new_path`` instead of its key.

    ``x["total"]`` with ``("data", "count")`` becomes ``x["data"]["count"]``;
    ``x.get("total", 0)`` becomes ``(x.get("data") or {}).get("count", 0)``, which keeps
    ``.get``'s tolerance of a missing (or null) key at every level.
    """
    first_key, *extra = new_path
    if isinstance(updated, cst.Subscript):
        element = updated.slice[0]
        node: cst.BaseExpression = updated.with_changes(
            slice=[element.with_changes(slice=cst.Index(value=key_like(reference, first_key)))]
        )
        for key in extra:
            node = cst.Subscript(
                value=node,
                slice=[cst.SubscriptElement(slice=cst.Index(value=key_like(reference, key)))],
            )
        return node
    assert isinstance(updated, cst.Call)
    first, *rest = updated.args
    renamed = first.with_changes(value=key_like(reference, first_key))
    if not extra:
        return updated.with_changes(args=[renamed, *rest])
    node = updated.with_changes(args=[renamed.with_changes(comma=cst.MaybeSentinel.DEFAULT)])
    for position, key in enumerate(extra):
        holder = cst.BooleanOperation(
            left=node,
            operator=cst.Or(),
            right=cst.Dict(elements=[]),
            lpar=[cst.LeftParen()],
            rpar=[cst.RightParen()],
        )
        args = [cst.Arg(key_like(reference, key))]
        if position == len(extra) - 1 and rest:
            args = [cst.Arg(key_like(reference, key), comma=first.comma), *rest]
        node = cst.Call(func=cst.Attribute(value=holder, attr=cst.Name("get")), args=args)
    return node


def read_inside(updated: cst.CSTNode, reference: cst.SimpleString, inner: str) -> cst.CSTNode:
    """A read of a field that was a string and is now an object holding it under ``inner``.

    ``x["default_voice"]`` becomes ``(x["default_voice"] or {}).get("id")`` (``None`` stays
    ``None``, as with the old string) and ``x.get("default_voice", d)`` becomes
    ``(x.get("default_voice") or {}).get("id", d)``.
    """
    if isinstance(updated, cst.Call):
        key = updated.args[0].value
        assert isinstance(key, cst.SimpleString)
        return move_read(updated, reference, (str(key.evaluated_value), inner))
    assert isinstance(updated, cst.BaseExpression)
    holder = cst.BooleanOperation(
        left=updated,
        operator=cst.Or(),
        right=cst.Dict(elements=[]),
        lpar=[cst.LeftParen()],
        rpar=[cst.RightParen()],
    )
    return cst.Call(
        func=cst.Attribute(value=holder, attr=cst.Name("get")),
        args=[cst.Arg(key_like(reference, inner))],
    )


def imports_json_helper(index: ModuleIndex, helpers: frozenset[str], call: cst.Call) -> bool:
    """``check(resp)`` (a bare name imported from a module of the project, one positional
    response) where ``check`` is among ``helpers`` (``ProjectFacts.json_helpers``)."""
    func = call.func
    return (
        type(func) is cst.Name
        and func.value in helpers
        and func.value in index.imports
        and bool(call.args)
        and call.args[0].keyword is None
        and not call.args[0].star
    )


def _is_main_test(test: cst.BaseExpression) -> bool:
    """``__name__ == "__main__"`` (either way round)."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    sides = (test.left, test.comparisons[0].comparator)
    return isinstance(test.comparisons[0].operator, cst.Equal) and {
        dotted_name(side) or string_value(side) for side in sides
    } == {"__name__", "__main__"}


def _names_in(node: cst.CSTNode, name: str) -> list[cst.Name]:
    """The loads of ``name`` in a lambda's body (a nested lambda rebinding it excluded)."""
    if isinstance(node, cst.Name):
        return [node] if node.value == name else []
    if isinstance(node, cst.Lambda) and any(p.name.value == name for p in node.params.params):
        return []
    if isinstance(node, cst.Attribute):
        return _names_in(node.value, name)
    found: list[cst.Name] = []
    for child in child_nodes(node):
        found.extend(_names_in(child, name))
    return found
