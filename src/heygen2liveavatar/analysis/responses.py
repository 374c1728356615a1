"""Where the responses of HeyGen requests go: response objects, parsed JSON, field reads.

Real code parses a response next to the request (``data = resp.json()["data"]``), inside
``async with session.post(...) as resp`` blocks, through ``urlopen(req)``, or in a wrapper
method whose return value callers index far away (``info = self.new_session(); info["url"]``).
:class:`ResponseTracker` answers, for any expression, "is this the response (object or
parsed JSON) of which request?" by following names, ``self`` attributes, ``with ... as``
bindings and the return values of the module's own functions backwards from the use. It
reads the :class:`ModuleIndex` tables only; it never walks the tree.
"""

from __future__ import annotations

import builtins
import sys
from dataclasses import dataclass, replace

import libcst as cst

from ..apispec import find_endpoints
from .attribute_dicts import attribute_dict_call
from .call_shape import AWAITED_PASS_THROUGH, COROUTINE_RUNNERS, result_expression
from .client_classes import inherited_classes, parameter_class
from .http import EndpointUse, RequestSite, partial_callee, response_call, runner_partial
from .index import (
    CallSite,
    Context,
    ModuleIndex,
    Scope,
    Statement,
    dotted_name,
    string_value,
    walk_nodes,
)
from .json_flow import imports_json_helper
from .model_validations import Validation, body_owner, parsed_body, validation_of
from .names import binding_reads
from .partial_methods import partial_methods
from .path_getters import PathRead, path_reads
from .values import Piece

OBJECT = "object"
"""An HTTP response object (``requests.Response``, ``httpx.Response``, aiohttp, urllib)."""
DATA = "data"
"""Parsed JSON: the envelope ``{code, data, message}`` or its ``data`` part."""
UNKNOWN = "unknown"
"""The result of a project wrapper whose body is not in this module: object or JSON."""
REQUEST = "request"
"""A ``urllib.request.Request`` that ``urlopen`` turns into a response."""
MODEL = "model"
"""A model a project helper built from the parsed JSON (``Envelope.model_validate(resp.json())``):
its attributes are the envelope's keys (``envelope.data`` is the data)."""

RESPONSE_PARSER_METHODS = frozenset(
    {"from_dict", "from_json", "from_response", "from_api", "from_data"}
)
"""Hand-written alternative constructors of a class (``Session.from_response(resp)``)."""

# Class-level constructors that validate a mapping (pydantic v2 and v1).
MODEL_VALIDATORS = frozenset({"model_validate", "parse_obj", "construct", "model_construct"})

_JSON_LOADERS = frozenset({"json.loads", "loads", "orjson.loads", "ujson.loads"})
_JSON_FILE_LOADERS = frozenset({"json.load"})
_URLOPEN = frozenset({"urllib.request.urlopen", "request.urlopen", "urlopen"})
_MAX_DEPTH = 16
# Keywords only an HTTP client method takes: a call with them is not a project wrapper.
_OBJECT_HOOKS = frozenset({"object_hook", "object_pairs_hook"})
_CLIENT_KEYWORDS = frozenset({"json", "data", "headers", "params", "content", "timeout"})
# Imported names that are HTTP libraries, never a project module holding a request wrapper.
_HTTP_LIBRARIES = frozenset({"requests", "httpx", "aiohttp", "urllib", "urllib3", "http"})


# Methods of an HTTP client class that may return parsed JSON (``engine/client_facts.py``).
_CLIENT_METHODS = frozenset(
    {"request", "get", "post", "put", "patch", "delete", "head", "options", "send"}
)

_BRIDGE_PASS_THROUGH = frozenset({"remember_session", "start_session", "start_session_async"})
"""Helper-module calls that return the parsed response they were given (start's data merged)."""


@dataclass(frozen=True)
class Origin:
    """What an expression holds: a response (or its JSON) of ``request``."""

    request: RequestSite
    kind: str
    handle: cst.BaseExpression | None = None
    """A name (or ``self.attr``) bound to the response *object*, when the value came through one."""
    handle_context: Context | None = None
    """Where ``handle`` was seen; a status check can use it only from the same function."""

    @property
    def endpoint_key(self) -> str | None:
        endpoint = self.request.endpoint
        return endpoint.key if endpoint is not None else None


@dataclass(frozen=True)
class ParseSite:
    """An expression that turns a response into JSON (or a wrapper call that returns JSON)."""

    request: RequestSite
    node: cst.BaseExpression
    """The expression to wrap (``resp.json()``, ``await resp.json()``, ``json.loads(...)``)."""
    context: Context
    bound: bool
    """Its value (or a ``["data"]`` part of it) is assigned or returned, not just inspected."""
    handle: cst.BaseExpression | None
    raw_validation: Validation | None = None
    """``Model.model_validate_json(resp.content)``: ``node`` is the raw body it validates, which
    becomes the parsed JSON (``resp.json()``) under the validation's mapping spelling."""
    object_hook: bool = False
    """``json.loads(resp.text, object_hook=SimpleNamespace)``: ``node`` parses into objects,
    not the JSON dicts the helper module takes; H2L101 parses without the hook, starts the
    session and hands the result back to the same hook."""
    rewrap: str | None = None
    """``heygen("streaming.new", ...)`` of a wrapper returning ``AttrDict(r.json())`` (a dict
    read by attribute, :mod:`.attribute_dicts`): the name of that class, which H2L101 puts
    back around the started session (the helper returns a plain dict)."""


@dataclass(frozen=True)
class FieldRead:
    """A read of one key from a response's JSON: ``x["url"]`` or ``x.get("url")``."""

    node: cst.BaseExpression
    """The ``Subscript`` or the ``.get`` ``Call``."""
    key: str
    key_node: cst.SimpleString
    base: cst.BaseExpression
    origin: Origin
    context: Context
    through_path: bool = False
    """Read by a path helper (``dig(body, "data.url")``): ``node`` is that call and
    ``key_node`` the path literal, whose last segment is ``key``."""


def data_key_of(
    expr: cst.BaseExpression,
) -> tuple[cst.BaseExpression, str, cst.SimpleString] | None:
    """``(base, key, key literal)`` for ``base["key"]`` or ``base.get("key"[, default])``."""
    if isinstance(expr, cst.Subscript) and len(expr.slice) == 1:
        index = expr.slice[0].slice
        if isinstance(index, cst.Index) and isinstance(index.value, cst.SimpleString):
            key = string_value(index.value)
            if key is not None:
                return expr.value, key, index.value
    if (
        isinstance(expr, cst.Call)
        and isinstance(expr.func, cst.Attribute)
        and expr.func.attr.value == "get"
        and 1 <= len(expr.args) <= 2
        and expr.args[0].keyword is None
        and isinstance(expr.args[0].value, cst.SimpleString)
    ):
        key = string_value(expr.args[0].value)
        if key is not None:
            return expr.func.value, key, expr.args[0].value
    return None


def dict_update(small: cst.Expr) -> tuple[str, cst.BaseExpression] | None:
    """``session.update(data)``: the dict's name and the value merged into it."""
    call = small.value
    if not (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Attribute)
        and call.func.attr.value == "update"
        and isinstance(call.func.value, cst.Name)
        and len(call.args) == 1
        and call.args[0].keyword is None
        and not call.args[0].star
    ):
        return None
    return call.func.value.value, call.args[0].value


def keyed_slot(expr: cst.BaseExpression) -> str | None:
    """``SESSIONS[chat_id]`` / ``state["room"]``: a dict slot named by a variable or a literal
    (its text, to match the same slot elsewhere in the function); None for anything else."""
    if not (
        isinstance(expr, cst.Subscript)
        and isinstance(expr.value, cst.Name)
        and len(expr.slice) == 1
        and isinstance(expr.slice[0].slice, cst.Index)
    ):
        return None
    key = expr.slice[0].slice.value
    if isinstance(key, cst.Name):
        return f"{expr.value.value}[{key.value}]"
    if isinstance(key, cst.SimpleString):
        return f"{expr.value.value}[{key.value}]"
    return None


