"""Which header entries a request sends: auth headers wherever the code builds them.

Real code rarely writes ``headers={"x-api-key": KEY}`` at the call. It passes a module
constant, an attribute set in ``__init__``, a ``@property`` or a helper that returns a dict,
a merge (``{**self._headers(), "Authorization": ...}``, ``dict(base, ...)``, ``base | {...}``),
one of two dicts chosen at run time, a dict filled later (``headers["x-api-key"] = KEY``,
``headers.update({...})``), or nothing at all because the client carries default headers
(``httpx.AsyncClient(headers=...)``, ``aiohttp.ClientSession(headers=...)``,
``session.headers.update(...)``). :class:`HeaderSources` follows all of these statically,
from the request back to the entries, so a rule can change exactly the entries that serve a
given kind of request and leave the others alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import libcst as cst

from ..apispec.resources import HTTP_CLIENT_CONSTRUCTORS
from .http import HTTP_METHOD_NAMES, RequestSite, thread_run_callee
from .index import Context, ModuleIndex, StringSite, child_nodes, dotted_name

_MAX_DEPTH = 12
_COPIERS = frozenset({"copy.copy", "copy.deepcopy", "dict"})
_HTTP_METHODS = HTTP_METHOD_NAMES | {"request", "send"}  # a client's calls that send its defaults


@dataclass(frozen=True)
class HeaderEntry:
    """One header set in code: a dict entry or a ``headers["name"] = value`` assignment."""

    key: str
    key_node: cst.SimpleString | cst.Name
    value: cst.BaseExpression
    element: cst.DictElement | None = None
    """The entry, when the header is set in a dict literal ..."""
    dict_node: cst.Dict | None = None
    assignment: cst.Assign | None = None
    """... or the statement ``container["name"] = value`` ..."""
    keyword: cst.Arg | None = None
    """... or the keyword of ``container.update(Authorization=value)`` (``key_node`` its name)."""
    update_call: cst.Call | None = None


@dataclass
class _Container:
    """Where subscript assignments and ``.update()`` calls put their entries."""

    name: str
    owner: int
    """id of the function (or class for ``self.x``, module otherwise) the name belongs to."""


@dataclass
class _Sources:
    dicts: set[int] = field(default_factory=set)
    containers: set[tuple[str, int]] = field(default_factory=set)


class HeaderSources:
    """Header entries of one module, and which of them each request sends."""

    def __init__(self, index: ModuleIndex, names: frozenset[str]) -> None:
        """``names``: the lower-cased header names to track (``x-api-key``, ``authorization``)."""
        self.index = index
        self.entries: list[HeaderEntry] = []
        self._by_dict: dict[int, list[HeaderEntry]] = {}
        self._by_container: dict[tuple[str, int], list[HeaderEntry]] = {}
        for site in index.strings:
            if site.value.lower() in names and isinstance(site.node, cst.SimpleString):
                self._add(site)
        for call in index.calls:
            if (call.name or "").endswith(".update"):
                self._add_keywords(call.node, call.context, names)

    # Entries -----------------------------------------------------------------------------
    def _add(self, site: StringSite) -> None:
        node = site.node
        assert isinstance(node, cst.SimpleString)
        parent = self.index.parent_of(node)
        if isinstance(parent, cst.DictElement) and parent.key is node:
            holder = self.index.parent_of(parent)
            if not isinstance(holder, cst.Dict):
                return
            entry = HeaderEntry(site.value, node, parent.value, parent, holder)
            self.entries.append(entry)
            self._by_dict.setdefault(id(holder), []).append(entry)
            # ``headers.update({...})``: the dict's entries land in ``headers``.
            container = self._update_target(holder, site.context)
            if container is not None:
                self._by_container.setdefault(container, []).append(entry)
            return
        # ``container["name"] = value``
        index_node = parent
        element = self.index.parent_of(index_node) if index_node is not None else None
        subscript = self.index.parent_of(element) if element is not None else None
        target = self.index.parent_of(subscript) if subscript is not None else None
        statement = self.index.parent_of(target) if target is not None else None
        if (
            isinstance(index_node, cst.Index)
            and isinstance(subscript, cst.Subscript)
            and isinstance(target, cst.AssignTarget)
            and isinstance(statement, cst.Assign)
            and len(statement.targets) == 1
        ):
            name = dotted_name(subscript.value)
            if name is None:
                return
            entry = HeaderEntry(site.value, node, statement.value, assignment=statement)
            self.entries.append(entry)
            self._by_container.setdefault((name, self._owner(name, site.context)), []).append(entry)

    def _add_keywords(self, call: cst.Call, context: Context, names: frozenset[str]) -> None:
        """``session.headers.update(Authorization=f"Bearer {key}")``: keyword entries."""
        assert isinstance(call.func, cst.Attribute)
        name = dotted_name(call.func.value)
        if name is None:
            return
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value.lower() in names:
                entry = HeaderEntry(
                    arg.keyword.value, arg.keyword, arg.value, keyword=arg, update_call=call
                )
                self.entries.append(entry)
                self._by_container.setdefault((name, self._owner(name, context)), []).append(entry)

    def _update_target(self, holder: cst.Dict, context: Context) -> tuple[str, int] | None:
        arg = self.index.parent_of(holder)
        call = self.index.parent_of(arg) if isinstance(arg, cst.Arg) else None
        if (
            isinstance(call, cst.Call)
            and isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "update"
        ):
            name = dotted_name(call.func.value)
            if name is not None:
                return (name, self._owner(name, context))
        return None

    def _owner(self, name: str, context: Context) -> int:
        if name.startswith(("self.", "cls.")) and context.class_def is not None:
            return id(context.class_def)
        if context.function is not None:
            head = name.split(".")[0]
            scope = self.index.function_scopes.get(id(context.function))
            if scope is not None and head in scope.assignments:
                return id(context.function)
        return id(self.index.module)

    # Requests ----------------------------------------------------------------------------
    def entries_of(self, request: RequestSite) -> list[HeaderEntry]:
        """The tracked header entries ``request`` sends (explicitly or as client defaults)."""
        sources = _Sources()
        context = request.call.context
        if request.headers is not None:
            self._collect(request.headers.value, context, sources, 0)
        func = request.node.func
        if isinstance(func, cst.Attribute):
            receiver = dotted_name(func.value)
            if receiver is not None and receiver not in ("self", "cls"):
                self._client_defaults(receiver, context, sources)
                if "." not in receiver:
                    # ``c = client()`` then ``c.post(...)``
                    for value in self.index.lookup(receiver, context.scope):
                        if isinstance(value, cst.Call):
                            self._factory_defaults(value, context, sources)
            elif isinstance(func.value, cst.Call):
                # ``client().post(...)``: the client a module function makes or keeps
                self._factory_defaults(func.value, context, sources)
        if request.client == "wrapper":
            self._wrapper_headers(request, sources)
        found: list[HeaderEntry] = []
        for key in sources.dicts:
            found.extend(self._by_dict.get(key, []))
        for container in sources.containers:
            found.extend(self._by_container.get(container, []))
        unique: dict[int, HeaderEntry] = {id(e.key_node): e for e in found}
        return list(unique.values())

    def _collect(
        self, expr: cst.BaseExpression, context: Context, sources: _Sources, depth: int
    ) -> None:
        if depth > _MAX_DEPTH:
            return
        depth += 1
        if isinstance(expr, cst.Dict):
            if id(expr) in sources.dicts:
                return
            sources.dicts.add(id(expr))
            for element in expr.elements:
                if isinstance(element, cst.StarredDictElement):
                    self._collect(element.value, context, sources, depth)
        elif isinstance(expr, cst.Name):
            key = (expr.value, self._owner(expr.value, context))
            if key in sources.containers:
                return
            sources.containers.add(key)
            for value in self.index.lookup(expr.value, context.scope):
                self._collect_value(value, context, sources, depth)
        elif isinstance(expr, cst.Attribute):
            name = dotted_name(expr)
            if name is None or not name.startswith("self.") or name.count(".") != 1:
                return
            key = (name, self._owner(name, context))
            if key in sources.containers:
                return
            sources.containers.add(key)
            for value in self.index.lookup_self_attribute(context.class_def, expr.attr.value):
                self._collect_value(value, context, sources, depth)
        elif isinstance(expr, cst.Call):
            self._collect_call(expr, context, sources, depth)
        elif isinstance(expr, cst.Await):  # ``headers=await self._headers()``
            self._collect(expr.expression, context, sources, depth)
        elif isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.BitOr):
            self._collect(expr.left, context, sources, depth)
            self._collect(expr.right, context, sources, depth)
        elif isinstance(expr, cst.IfExp):
            self._collect(expr.body, context, sources, depth)
            self._collect(expr.orelse, context, sources, depth)
        elif isinstance(expr, cst.BooleanOperation):
            self._collect(expr.left, context, sources, depth)
            self._collect(expr.right, context, sources, depth)

    def _collect_value(
        self, value: cst.BaseExpression, context: Context, sources: _Sources, depth: int
    ) -> None:
        """A value a name was bound to: an expression, or a function (``@property``, method)."""
        function = self._function_named_by(value)
        if function is not None:
            self._collect_returns(function, sources, depth)
            return
        self._collect(value, self._context_of(value, context), sources, depth)

    def _collect_call(
        self, call: cst.Call, context: Context, sources: _Sources, depth: int
    ) -> None:
        name = dotted_name(call.func)
        qualified = self.index.qualified_name(name) or ""
        if qualified in _COPIERS or name in _COPIERS:
            for arg in call.args:
                self._collect(arg.value, context, sources, depth)
            return
        if isinstance(call.func, cst.Attribute) and call.func.attr.value == "copy":
            self._collect(call.func.value, context, sources, depth)
            return
        if name is None:
            return
        for function in self._functions_called(name, context):
            self._collect_returns(function, sources, depth)

    def _functions_called(self, name: str, context: Context) -> list[cst.FunctionDef]:
        """This module's functions (or methods of the caller's class) that ``name`` calls."""
        head, _, attr = name.rpartition(".")
        values: list[cst.BaseExpression] = []
        if head in ("self", "cls") and context.class_def is not None:
            class_scope = self.index.class_scopes.get(id(context.class_def))
            values = class_scope.assignments.get(attr, []) if class_scope is not None else []
        elif not head:
            values = self.index.lookup(attr, context.scope)
        found = [self._function_named_by(value) for value in values]
        return [function for function in found if function is not None]

    def _wrapper_headers(self, request: RequestSite, sources: _Sources) -> None:
        """``_post(URL_NEW, payload)``: a project wrapper whose own HTTP call sends the headers
        (``requests.post(url, json=payload, headers=_headers())`` inside it, or the default
        headers of the client it calls: ``self._http.post(path, ...)``)."""
        # ``asyncio.to_thread(self._post, URL_NEW, payload)``: the wrapper the runner calls.
        threaded = thread_run_callee(self.index, request.call.node)
        callee = threaded or request.call.name
        if not callee:
            return
        functions = {id(f) for f in self._functions_called(callee, request.call.context)}
        if not functions:
            return
        for site in self.index.calls:
            if site.context.function is None or id(site.context.function) not in functions:
                continue
            for arg in site.node.args:
                if arg.keyword is not None and arg.keyword.value == "headers":
                    # ``def _post(self, path, body, headers)``: the caller chooses the headers.
                    passed = (
                        None
                        if threaded
                        else _passed_for(request.call.node, site.context.function, arg.value)
                    )
                    if passed is not None:
                        self._collect(passed, request.call.context, sources, 0)
                    else:
                        self._collect(arg.value, site.context, sources, 0)
            func = site.node.func
            if isinstance(func, cst.Attribute) and func.attr.value in _HTTP_METHODS:
                receiver = dotted_name(func.value)
                if receiver is not None and receiver not in ("self", "cls"):
                    self._client_defaults(receiver, site.context, sources)

    def _collect_returns(self, function: cst.FunctionDef, sources: _Sources, depth: int) -> None:
        scope = self.index.function_scopes.get(id(function))
        for statement in _returns_of(function):
            context = self.index.context_of(self._statement_of(statement))
            if context is None or scope is None:
                continue
            assert statement.value is not None
            self._collect(statement.value, context, sources, depth)

    def _client_defaults(self, receiver: str, context: Context, sources: _Sources) -> None:
        """Default headers of the client object a request is made on."""
        owner = self._owner(receiver, context)
        sources.containers.add((f"{receiver}.headers", owner))
        for site in self.index.calls:
            qualified = self.index.qualified_name(site.name) or ""
            if qualified not in HTTP_CLIENT_CONSTRUCTORS:
                continue
            bound = self._bound_name(site.node)
            if bound != receiver or self._owner(bound, site.context) != owner:
                continue
            for arg in site.node.args:
                if arg.keyword is not None and arg.keyword.value == "headers":
                    self._collect(arg.value, site.context, sources, 0)
            # ``session = requests.Session(); session.headers.update(...)`` is covered by the
            # ``receiver.headers`` container above.

    def _factory_defaults(self, call: cst.Call, context: Context, sources: _Sources) -> None:
        """Default headers of the client a module function returns (``def client():`` whose
        ``return _client`` names a client it built, or ``return httpx.Client(...)``)."""
        name = dotted_name(call.func)
        if name is None or "." in name:
            return
        for function in self._functions_called(name, context):
            for statement in _returns_of(function):
                value = statement.value
                inner = self.index.context_of(self._statement_of(statement))
                if value is None or inner is None:
                    continue
                returned = dotted_name(value)
                if returned is not None and returned not in ("self", "cls"):
                    self._client_defaults(returned, inner, sources)
                elif (
                    isinstance(value, cst.Call)
                    and (self.index.qualified_name(dotted_name(value.func) or "") or "")
                    in HTTP_CLIENT_CONSTRUCTORS
                ):
                    for arg in value.args:
                        if arg.keyword is not None and arg.keyword.value == "headers":
                            self._collect(arg.value, inner, sources, 0)

    def _bound_name(self, call: cst.Call) -> str | None:
        """The name a client constructor is bound to (``x = ...`` or ``with ... as x``), also
        as the fallback of a client the caller may inject (``self.http = http or Client()``)."""
        parent = self.index.parent_of(call)
        while isinstance(parent, (cst.BooleanOperation, cst.IfExp)):
            parent = self.index.parent_of(parent)
        if isinstance(parent, cst.WithItem) and parent.asname is not None:
            return dotted_name(parent.asname.name)
        if isinstance(parent, (cst.Assign, cst.AnnAssign)):
            targets = (
                [t.target for t in parent.targets]
                if isinstance(parent, cst.Assign)
                else [parent.target]
            )
            if len(targets) == 1:
                return dotted_name(targets[0])
        return None

    # Helpers -----------------------------------------------------------------------------
    def _function_named_by(self, value: cst.CSTNode) -> cst.FunctionDef | None:
        parent = self.index.parent_of(value)
        if isinstance(parent, cst.FunctionDef) and parent.name is value:
            return parent
        return None

    def _statement_of(self, node: cst.CSTNode) -> cst.CSTNode:
        return self.index.statement_of(node) or node

    def _context_of(self, node: cst.CSTNode, fallback: Context) -> Context:
        return self.index.context_of(self._statement_of(node)) or fallback


def _returns_of(function: cst.FunctionDef) -> list[cst.Return]:
    """``return <value>`` statements of ``function`` itself (not of nested functions)."""
    found: list[cst.Return] = []
    stack: list[cst.CSTNode] = [function.body]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            continue
        if isinstance(node, cst.Return) and node.value is not None:
            found.append(node)
            continue
        if isinstance(node, cst.BaseExpression):
            continue  # returns live in statements only
        stack.extend(child_nodes(node))
    return found


def _passed_for(
    call: cst.Call, function: cst.FunctionDef, value: cst.BaseExpression
) -> cst.BaseExpression | None:
    """What ``call`` passes for the parameter of ``function`` that ``value`` names (a method
    called on its object binds ``self`` itself); ``None`` when ``value`` is no parameter."""
    if not isinstance(value, cst.Name):
        return None
    positional = list(function.params.posonly_params) + list(function.params.params)
    if (
        positional
        and positional[0].name.value in ("self", "cls")
        and isinstance(call.func, cst.Attribute)
    ):
        positional = positional[1:]
    names = [param.name.value for param in positional]
    keyword_only = {param.name.value for param in function.params.kwonly_params}
    if value.value not in names and value.value not in keyword_only:
        return None
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == value.value:
            return arg.value
    if value.value not in names:
        return None
    position = names.index(value.value)
    index = 0
    for arg in call.args:
        if arg.star:
            return None  # ``*args``: the position is not known here
        if arg.keyword is None:
            if index == position:
                return arg.value
            index += 1
    return None


def inherited_header_hooks(index: ModuleIndex, requests: list[RequestSite]) -> set[int]:
    """Methods (by ``id``) that build the headers of requests a base class of another module
    sends: ``def _auth_headers(self)`` overridden in a class whose streaming requests go
    through inherited helpers (``self._post(url, body)`` defined in ``voicekit/http.py``),
    never called here, named for headers or auth. The base class calls them when it sends."""
    inherited: dict[int, cst.ClassDef] = {}
    for request in requests:
        class_def = request.call.context.class_def
        func = request.node.func
        if (
            not request.is_streaming
            or class_def is None
            or not class_def.bases
            or not isinstance(func, cst.Attribute)
            or dotted_name(func.value) != "self"
        ):
            continue
        scope = index.class_scopes.get(id(class_def))
        if scope is not None and func.attr.value not in scope.assignments:
            inherited[id(class_def)] = class_def
    if not inherited:
        return set()
    called = {(call.name or "").rpartition(".")[2] for call in index.calls if call.name is not None}
    hooks: set[int] = set()
    for class_def in inherited.values():
        body = class_def.body.body if isinstance(class_def.body, cst.IndentedBlock) else ()
        for statement in body:
            if not isinstance(statement, cst.FunctionDef):
                continue
            name = statement.name.value
            lowered = name.lower()
            if name in called or not ("header" in lowered or "auth" in lowered):
                continue
            hooks.add(id(statement))
    return hooks