class ResponseTracker:
    """Classifies expressions of one module as responses of its HeyGen requests."""

    def __init__(
        self,
        index: ModuleIndex,
        requests: list[RequestSite],
        openers: frozenset[str] = frozenset(),
        json_clients: frozenset[tuple[str, str]] = frozenset(),
        data_clients: frozenset[tuple[str, str]] = frozenset(),
        token_getters: frozenset[str] = frozenset(),
        json_helpers: frozenset[str] = frozenset(),
        module_wrappers: frozenset[str] = frozenset(),
    ) -> None:
        self.index = index
        self.requests = requests
        self.openers = openers
        """Functions of other modules that return a ``streaming.new`` response (project facts)."""
        self.json_clients = json_clients
        """(class, method) of HTTP client classes whose method returns parsed JSON (facts)."""
        self.data_clients = data_clients
        """Those of ``json_clients`` whose method returns the envelope's ``data`` (facts)."""
        self.token_getters = token_getters
        """Functions of other modules returning a create_token token that some module sends
        as ``Bearer`` on ``streaming.new`` (``ProjectFacts.paired_token_getters``)."""
        self.json_helpers = json_helpers
        """Module-level functions of other modules that check a response and return its whole
        JSON (``ProjectFacts.json_helpers``): ``check(http.post(...))`` with ``check`` imported."""
        self.module_wrappers = module_wrappers
        """Request wrappers defined in the project's other modules (``ProjectFacts.
        wrapper_bodies`` / ``wrapper_parameters``), by name: ``api.request(...)`` on an
        imported module ``api`` calls one of them, whatever its keywords say."""
        self._foreign: dict[int, RequestSite] = {}
        self._by_call: dict[int, RequestSite] = {id(r.node): r for r in requests}
        self._partial_runners: dict[int, RequestSite] | None = None
        self.statements: list[tuple[Statement, Context]] = []
        self.order: dict[int, int] = {}
        self._with_bindings: dict[tuple[int, str], list[cst.BaseExpression]] = {}
        self._functions: dict[str, list[cst.FunctionDef]] = {}
        self._returns: dict[int, list[tuple[cst.BaseExpression, Context]]] = {}
        self._yields: dict[int, list[tuple[cst.BaseExpression, Context]]] = {}
        """``yield value`` statements per function (a generator, a context manager's)."""
        self._slots: dict[tuple[int, str], list[cst.BaseExpression]] = {}
        self._unpacked: dict[tuple[int, str], list[tuple[cst.BaseExpression, int]]] = {}
        """``client, info = open_session()`` per scope: (the value, the name's position)."""
        """Values stored under a keyed slot (``SESSIONS[chat_id] = ...``) per scope."""
        self._updates: dict[str, list[tuple[cst.BaseExpression, Scope]]] = {}
        """``name.update(value)`` calls: the dict ``name`` holds ``value``'s keys after them."""
        self._global_writers: dict[str, list[Scope]] = {}
        """Function scopes that declare ``global name`` (their assignments bind the module's)."""
        self._memo: dict[int, Origin | None] = {}
        self._path_reads: list[PathRead] | None = None
        self._tables()

    # Tables built from the index's statement contexts (no tree walk) ---------------------
    def _tables(self) -> None:
        for key, context in self.index.contexts.items():
            statement = context.statement
            if id(statement) != key:
                continue
            self.order[key] = len(self.statements)
            self.statements.append((statement, context))
            kind = type(statement)  # exact types: ``isinstance`` on LibCST's ABCs is slow
            if kind is cst.FunctionDef:
                assert isinstance(statement, cst.FunctionDef)
                self._functions.setdefault(statement.name.value, []).append(statement)
            elif kind is cst.With:
                assert isinstance(statement, cst.With)
                for item in statement.items:
                    if item.asname is not None and isinstance(item.asname.name, cst.Name):
                        name = item.asname.name.value
                        slot = (id(context.scope), name)
                        self._with_bindings.setdefault(slot, []).append(item.item)
            elif kind is cst.While or kind is cst.If:
                # ``while data := self.read(n):`` binds ``data`` in this scope: a local name,
                # not the module's ``data`` holding a response.
                assert isinstance(statement, (cst.While, cst.If))
                # also ``while (item := await queue.get()) is not None:``
                for test in walk_nodes(statement.test, into_scopes=False):
                    if type(test) is cst.NamedExpr and type(test.target) is cst.Name:
                        slot = (id(context.scope), test.target.value)
                        self._with_bindings.setdefault(slot, []).append(test.value)
            elif kind is cst.SimpleStatementLine and context.function is not None:
                assert isinstance(statement, cst.SimpleStatementLine)
                for small in statement.body:
                    if type(small) is cst.Return and small.value is not None:
                        self._returns.setdefault(id(context.function), []).append(
                            (small.value, context)
                        )
                    elif type(small) is cst.Assign:
                        assert isinstance(small, cst.Assign)
                        for target in small.targets:
                            stored = keyed_slot(target.target)
                            if stored is not None:
                                place = (id(context.scope), stored)
                                self._slots.setdefault(place, []).append(small.value)
                            elif type(target.target) is cst.Tuple:
                                self._unpacking(target.target, small.value, context.scope)
                    elif type(small) is cst.Expr and type(small.value) is cst.Yield:
                        yielded = small.value.value
                        if isinstance(yielded, cst.BaseExpression):  # not ``yield from``
                            self._yields.setdefault(id(context.function), []).append(
                                (yielded, context)
                            )
                    elif type(small) is cst.Expr:
                        updated = dict_update(small)
                        if updated is not None:
                            name, value = updated
                            self._updates.setdefault(name, []).append((value, context.scope))
                    elif type(small) is cst.Global:
                        assert isinstance(small, cst.Global)
                        for declared in small.names:
                            writers = self._global_writers.setdefault(declared.name.value, [])
                            writers.append(context.scope)

    def _unpacking(self, target: cst.Tuple, value: cst.BaseExpression, scope: Scope) -> None:
        elements = target.elements
        if any(type(element) is not cst.Element for element in elements):
            return  # ``first, *rest = ...``: positions after the star are unknown
        for position, element in enumerate(elements):
            if type(element.value) is cst.Name:
                assert isinstance(element.value, cst.Name)
                slot = (id(scope), element.value.value)
                self._unpacked.setdefault(slot, []).append((value, position))

    def position(self, node: cst.CSTNode) -> int:
        """Source order of the statement holding ``node`` (for "is it bound before?")."""
        current: cst.CSTNode | None = node
        while current is not None:
            found = self.order.get(id(current))
            if found is not None:
                return found
            current = self.index.parent_of(current)
        return -1

    def functions_named(self, name: str) -> list[cst.FunctionDef]:
        return self._functions.get(name, [])

    def functions_called(self, call: cst.Call) -> list[cst.FunctionDef]:
        """The module's functions ``call`` may call: by a bare name (``open(path, "rb")``) a
        function, never a method of that name (``def open(self, avatar_id)`` of a client
        class); through an attribute, any of them."""
        callee = _callee_name(call)
        functions = self.functions_named(callee) if callee else []
        if type(call.func) is not cst.Name:
            return functions
        return [function for function in functions if not self._is_method(function)]

    def _is_method(self, function: cst.FunctionDef) -> bool:
        """Defined in a class body (its block's parent is the class)."""
        block = self.index.parent_of(function)
        return block is not None and type(self.index.parent_of(block)) is cst.ClassDef

    def returns_of(self, function: cst.FunctionDef) -> list[tuple[cst.BaseExpression, Context]]:
        return self._returns.get(id(function), [])

    def yields_of(self, function: cst.FunctionDef) -> list[tuple[cst.BaseExpression, Context]]:
        """What a generator (or a ``@contextmanager``'s) ``yield`` statements hand out."""
        return self._yields.get(id(function), [])

    # Classification --------------------------------------------------------------------
    def classify(self, expr: cst.BaseExpression, context: Context) -> Origin | None:
        """The request whose response (object or JSON) ``expr`` holds, if any."""
        key = id(expr)
        if key not in self._memo:
            # Memoised at the top only: an inner result cut short by a cycle is not final.
            self._memo[key] = self._classify(expr, context, 0, frozenset())
        return self._memo[key]

    def _classify(
        self, expr: cst.BaseExpression, context: Context, depth: int, seen: frozenset[int]
    ) -> Origin | None:
        if depth > _MAX_DEPTH or id(expr) in seen:
            return None
        return self._classify_uncached(expr, context, depth + 1, seen | {id(expr)})

    def _classify_uncached(
        self, expr: cst.BaseExpression, context: Context, depth: int, seen: frozenset[int]
    ) -> Origin | None:
        if isinstance(expr, cst.Await):
            return self._classify(expr.expression, context, depth, seen)
        if (checked := _raise_for_status_receiver(expr)) is not None:
            # ``client.post(...).raise_for_status().json()``: httpx returns the response.
            return self._classify(checked, context, depth, seen)
        if isinstance(expr, cst.Call):
            return self._classify_call(expr, context, depth, seen)
        if isinstance(expr, cst.BooleanOperation) and isinstance(expr.operator, cst.Or):
            # ``resp.get("data") or {}``: the fallback is only for a missing value.
            return self._classify(expr.left, context, depth, seen)
        if isinstance(expr, cst.Subscript):
            keyed = data_key_of(expr)
            if keyed is not None and keyed[1] == "data":
                inner = self._classify(keyed[0], context, depth, seen)
                if inner is not None and inner.kind in (DATA, UNKNOWN):
                    return replace(inner, kind=DATA)
            slot = keyed_slot(expr)
            stored = self._slots.get((id(context.scope), slot)) if slot is not None else None
            for value in self._reaching(expr, stored or []):
                origin = self._classify(value, self._context_of(value, context), depth, seen)
                if origin is not None:
                    return self._through_handle(origin, expr, context)
            return None
        if isinstance(expr, cst.Name):
            return self._classify_name(expr, context, depth, seen)
        if isinstance(expr, cst.Attribute) and expr.attr.value == "data":
            inner = self._classify(expr.value, context, depth, seen)
            if inner is not None and (
                inner.kind == MODEL
                or (inner.kind == UNKNOWN and self._wrapper_returns_model(inner.request))
            ):
                return replace(inner, kind=DATA)
        if (
            isinstance(expr, cst.Attribute)
            and isinstance(expr.value, cst.Name)
            and expr.value.value == "self"
        ):
            for value in self.index.lookup_self_attribute(context.class_def, expr.attr.value):
                origin = self._classify(value, self._context_of(value, context), depth, seen)
                if origin is not None:
                    return self._through_handle(origin, expr, context)
        return None

    def _through_handle(
        self, origin: Origin, handle: cst.BaseExpression, context: Context
    ) -> Origin:
        if origin.kind in (OBJECT, UNKNOWN):
            return replace(origin, handle=handle, handle_context=context)
        return origin

    def _classify_name(
        self, expr: cst.Name, context: Context, depth: int, seen: frozenset[int]
    ) -> Origin | None:
        values = self._values_of(expr.value, context.scope)
        for value in self._reaching(expr, values):
            origin = self._classify(value, self._context_of(value, context), depth, seen)
            if origin is not None:
                return self._through_handle(origin, expr, context)
        if not values:
            unpacked = self._unpacked.get((id(context.scope), expr.value), [])
            for value, position in unpacked if len(unpacked) == 1 else []:
                origin = self._returned_element(value, position, depth, seen)
                if origin is not None:
                    return self._through_handle(origin, expr, context)
        if not values and context.function is not None and context.class_def is not None:
            if context.function.name.value == "__init__":
                return self._constructor_parameter(expr, context, depth, seen)
            return self._parser_parameter(expr, context, depth, seen)
        return None

    def _constructor_parameter(
        self, expr: cst.Name, context: Context, depth: int, seen: frozenset[int]
    ) -> Origin | None:
        """``session`` in ``def __init__(self, http, session): self.session = session``, when
        every construction of the class here (``Narrator(http, data)``, ``cls(http, data)`` in
        its own classmethod) passes the JSON of one request there: ``session`` holds it."""
        function, class_def = context.function, context.class_def
        assert function is not None and class_def is not None
        params = [p.name.value for p in function.params.params][1:]  # ``self`` goes
        position = params.index(expr.value) if expr.value in params else -1
        if position < 0 or not self._only_kept_on_self(function, expr.value):
            return None
        found: Origin | None = None
        for call in self.index.calls:
            name = dotted_name(call.node.func)
            own = name == "cls" and call.context.class_def is class_def
            if name != class_def.name.value and not own:
                continue
            args = [a for a in call.node.args if a.keyword is None]
            if any(a.star for a in call.node.args):
                return None
            passed = next(
                (
                    a.value
                    for a in call.node.args
                    if a.keyword is not None and a.keyword.value == expr.value
                ),
                args[position].value if position < len(args) else None,
            )
            if passed is None:
                return None
            origin = self._classify(passed, call.context, depth, seen)
            if origin is None or origin.kind == OBJECT:
                return None  # a response object kept on ``self`` is read through its handle
            if found is not None and found.request is not origin.request:
                return None
            found = origin
        return Origin(found.request, found.kind) if found is not None else None

    def _returned_element(
        self, value: cst.BaseExpression, position: int, depth: int, seen: frozenset[int]
    ) -> Origin | None:
        """``client, info = await open_session()`` where every ``return`` of the module's
        ``open_session`` is a tuple: what its element at ``position`` holds."""
        call = value.expression if isinstance(value, cst.Await) else value
        functions = self.functions_called(call) if isinstance(call, cst.Call) else []
        if len(functions) != 1:
            return None
        returns = self.returns_of(functions[0])
        if not returns or not all(
            type(returned) is cst.Tuple and len(returned.elements) > position
            for returned, _context in returns
        ):
            return None
        for returned, returned_context in returns:
            assert isinstance(returned, cst.Tuple)
            element = returned.elements[position]
            if type(element) is not cst.Element:
                return None
            origin = self._classify(element.value, returned_context, depth, seen)
            if origin is not None:
                return Origin(origin.request, origin.kind)  # its handle means nothing here
        return None

    def _only_kept_on_self(self, function: cst.FunctionDef, name: str) -> bool:
        """Every read of ``name`` in ``function`` is ``self.<attribute> = name``: the
        constructor keeps what it is given as it is (not ``self.__dict__.update(data)``)."""
        reads = [
            node
            for node in walk_nodes(function.body)
            if type(node) is cst.Name
            and node.value == name
            and not _is_attribute_name(self.index.parent_of(node), node)
        ]
        for node in reads:
            assign = self.index.parent_of(node)
            if not (
                isinstance(assign, cst.Assign)
                and assign.value is node
                and len(assign.targets) == 1
                and isinstance(assign.targets[0].target, cst.Attribute)
                and dotted_name(assign.targets[0].target.value) == "self"
            ):
                return False
        return bool(reads)

    def _parser_parameter(
        self, expr: cst.Name, context: Context, depth: int, seen: frozenset[int]
    ) -> Origin | None:
        """``resp`` in ``def from_response(cls, resp): data = resp.json()["data"]``: a method
        of the module's class (:data:`RESPONSE_PARSER_METHODS`) that parses the response
        object it is given, when every call of it here passes one request's response."""
        function = context.function
        assert function is not None
        name = function.name.value
        if name not in RESPONSE_PARSER_METHODS or len(self.functions_named(name)) != 1:
            return None
        params = [p.name.value for p in function.params.params]
        static = any(dotted_name(d.decorator) == "staticmethod" for d in function.decorators)
        position = params.index(expr.value) - (0 if static else 1) if expr.value in params else -1
        if position < 0:
            return None
        found: Origin | None = None
        for call in self.index.calls:
            if _callee_name(call.node) != name:
                continue
            args = call.node.args
            if len(args) != 1 or args[0].keyword is not None or args[0].star or position != 0:
                return None
            origin = self._classify(args[0].value, call.context, depth, seen)
            if origin is None or origin.kind != OBJECT:
                return None
            if found is not None and found.request is not origin.request:
                return None
            found = origin
        if found is None:
            return None
        return Origin(found.request, OBJECT, expr, context)

    def _reaching(
        self, use: cst.CSTNode, values: list[cst.BaseExpression]
    ) -> list[cst.BaseExpression]:
        """The value most recently assigned before ``use`` (``resp`` is often reused for the
        token call and then the start call); all values when none precedes it in the source.

        Source order is execution order only within one function: a module-level dict read
        in a function (``if _session: return _session["url"]``) may hold what another
        function, or a later line of this one on an earlier call, merged into it
        (``_session.update(data)``), so unless the use's own function bound it before the
        use, every value reaches it."""
        if len(values) < 2:
            return values
        at = self.position(use)
        home = self._function_of(use)
        if any(self._function_of(v) is not home for v in values):
            values_here = [v for v in values if self._function_of(v) is home]
            before = [v for v in values_here if self.position(v) < at]
        else:
            before = [v for v in values if self.position(v) < at]
        if not before:
            return values
        return [max(before, key=self.position)]

    def _function_of(self, node: cst.CSTNode) -> cst.FunctionDef | None:
        """The function whose body holds ``node`` (None at module level)."""
        current: cst.CSTNode | None = node
        while current is not None:
            found = self.index.context_of(current)
            if found is not None:
                return found.function
            current = self.index.parent_of(current)
        return None

    def _values_of(self, name: str, scope: Scope) -> list[cst.BaseExpression]:
        current: Scope | None = scope
        first = True
        while current is not None:
            if first or not isinstance(current.node, cst.ClassDef):
                values = [
                    *self._with_bindings.get((id(current), name), []),
                    *current.assignments.get(name, []),
                ]
                values.extend(
                    value
                    for value, where in self._updates.get(name, [])
                    if self._defining_scope(name, where) is current
                )
                if current.parent is None:
                    # A module global also takes what functions assign after ``global name``
                    # (``global SESSION`` in connect(), read in speak()).
                    for writer in self._global_writers.get(name, []):
                        values.extend(writer.assignments.get(name, []))
                if values:
                    return values
            first = False
            current = current.parent
        return []

    def _defining_scope(self, name: str, scope: Scope) -> Scope | None:
        """The scope whose ``name`` a read in ``scope`` sees (as :meth:`_values_of` walks)."""
        current: Scope | None = scope
        first = True
        while current is not None:
            if (first or not isinstance(current.node, cst.ClassDef)) and (
                name in current.assignments or (id(current), name) in self._with_bindings
            ):
                return current
            first = False
            current = current.parent
        return None

    def _context_of(self, node: cst.CSTNode, fallback: Context) -> Context:
        current: cst.CSTNode | None = node
        while current is not None:
            found = self.index.context_of(current)
            if found is not None:
                return found
            current = self.index.parent_of(current)
        return fallback

    def _classify_call(
        self, expr: cst.Call, context: Context, depth: int, seen: frozenset[int]
    ) -> Origin | None:
        site = self._by_call.get(id(expr))
        if site is not None:
            return Origin(site, self.kind_of_request(site))
        partial = runner_partial(self.index, expr)
        site = self._by_call.get(id(partial)) if partial is not None else None
        if site is None:
            # ``send = functools.partial(requests.post, url, ...)`` then ``await
            # loop.run_in_executor(None, send)`` (or a helper of the module running it)
            site = self._named_partial_runners().get(id(expr))
        if site is not None:
            # ``await loop.run_in_executor(None, functools.partial(requests.post, url, ...))``
            return Origin(site, self.kind_of_request(site))
        receiver = parse_receiver(expr, self.index)
        if receiver is not None:
            inner = self._classify(receiver, context, depth, seen)
            if inner is not None and inner.kind in (OBJECT, UNKNOWN):
                return Origin(inner.request, DATA, inner.handle, inner.handle_context)
            return None
        keyed = data_key_of(expr)
        if keyed is not None:
            if keyed[1] != "data":
                return None
            inner = self._classify(keyed[0], context, depth, seen)
            if inner is not None and inner.kind in (DATA, UNKNOWN):
                return replace(inner, kind=DATA)
            return None
        name = dotted_name(expr.func)
        qualified = self.index.qualified_name(name) or ""
        if (qualified in _URLOPEN or (name or "") in _URLOPEN) and expr.args:
            inner = self._classify(expr.args[0].value, context, depth, seen)
            if inner is not None and inner.kind == REQUEST:
                return Origin(inner.request, OBJECT)
            return None
        if (qualified in COROUTINE_RUNNERS or name in COROUTINE_RUNNERS) and len(expr.args) == 1:
            # ``asyncio.run(_post(...))`` at a sync edge: the coroutine's result.
            return self._classify(expr.args[0].value, context, depth, seen)
        if qualified in AWAITED_PASS_THROUGH and expr.args and expr.args[0].keyword is None:
            # ``await asyncio.wait_for(client.post(...), 10)``: the request's response.
            return self._classify(expr.args[0].value, context, depth, seen)
        if qualified in ("typing.cast", "cast") and len(expr.args) == 2:
            # ``cast(NewSessionData, resp.json()["data"])``: the value, typed.
            return self._classify(expr.args[1].value, context, depth, seen)
        if name is not None and name.split(".")[-1] in _BRIDGE_PASS_THROUGH and expr.args:
            return self._classify(expr.args[0].value, context, depth, seen)
        # A call of one of the module's own functions: what does it return?
        callee = _callee_name(expr)
        if callee is None:
            return None
        for function in self.functions_called(expr):
            for value, value_context in self.returns_of(function):
                origin = self._classify(value, value_context, depth, seen)
                if origin is not None:
                    # A handle inside the callee means nothing to the caller.
                    return Origin(origin.request, origin.kind)
        checked = self.checked_by_helper(expr, context)
        if checked is not None:
            inner = self._classify(checked, context, depth, seen)
            if inner is not None and inner.kind in (OBJECT, UNKNOWN):
                return Origin(inner.request, UNKNOWN)
        enveloped = self.enveloped_by_helper(expr)
        if enveloped is not None:
            # ``_data(resp.json())`` whose every return is ``body["data"]``: the data part
            inner = self._classify(enveloped, context, depth, seen)
            if inner is not None and inner.kind in (DATA, UNKNOWN):
                return Origin(inner.request, DATA)
        modelled = self.modelled_by_helper(expr)
        if modelled is not None:
            inner = self._classify(modelled[0], context, depth, seen)
            if inner is not None and inner.kind in (OBJECT, UNKNOWN):
                return Origin(inner.request, MODEL)
        if (
            callee in self.openers
            and not self.functions_named(callee)
            and not self._builtin_called(expr)
        ):
            return Origin(self._foreign_request(expr, context), UNKNOWN)
        return None

    def _builtin_called(self, call: cst.Call) -> bool:
        """``open(path, "rb")``: a built-in, not another module's opener named ``open``
        (which this module would import, or read from a star import)."""
        func = call.func
        return (
            isinstance(func, cst.Name)
            and func.value in _BUILTINS
            and func.value not in self.index.imports
            and all(  # ``from _signal import *`` brings no opener of the project's
                module.split(".")[0] in sys.stdlib_module_names
                for module, _node in self.index.star_imports
            )
            and not self.index.module_scope.assignments.get(func.value)
        )

    def _named_partial_runners(self) -> dict[int, RequestSite]:
        """id(runner call) -> the request of a partial bound to a name that it runs
        (:func:`.http.response_call`)."""
        if self._partial_runners is None:
            self._partial_runners = {}
            for site in self._by_call.values():
                if partial_callee(self.index, site.node) is None:
                    continue
                runner = response_call(self.index, site.node)
                if runner is not site.node:
                    self._partial_runners[id(runner)] = site
        return self._partial_runners

    def _foreign_request(self, call: cst.Call, context: Context) -> RequestSite:
        """Stands for the ``streaming.new`` request another module makes inside ``call``."""
        site = self._foreign.get(id(call))
        if site is None:
            match = find_endpoints("/v1/streaming.new")[0]
            site = RequestSite(
                call=CallSite(call, _callee_name(call), context, False, None),
                url_expr=call.func,
                pieces=[],
                endpoint_uses=[EndpointUse(Piece("/v1/streaming.new"), match)],
                client="wrapper",
                method="POST",
            )
            self._foreign[id(call)] = site
        return site

    def client_of(self, site: RequestSite) -> str:
        """``requests``, ``httpx``, ``aiohttp``, ``urllib``, ``wrapper`` (a function of this
        module or an unknown helper that builds the request itself) or ``client`` (a method of
        an HTTP client object whose library the receiver's name does not tell)."""
        if site.client != "wrapper":
            return site.client
        func = site.node.func
        if isinstance(func, cst.Attribute):
            # ``client.post(...)`` on a visible ``httpx.AsyncClient()``: the library's method,
            # even where the module defines a ``post`` of its own (a handler's ``async def post``).
            library = self.library_of(func.value, site.call.context)
            if library is not None:
                return library
        callee = _callee_name(site.node)
        if callee is not None and self.functions_named(callee):
            return "wrapper"
        if isinstance(func, cst.Name):
            bound = self._partial_library(func, site.call.context)
            if bound is not None:
                return bound
        if self._imported_module_wrapper(func):
            return "wrapper"
        if isinstance(func, cst.Attribute):
            parent = self.index.parent_of(site.node)
            if isinstance(parent, cst.WithItem):
                with_statement = site.call.context.statement
                if isinstance(with_statement, cst.With) and with_statement.asynchronous:
                    return "aiohttp"  # ``async with session.post(...) as resp``
            keywords = {arg.keyword.value for arg in site.node.args if arg.keyword is not None}
            if keywords & _CLIENT_KEYWORDS:
                return "client"
        return "wrapper"

    def _imported_module_wrapper(self, func: cst.BaseExpression) -> bool:
        """``api.request("POST", SESSION_NEW, json=body)`` after ``from . import api``: the
        project's request wrapper ``request`` reached through its imported module, not a
        client object's method (whose ``json=`` keyword would make it one), so it returns
        what the wrapper returns, not a response object."""
        if not (
            isinstance(func, cst.Attribute)
            and type(func.value) is cst.Name
            and func.attr.value in self.module_wrappers
        ):
            return False
        receiver = func.value.value
        return (
            receiver in self.index.imports
            and receiver not in self.index.module_scope.assignments
            and self.index.imports[receiver].split(".")[0].lstrip(".") not in _HTTP_LIBRARIES
        )

    def bound_values(self, expr: cst.BaseExpression, context: Context) -> list[cst.BaseExpression]:
        """The values assigned to a name or a ``self`` attribute (empty for anything else)."""
        if isinstance(expr, cst.Name):
            return self._values_of(expr.value, context.scope)
        if (
            isinstance(expr, cst.Attribute)
            and isinstance(expr.value, cst.Name)
            and expr.value.value == "self"
        ):
            return self.index.lookup_self_attribute(context.class_def, expr.attr.value)
        return []

    def value_context(self, value: cst.CSTNode, fallback: Context) -> Context:
        """Where an assigned value sits (for classifying it in its own scope)."""
        return self._context_of(value, fallback)

    def _partial_library(self, name: cst.Name, context: Context) -> str | None:
        """``post = functools.partial(requests.post, headers=..., timeout=...)`` (or of a
        client object's method): calls of ``post`` are calls of the library function, with
        some keywords bound."""
        for value in self._values_of(name.value, context.scope):
            if not isinstance(value, cst.Call) or not value.args:
                return None
            partial = self.index.qualified_name(dotted_name(value.func)) or ""
            if partial not in ("functools.partial", "partial"):
                return None
            function = value.args[0].value
            if isinstance(function, cst.Attribute):
                # ``functools.partial(_http.post, timeout=15)`` on a visible client object
                library = self.library_of(function.value, self.value_context(value, context))
                if library is not None:
                    return library
            bound = self.index.qualified_name(dotted_name(function)) or ""
            root = bound.split(".")[0]
            return root if root in ("requests", "httpx", "aiohttp") else None
        return None

    def library_of(self, receiver: cst.BaseExpression, context: Context) -> str | None:
        """The HTTP library whose client object ``receiver`` names, when its creation is visible."""
        for value in self.bound_values(receiver, context):
            if isinstance(value, cst.Await):
                value = value.expression
            if isinstance(value, cst.Call):
                root = self._client_library(value)
                if root is not None:
                    return root
                # ``with heygen_client() as client``: a module function building the client.
                callee = _callee_name(value)
                for function in self.functions_named(callee) if callee else []:
                    for returned, _context in self.returns_of(function):
                        if isinstance(returned, cst.Call):
                            root = self._client_library(returned)
                            if root is not None:
                                return root
        return None

    def _client_library(self, call: cst.Call) -> str | None:
        qualified = self.index.qualified_name(dotted_name(call.func)) or ""
        root = qualified.split(".")[0]
        return root if root in ("requests", "httpx", "aiohttp") else None

    def kind_of_request(self, site: RequestSite) -> str:
        if self._json_client_call(site):
            return DATA
        client = self.client_of(site)
        if client == "urllib":
            qualified = self.index.qualified_name(site.call.name) or ""
            return OBJECT if qualified.split(".")[-1] == "urlopen" else REQUEST
        if client != "wrapper":
            return OBJECT
        callee = _callee_name(site.node)
        functions = self.functions_named(callee) if callee else []
        kinds = {
            _shape_of_return(value, self.index, context)
            for function in functions
            for value, context in self.returns_of(function)
        }
        kinds.discard(UNKNOWN)
        if len(kinds) == 1:
            return kinds.pop()
        return UNKNOWN

    def _json_client_call(self, site: RequestSite) -> bool:
        """``http.post(...)`` where ``http = HeyGenHTTP(...)``, a client class (here or in
        another module) whose ``request()`` (or this very method) returns parsed JSON: the
        call gives the JSON, not a response object."""
        return self._json_client_method(site) is not None

    def _json_client_method(self, site: RequestSite) -> tuple[str, str] | None:
        """(class, method) of the JSON client method ``site`` calls, if it calls one (the
        method found in the project facts; ``(class, "")`` for one read in this module)."""
        func = site.node.func
        if site.client != "wrapper" or not isinstance(func, cst.Attribute):
            return None
        method = func.attr.value
        for name in self._receiver_classes(func.value, site.call.context):
            for key in ((name, method), (name, "request")):
                if key in self.json_clients:
                    return key
            if self._local_json_client(name, method):
                return name, ""
        return self._mixin_json_method(site, method)

    def _mixin_json_method(self, site: RequestSite, method: str) -> tuple[str, str] | None:
        """``self._request(...)`` in a mixin that neither defines nor inherits ``_request``: the
        one class of the project whose ``_request`` returns JSON (the mixin SDK's transport,
        composed with it in another module: ``class Client(SessionMixin, BaseMixin)``)."""
        func = site.node.func
        assert isinstance(func, cst.Attribute)
        class_def = site.call.context.class_def
        if not (
            isinstance(func.value, cst.Name)
            and func.value.value == "self"
            and method.startswith("_")
            and class_def is not None
            and not class_def.bases
            and not self.functions_named(method)
        ):
            return None
        owners = [key for key in self.json_clients if key[1] == method]
        return owners[0] if len(owners) == 1 else None

    def _receiver_classes(self, receiver: cst.BaseExpression, context: Context) -> list[str]:
        """Classes the receiver of a call is built from (``http = HeyGenHTTP(...)``) or, where
        only a parameter is bound to it, annotated as (``self._t = transport`` with
        ``transport: _Transport``, in an SDK whose client hands its transport around)."""
        found: list[str] = []
        if isinstance(receiver, cst.Name) and receiver.value == "self":
            # ``self._post(...)`` in a subclass of a client class (of another module): the
            # method it inherits (``class HeyGenStreaming(AsyncHTTPService)``).
            return inherited_classes(context.class_def)
        values = self.bound_values(receiver, context)
        if not values and isinstance(receiver, cst.Name):
            values = [receiver]  # the parameter itself: ``transport.request(...)``
        # ``self.http = http or EnvelopeClient()``: the injected client or the default one
        values = [side for value in values for side in _alternatives(value)]
        for value in values:
            if isinstance(value, cst.Call):
                name = _callee_name(value)
            elif isinstance(value, cst.Name):
                function = self._context_of(value, context).function
                name = parameter_class(function, value.value)
            else:
                name = None
            if name is not None:
                found.append(name)
        return found

    def _local_json_client(self, name: str, method: str) -> bool:
        """The module's own class ``name``: does its ``request`` or ``method`` return JSON?"""
        for scope in self.index.class_scopes.values():
            class_def = scope.node
            if not isinstance(class_def, cst.ClassDef) or class_def.name.value != name:
                continue
            if not isinstance(class_def.body, cst.IndentedBlock):
                continue
            methods = {
                statement.name.value: statement
                for statement in class_def.body.body
                if isinstance(statement, cst.FunctionDef)
                and statement.name.value in _CLIENT_METHODS
            }
            json_methods = {m for m, function in methods.items() if self._returns_json(function)}
            if not class_def.bases and json_methods != set(methods):
                # A transport class of its own is a client only through the methods it
                # defines: one returning a response object would make ``request`` ambiguous.
                continue
            if {"request", method} & json_methods:
                return True
            if method in self._json_partial_methods(class_def):
                return True
        return False

    def _json_partial_methods(self, class_def: cst.ClassDef) -> set[str]:
        """``_post = partialmethod(_request, "POST")`` in ``class_def``, ``_request`` returning
        parsed JSON: the aliases whose calls give JSON."""
        return {
            partial.alias
            for partial in partial_methods(self.index, class_def)
            if self._returns_json(partial.target)
        }

    def _returns_json(self, function: cst.FunctionDef) -> bool:
        returns = self.returns_of(function)
        return bool(returns) and all(self._is_json_value(v, c) for v, c in returns)

    # Uses ------------------------------------------------------------------------------
    def parse_sites(self, request: RequestSite) -> list[ParseSite]:
        """Expressions that parse ``request``'s response, in source order."""
        sites: list[ParseSite] = []
        kind = self.kind_of_request(request)
        if kind in (DATA, UNKNOWN):
            # A partial a thread runner runs gives its response where the runner returns.
            runner = response_call(self.index, request.node)
            node = result_expression(self.index, runner)
            context = self.index.context_of(runner) or request.call.context
            # A wrapper of unknown shape counts as returning JSON only when its result is
            # indexed like JSON somewhere (``remember_session`` rejects a response object).
            if kind == DATA or (
                not self._has_json_parse(request)
                and (self.has_data_reads(request) or self._wrapper_returns_json(request))
                and not self._wrapper_returns_model(request)  # its ``.data``: below
            ):
                rewrap = self._wrapper_rewrap(request)
                sites.append(
                    ParseSite(request, node, context, self._is_bound(node), None, rewrap=rewrap)
                )
                return sites
        for call in self.index.calls:
            receiver = parse_receiver(call.node, self.index)
            if receiver is None:
                receiver = self.checked_by_helper(call.node, call.context)
            if receiver is None:
                continue
            origin = self.classify(receiver, call.context)
            if origin is None or origin.request is not request:
                continue
            if origin.kind not in (OBJECT, UNKNOWN):
                continue
            wrapped: cst.BaseExpression = call.node
            parent = self.index.parent_of(call.node)
            if isinstance(parent, cst.Await):
                wrapped = parent
            sites.append(
                ParseSite(request, wrapped, call.context, self._is_bound(wrapped), origin.handle)
            )
        raw = [*self._raw_validation_sites(request), *self._object_hook_sites(request)]
        if raw:
            sites.extend(raw)
            sites.sort(key=lambda site: self.position(site.node))
        if not sites:
            sites.extend(self._model_data_sites(request))
        return sites

    def _raw_validation_sites(self, request: RequestSite) -> list[ParseSite]:
        """``Envelope[Session].model_validate_json(resp.content)``: the model is validated from
        the response body itself, which is where the response is parsed. Only the token
        response's (formerly ``streaming.new``): H2L101 gives the validation its mapping
        spelling when it wraps the body; nothing else would."""
        sites: list[ParseSite] = []
        if request.endpoint is None or request.endpoint.key != "new":
            return sites
        for call in self.index.calls:
            validation = validation_of(call.node)
            if validation is None or not validation.raw:
                continue
            receiver = body_owner(validation.source)
            if receiver is None or parsed_body(validation.source) is None:
                continue  # urllib's ``resp.read()`` has no ``json()``: the request is marked
            origin = self.classify(receiver, call.context)
            if origin is None or origin.request is not request or origin.kind != OBJECT:
                continue
            wrapped: cst.BaseExpression = call.node
            parent = self.index.parent_of(wrapped)
            if isinstance(parent, cst.Await):
                wrapped = parent
            bound = self._is_bound(wrapped)
            sites.append(
                ParseSite(
                    request, validation.source, call.context, bound, origin.handle, validation
                )
            )
        return sites

    def _object_hook_sites(self, request: RequestSite) -> list[ParseSite]:
        """``json.loads(resp.text, object_hook=SimpleNamespace)`` of the token response
        (formerly ``streaming.new``): H2L101 starts the session from the hook-less parse and
        hands the result back to the hook; nothing else reads objects, so only that response."""
        sites: list[ParseSite] = []
        if request.endpoint is None or request.endpoint.key != "new":
            return sites
        for call in self.index.calls:
            receiver = hooked_parse_receiver(call.node, self.index)
            if receiver is None:
                continue
            origin = self.classify(receiver, call.context)
            if origin is None or origin.request is not request or origin.kind != OBJECT:
                continue
            bound = self._is_bound(call.node)
            sites.append(
                ParseSite(request, call.node, call.context, bound, origin.handle, object_hook=True)
            )
        return sites

    def _model_data_sites(self, request: RequestSite) -> list[ParseSite]:
        """``envelope = _unwrap(resp)`` (a helper returning a model of the JSON) read once as
        ``envelope.data``: that attribute is where the token response's data is parsed. Also
        ``envelope = self._post(...)``, the request itself, when its wrapper returns such a
        model (``return Envelope.model_validate(resp.json())``, or a name bound to one)."""
        if self._wrapper_returns_model(request):
            return self._data_attribute_site(request, request.node, request.call.context)
        for call in self.index.calls:
            modelled = self.modelled_by_helper(call.node)
            if modelled is None:
                continue
            origin = self.classify(modelled[0], call.context)
            if origin is None or origin.request is not request or origin.kind == MODEL:
                continue
            return self._data_attribute_site(request, call.node, call.context)
        return []

    def _data_attribute_site(
        self, request: RequestSite, node: cst.CSTNode, context: Context
    ) -> list[ParseSite]:
        """``envelope = <node>`` read once, as ``envelope.data``: that attribute."""
        parent = self.index.parent_of(node)
        if isinstance(parent, cst.Await):
            node, parent = parent, self.index.parent_of(parent)
        if not (
            isinstance(parent, cst.Assign)
            and len(parent.targets) == 1
            and isinstance(parent.targets[0].target, cst.Name)
        ):
            return []
        name = parent.targets[0].target.value
        root = context.function or self.index.module
        reads = binding_reads(self.index, root, parent, name).every
        data = [self.index.parent_of(r) for r in reads]
        if len(reads) != 1 or not (
            isinstance(data[0], cst.Attribute) and data[0].attr.value == "data"
        ):
            return []  # read more than once, or as a whole: not one place to start it
        attribute = data[0]
        assert isinstance(attribute, cst.Attribute)
        return [ParseSite(request, attribute, context, True, None)]

    def _wrapper_returns_model(self, request: RequestSite) -> bool:
        """The module's wrapper ``request`` calls returns a model built from the response's
        JSON on every path (``return envelope`` after ``envelope =
        Envelope.model_validate(self._http.post(path, json=body).json())``)."""
        returns = self._wrapper_returns(request)
        if not returns:
            return False
        for value, context in returns:
            values = [value]
            if isinstance(value, cst.Name):
                values = self._values_of(value.value, context.scope)
            if not values:
                return False
            for candidate in values:
                built = self._model_of_json(candidate, context)
                if built is None or not self._plain_data_field(built):
                    return False
        return True

    def _plain_data_field(self, built: cst.Call) -> bool:
        """The model ``built`` makes keeps ``data`` as the JSON it was (``data: Any``,
        ``Optional[dict]``), not a nested model; a class of another module is trusted (its
        callers read ``.data`` as the session's mapping)."""
        name = (dotted_name(built.func) or "").split(".")[0]
        for statement in self.index.module.body:
            if not isinstance(statement, cst.ClassDef) or statement.name.value != name:
                continue
            body = statement.body.body if isinstance(statement.body, cst.IndentedBlock) else ()
            for line in body:
                item = line.body[0] if isinstance(line, cst.SimpleStatementLine) else None
                if (
                    isinstance(item, cst.AnnAssign)
                    and isinstance(item.target, cst.Name)
                    and item.target.value == "data"
                ):
                    names = {
                        node.value
                        for node in walk_nodes(item.annotation)
                        if isinstance(node, cst.Name)
                    }
                    return names <= _PLAIN_DATA_ANNOTATIONS
            return False  # no ``data`` field it can read
        return True

    def checked_by_helper(self, call: cst.Call, context: Context) -> cst.BaseExpression | None:
        """``_check(resp, "what")``: a module helper that parses the response it is given and
        returns the JSON (after its own checks). Its first argument is the response parsed."""
        functions = self.functions_called(call)
        if not functions and self.imports_json_helper(call):
            return call.args[0].value
        if len(functions) != 1 or not call.args or call.args[0].keyword is not None:
            return None
        returns = self.returns_of(functions[0])
        if not returns or not all(self._is_json_value(v, c) for v, c in returns):
            return None
        return call.args[0].value

    def imports_json_helper(self, call: cst.Call) -> bool:
        """``check(resp)`` with ``check`` imported from a project module where it returns
        ``resp.json()`` on every path (``ProjectFacts.json_helpers``)."""
        return imports_json_helper(self.index, self.json_helpers, call)

    def enveloped_by_helper(self, call: cst.Call) -> cst.BaseExpression | None:
        """``_data(resp.json())``: a module helper given parsed JSON whose every return is
        its first parameter's ``data`` (``return body["data"]``, after its own checks). Its
        first argument is the envelope."""
        callee = _callee_name(call)
        functions = self.functions_named(callee) if callee else []
        if len(functions) != 1 or not call.args or call.args[0].keyword or call.args[0].star:
            return None
        params = functions[0].params.params
        if not params or params[0].name.value in ("self", "cls"):
            return None
        returns = self.returns_of(functions[0])
        for value, _context in returns:
            keyed = data_key_of(without_empty_fallback(value))
            if (
                keyed is None
                or keyed[1] != "data"
                or not isinstance(keyed[0], cst.Name)
                or keyed[0].value != params[0].name.value
            ):
                return None
        return call.args[0].value if returns else None

    def modelled_by_helper(self, call: cst.Call) -> tuple[cst.BaseExpression, cst.Call] | None:
        """``_unwrap(resp)``: a module helper that checks the response it is given and returns
        a model built from its JSON (``return Envelope.model_validate(resp.json())``, or
        ``Envelope(**resp.json())``): the response, and the model construction it returns."""
        callee = _callee_name(call)
        functions = self.functions_named(callee) if callee else []
        if len(functions) != 1 or not call.args or call.args[0].keyword is not None:
            return None
        returns = self.returns_of(functions[0])
        built = [self._model_of_json(value, context) for value, context in returns]
        if not built or any(b is None for b in built):
            return None
        return call.args[0].value, built[0]  # type: ignore[return-value]

    def _model_of_json(self, value: cst.BaseExpression, context: Context) -> cst.Call | None:
        if not isinstance(value, cst.Call) or len(value.args) != 1:
            return None
        arg = value.args[0]
        parts = (dotted_name(value.func) or "").split(".")
        if len(parts) == 2 and parts[1] in MODEL_VALIDATORS and not arg.star and not arg.keyword:
            return value if self._is_json_value(arg.value, context) else None
        if len(parts) == 1 and parts[0][:1].isupper() and arg.star == "**":
            return value if self._is_json_value(arg.value, context) else None
        return None

    def _wrapper_returns(self, request: RequestSite) -> list[tuple[cst.BaseExpression, Context]]:
        """The return values of the module's one wrapper ``request`` calls (none: not one)."""
        callee = _callee_name(request.node)
        functions = self.functions_named(callee) if callee else []
        return self.returns_of(functions[0]) if len(functions) == 1 else []

    def _wrapper_rewrap(self, request: RequestSite) -> str | None:
        """The name of the dict read by attribute every return of the module's wrapper builds
        (``return AttrDict(r.json())``), when there is one name."""
        values: list[cst.BaseExpression] = []
        for value, context in self._wrapper_returns(request):
            bound = self._values_of(value.value, context.scope) if type(value) is cst.Name else []
            values.extend(bound or [value])  # ``res = AttrDict(r.json())`` ... ``return res``
        names = {
            dotted_name(value.func)
            if isinstance(value, cst.Call) and attribute_dict_call(self.index, value) is not None
            else None
            for value in values
        }
        name = names.pop() if len(names) == 1 else None
        return name if name is not None and "." not in name else None

    def wrapper_returns_data_part(self, request: RequestSite) -> bool:
        """Does the module's wrapper that ``request`` calls return the envelope's ``data``
        (``return r.json().get("data")``, ``return body["data"]``) on every path? Or the
        method of a JSON client class of another module (an SDK transport), by the facts?"""
        client = self._json_client_method(request)
        if client is not None and client in self.data_clients:
            return True
        return self._all_data_parts(self._wrapper_returns(request))

    def helper_returns_data_part(self, call: cst.Call) -> bool:
        """Does the module helper ``call`` calls (``_check(resp)``) return the envelope's
        ``data`` on every path (``return body["data"]``)?"""
        callee = _callee_name(call)
        functions = self.functions_named(callee) if callee else []
        return len(functions) == 1 and self._all_data_parts(self.returns_of(functions[0]))

    def _all_data_parts(self, returns: list[tuple[cst.BaseExpression, Context]]) -> bool:
        """Every return value is the envelope's ``data`` (:func:`_all_data_parts`), also as
        the ``data`` of an envelope model validated from the body (``envelope.data``)."""
        return bool(returns) and all(
            _all_data_parts([(value, context)]) or self._enveloped_data(value, context)
            for value, context in returns
        )

    def _enveloped_data(self, value: cst.BaseExpression, context: Context, depth: int = 0) -> bool:
        """``envelope.data`` with ``envelope = Envelope[dict].model_validate(await
        resp.json())``: a generic envelope model whose ``data`` is a plain mapping, validated
        from the parsed body, holds the body's ``data`` part as the dict it was."""
        value = without_empty_fallback(value)
        if type(value) is not cst.Attribute or value.attr.value != "data":
            return False
        owner = value.value
        owners = [owner]
        if type(owner) is cst.Name:
            owners = self._values_of(owner.value, context.scope)
        if not owners:
            return False
        for candidate in owners:
            validation = validation_of(candidate) if type(candidate) is cst.Call else None
            if validation is None or not _mapping_type_argument(validation.model):
                return False
            if validation.raw:
                if body_owner(validation.source) is None:
                    return False
            elif not self._is_json_value(validation.source, context, depth + 1):
                return False
        return True

    def _wrapper_returns_json(self, request: RequestSite) -> bool:
        """Does the module's wrapper that ``request`` calls return parsed JSON on every path?

        ``return resp.json()``, ``return body.get("data")`` with ``body = resp.json()``,
        ``return json.loads(raw)``: the wrapper's own code says what callers get.
        """
        returns = self._wrapper_returns(request)
        return bool(returns) and all(
            self._is_json_value(value, context) for value, context in returns
        )

    def _is_json_value(self, value: cst.BaseExpression, context: Context, depth: int = 0) -> bool:
        if depth > 4:
            return False
        if self._enveloped_data(value, context, depth):
            return True
        keyed = data_key_of(value)
        if keyed is not None:
            return self._is_json_value(keyed[0], context, depth + 1)
        if isinstance(value, cst.Await):
            return self._is_json_value(value.expression, context, depth + 1)
        if (
            isinstance(value, cst.BooleanOperation)
            and isinstance(value.operator, cst.Or)
            and isinstance(value.right, (cst.Dict, cst.List))
            and not value.right.elements
        ):
            # ``body.get("data") or {}``: the JSON part, or an empty stand-in for a null one
            return self._is_json_value(value.left, context, depth + 1)
        if isinstance(value, cst.Call):
            wrapped = attribute_dict_call(self.index, value)
            if wrapped is not None:
                # ``return AttrDict(r.json())``: the parsed JSON, read by attribute too.
                return self._is_json_value(wrapped, context, depth + 1)
            name = dotted_name(value.func) or ""
            method = self._own_method(value, context)
            if method is not None:
                # ``return self._decode(resp)``: what the class's own helper returns
                returns = self.returns_of(method)
                return bool(returns) and all(
                    self._is_json_value(v, c, depth + 1) for v, c in returns
                )
            return (
                name in _JSON_LOADERS
                or name in _JSON_FILE_LOADERS
                or (
                    isinstance(value.func, cst.Attribute)
                    and value.func.attr.value == "json"
                    and plain_json_options(value)
                )
            )
        if isinstance(value, cst.Name):
            values = self._values_of(value.value, context.scope)
            return bool(values) and all(self._is_json_value(v, context, depth + 1) for v in values)
        return False

    @staticmethod
    def _own_method(call: cst.Call, context: Context) -> cst.FunctionDef | None:
        """The method of the enclosing class that ``self.<name>(...)`` calls (defined in that
        class's own body)."""
        func = call.func
        class_def = context.class_def
        if not (
            isinstance(func, cst.Attribute)
            and isinstance(func.value, cst.Name)
            and func.value.value == "self"
            and class_def is not None
            and isinstance(class_def.body, cst.IndentedBlock)
        ):
            return None
        for statement in class_def.body.body:
            if isinstance(statement, cst.FunctionDef) and statement.name.value == func.attr.value:
                return statement
        return None

    def _has_json_parse(self, request: RequestSite) -> bool:
        for call in self.index.calls:
            receiver = parse_receiver(call.node, self.index)
            if receiver is None:
                continue
            origin = self.classify(receiver, call.context)
            if origin is not None and origin.request is request:
                return True
        return False

    def has_data_reads(self, request: RequestSite) -> bool:
        for subscript in self.index.subscripts:
            origin = self.classify(subscript.node.value, subscript.context)
            if origin is not None and origin.request is request:
                return True
        for call in self.index.calls:
            keyed = data_key_of(call.node)
            if keyed is None:
                continue
            origin = self.classify(keyed[0], call.context)
            if origin is not None and origin.request is request:
                return True
        return False

    def _is_bound(self, node: cst.BaseExpression) -> bool:
        """Is the value (through ``["data"]``/``.get("data")``) assigned or returned?"""
        current: cst.CSTNode = node
        while True:
            parent = self.index.parent_of(current)
            if parent is None:
                return False
            if isinstance(parent, (cst.Subscript, cst.SubscriptElement, cst.Index)):
                current = parent
                continue
            if isinstance(parent, cst.Attribute) and parent.attr.value == "get":
                current = parent
                continue
            if isinstance(parent, cst.Call) and isinstance(current, cst.Attribute):
                current = parent
                continue
            if (isinstance(parent, cst.DictElement) and parent.value is current) or isinstance(
                parent, (cst.Dict, cst.Element, cst.List, cst.Tuple)
            ):
                current = parent  # ``viewer = {"url": resp.json()["data"]["url"], ...}``
                continue
            if isinstance(parent, (cst.Assign, cst.AnnAssign, cst.Return)):
                return True
            if isinstance(parent, cst.AssignTarget):
                return False
            return False

    def field_reads(self, keys: frozenset[str] | set[str]) -> list[FieldRead]:
        """Reads of ``keys`` from the JSON of any tracked response, in source order."""
        reads: list[FieldRead] = []
        for subscript in self.index.subscripts:
            if subscript.key not in keys:
                continue
            self._add_read(reads, subscript.node, subscript.context)
        for call in self.index.calls:
            node = call.node
            if not (isinstance(node.func, cst.Attribute) and node.func.attr.value == "get"):
                continue
            if not node.args or string_value(node.args[0].value) not in keys:
                continue
            self._add_read(reads, node, call.context)
        if self._path_reads is None:
            self._path_reads = path_reads(self.index)
        for path in self._path_reads:
            *envelope, key = path.segments
            if key not in keys or any(part != "data" for part in envelope):
                continue
            if path.literal.value.count(key) != 1:
                continue  # the literal edit renames the key's one occurrence
            origin = self.classify(path.target, path.call.context)
            if origin is None or origin.kind not in (DATA, UNKNOWN):
                continue
            read = FieldRead(
                path.call.node, key, path.literal, path.target, origin, path.call.context, True
            )
            reads.append(read)
        reads.sort(key=lambda read: self.position(read.node))
        return reads

    def _add_read(self, reads: list[FieldRead], node: cst.BaseExpression, context: Context) -> None:
        keyed = data_key_of(node)
        if keyed is None:
            return
        base, key, key_node = keyed
        origin = self.classify(base, context)
        if origin is None or origin.kind not in (DATA, UNKNOWN):
            return
        reads.append(FieldRead(node, key, key_node, base, origin, context))


def _all_data_parts(returns: list[tuple[cst.BaseExpression, Context]]) -> bool:
    """Every return value is ``<json>["data"]`` (or ``.get("data")``, either with an empty
    ``or {}`` fallback for a null one), and there is one."""
    return bool(returns) and all(
        (keyed := data_key_of(without_empty_fallback(value))) is not None and keyed[1] == "data"
        for value, _context in returns
    )


_MAPPING_TYPES = frozenset({"dict", "Dict", "Mapping", "MutableMapping", "Any", "JSON", "JsonDict"})


_PLAIN_DATA_ANNOTATIONS = _MAPPING_TYPES | {"Optional", "Union", "None", "str", "object", "typing"}
"""Names an envelope model's ``data`` annotation may use and still hold the plain mapping."""


def _mapping_type_argument(model: cst.BaseExpression) -> bool:
    """``Envelope[dict]``, ``Envelope[dict[str, Any]]``, ``Envelope[typing.Any]``: a generic
    model whose one type argument keeps a JSON object as the dict it is."""
    if type(model) is not cst.Subscript or len(model.slice) != 1:
        return False
    element = model.slice[0].slice
    if type(element) is not cst.Index:
        return False
    argument = element.value
    if type(argument) is cst.Subscript:
        argument = argument.value
    name = dotted_name(argument)
    return name is not None and name.rsplit(".", 1)[-1] in _MAPPING_TYPES


def without_empty_fallback(expr: cst.BaseExpression) -> cst.BaseExpression:
    """``x`` for ``x or {}`` (``x or []``): the empty stand-in only replaces a null value."""
    if (
        isinstance(expr, cst.BooleanOperation)
        and isinstance(expr.operator, cst.Or)
        and isinstance(expr.right, (cst.Dict, cst.List))
        and not expr.right.elements
    ):
        return expr.left
    return expr


def _alternatives(value: cst.BaseExpression) -> list[cst.BaseExpression]:
    """``a or b`` (``http or EnvelopeClient()``): the values it may be, else ``value``."""
    if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
        return [*_alternatives(value.left), *_alternatives(value.right)]
    return [value]


_BUILTINS = frozenset(dir(builtins))


def _callee_name(call: cst.Call) -> str | None:
    func = call.func
    if isinstance(func, cst.Name):
        return func.value
    if isinstance(func, cst.Attribute):
        return func.attr.value
    return None


def plain_json_options(call: cst.Call) -> bool:
    """``resp.json()``, or with keyword options that still give the JSON's dicts (aiohttp's
    ``resp.json(content_type=None)``; not an ``object_hook``)."""
    return all(
        arg.keyword is not None and arg.keyword.value not in _OBJECT_HOOKS and not arg.star
        for arg in call.args
    )


def _raise_for_status_receiver(expr: cst.BaseExpression) -> cst.BaseExpression | None:
    """``resp`` of ``resp.raise_for_status()`` (no arguments), whose value is ``resp`` in
    httpx (the only client whose code chains on it: requests returns ``None``)."""
    if (
        type(expr) is cst.Call
        and not expr.args
        and type(expr.func) is cst.Attribute
        and expr.func.attr.value == "raise_for_status"
    ):
        return expr.func.value
    return None


def parse_receiver(expr: cst.BaseExpression, index: ModuleIndex) -> cst.BaseExpression | None:
    """``resp`` for ``resp.json()``, ``json.loads(resp.text)``, ``json.load(resp)`` and the like."""
    if not isinstance(expr, cst.Call):
        return None
    if any(a.keyword is not None and a.keyword.value in _OBJECT_HOOKS for a in expr.args):
        return None  # ``resp.json(object_hook=SimpleNamespace)``: objects, not the JSON dicts
    func = expr.func
    if isinstance(func, cst.Attribute) and func.attr.value == "json":
        return func.value
    name = dotted_name(func)
    qualified = index.qualified_name(name) or ""
    if not expr.args:
        return None
    argument = expr.args[0].value
    if qualified in _JSON_FILE_LOADERS or name in _JSON_FILE_LOADERS:
        return argument
    if not (qualified in _JSON_LOADERS or name in _JSON_LOADERS):
        return None
    return body_owner(argument)


def without_object_hooks(call: cst.Call) -> cst.Call:
    """``json.loads(x, object_hook=h)`` -> ``json.loads(x)``: the plain JSON dicts."""
    args = [a for a in call.args if a.keyword is None or a.keyword.value not in _OBJECT_HOOKS]
    if args:
        args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return call.with_changes(args=args)


def object_hook_args(call: cst.Call) -> list[cst.Arg]:
    """The ``object_hook=`` / ``object_pairs_hook=`` arguments of a JSON parse."""
    return [a for a in call.args if a.keyword is not None and a.keyword.value in _OBJECT_HOOKS]


def hooked_parse_receiver(
    expr: cst.BaseExpression, index: ModuleIndex
) -> cst.BaseExpression | None:
    """``resp`` for ``json.loads(resp.text, object_hook=h)`` or ``resp.json(object_hook=h)``:
    a parse into objects (:func:`parse_receiver` skips it)."""
    if not isinstance(expr, cst.Call) or not object_hook_args(expr):
        return None
    if any(a.star for a in expr.args):
        return None
    return parse_receiver(without_object_hooks(expr), index)


def parsed_response_name(node: cst.BaseExpression) -> cst.Name | None:
    """``resp`` in ``resp.json()``, ``await resp.json()``, ``json.loads(resp.text)`` (a name).

    Unlike :func:`parse_receiver`, only the two common spellings and only a plain name: the
    caller writes ``resp.url`` next to it.
    """
    inner = node.expression if isinstance(node, cst.Await) else node
    if not isinstance(inner, cst.Call):
        return None
    func = inner.func
    if isinstance(func, cst.Attribute) and func.attr.value == "json" and plain_json_options(inner):
        target = func.value
    elif inner.args and dotted_name(func) in ("json.loads", "loads"):
        target = inner.args[0].value
        if isinstance(target, cst.Call):
            target = target.func
        if isinstance(target, cst.Attribute):
            target = target.value
    else:
        return None
    return target if isinstance(target, cst.Name) else None


def _shape_of_return(
    value: cst.BaseExpression, index: ModuleIndex, context: Context | None = None
) -> str:
    """What a wrapper returns, judged from its ``return`` expression (and, for ``return r``,
    from the one value its function assigned to ``r``; ``... or {}`` is what it falls back on)."""
    current = root_name(without_empty_fallback(value))
    if isinstance(current, cst.Name) and context is not None and context.scope.is_function:
        assigned = context.scope.assignments.get(current.value, [])
        if len(assigned) == 1 and not isinstance(assigned[0], cst.Name):
            return _shape_of_return(assigned[0], index)  # ``r = httpx.request(...); return r``
    if parse_receiver(current, index) is not None:
        return DATA
    if isinstance(current, cst.Call):
        loader = dotted_name(current.func)
        if loader in _JSON_LOADERS or index.qualified_name(loader) in _JSON_LOADERS:
            return DATA  # ``text = await resp.text(); return json.loads(text)``
        name = (dotted_name(current.func) or "").split(".")[-1].lower().lstrip("_")
        if name in ("post", "get", "request", "put", "patch", "delete"):
            return OBJECT
    return UNKNOWN


def indexed_like_json(index: ModuleIndex, node: cst.BaseExpression) -> bool:
    """The value of ``node`` is read like parsed JSON, by a string key (``node["data"]``,
    ``node.get("data", {})``), or so is the name it is assigned to in its function (``out =
    node`` ... ``out.get("data")``): what a call the tracker does not follow returns (a
    dispatch helper defined in another module, called on an object handed in)."""
    parent = index.parent_of(node)
    keyed = data_key_of(parent) if isinstance(parent, cst.Subscript) else None
    if keyed is None and isinstance(parent, cst.Attribute) and parent.attr.value == "get":
        call = index.parent_of(parent)
        keyed = data_key_of(call) if isinstance(call, cst.Call) else None
    if keyed is not None and keyed[0] is node:
        return True
    if not (
        isinstance(parent, cst.Assign)
        and len(parent.targets) == 1
        and isinstance(target := parent.targets[0].target, cst.Name)
    ):
        return False
    statement = index.statement_of(parent)
    context = index.context_of(statement) if statement is not None else None
    if context is None:
        return False
    function = context.function
    for site in index.subscripts:
        value = site.node.value
        if (
            site.context.function is function
            and isinstance(value, cst.Name)
            and value.value == target.value
            and data_key_of(site.node) is not None
        ):
            return True
    for call_site in index.calls:
        read = data_key_of(call_site.node) if call_site.context.function is function else None
        if read is not None and isinstance(read[0], cst.Name) and read[0].value == target.value:
            return True
    return False


def root_name(expr: cst.BaseExpression) -> cst.BaseExpression:
    """The innermost base of a chain of subscripts, ``.get`` calls, awaits and empty
    ``or {}`` fallbacks."""
    current = expr
    while True:
        if isinstance(current, cst.Await):
            current = current.expression
            continue
        if (left := without_empty_fallback(current)) is not current:
            current = left
            continue
        keyed = data_key_of(current)
        if keyed is not None:
            current = keyed[0]
            continue
        return current


def _is_attribute_name(parent: cst.CSTNode | None, node: cst.Name) -> bool:
    """``node`` is the ``attr`` of ``x.attr``: a name of an attribute, no read of a variable."""
    return isinstance(parent, cst.Attribute) and parent.attr is node
