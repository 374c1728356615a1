"""Recognition of HTTP requests to the HeyGen API, whatever client and URL style they use.

A call is a request site when one of its URL-like arguments resolves (through
:class:`ValueResolver`) to text containing a HeyGen streaming endpoint path or the
HeyGen host. That covers requests, httpx and aiohttp calls (module functions and client
objects, sync and async), ``urllib.request.Request``, and project wrappers such as
``self._request("/streaming.new", payload)``, without needing to know the receiver's type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import libcst as cst

from ..apispec import (
    HEYGEN_HOST,
    LIVEAVATAR_HOST,
    EndpointMatch,
    StreamingEndpoint,
    find_endpoints,
    find_split_endpoint,
)
from .endpoint_tables import looked_up_in_url, table_entry, table_of
from .helper_body_fields import helper_fields_body
from .http_mocks import registers_mock
from .index import (
    CallSite,
    Context,
    ModuleIndex,
    Scope,
    StringNode,
    dotted_name,
    string_value,
    walk_nodes,
)
from .keyed_clients import context_var_client_kind, keyed_client_kind, keyed_receiver
from .names import binding_reads
from .values import TEMPLATES, Piece, ValueResolver, join_text, url_builder
from .wrapper_params import (
    HEADERS,
    HTTP_CALLEE_NAMES,
    METHOD,
    URL,
    WrapperParameter,
    callee_definitions,
    definition_parameters,
    dispatched_method,
    helper_sends_http,
    local_assignments,
    table_of_role,
)

HTTP_METHOD_NAMES = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
URL_KEYWORDS = ("url", "path", "endpoint", "route", "uri", "str_or_url")
PAYLOAD_KEYWORDS = ("json", "data", "payload", "body", "content", "params")
URLLIB_REQUEST = frozenset({"urllib.request.Request", "request.Request", "Request"})


@dataclass
class EndpointUse:
    """A streaming endpoint path found in one literal piece of a URL."""

    piece: Piece
    match: EndpointMatch
    base: Piece | None = None
    """For a split match (``f"{STREAMING}.new"``): the piece ending in ``streaming``."""

    @property
    def node(self) -> StringNode | None:
        return self.piece.node

    @property
    def endpoint(self) -> StreamingEndpoint:
        return self.match.endpoint


@dataclass
class RequestSite:
    call: CallSite
    url_expr: cst.BaseExpression
    pieces: list[Piece]
    endpoint_uses: list[EndpointUse]
    client: str
    """``requests``, ``httpx``, ``aiohttp``, ``urllib`` or ``wrapper`` (unknown receiver)."""
    method: str | None
    payload: cst.Arg | None = None
    headers: cst.Arg | None = None
    host_pieces: list[Piece] = field(default_factory=list)
    keyword_body: bool = False
    """The body is the call's keyword arguments (a wrapper taking ``**body``): ``payload``
    is a dict built from them, not a node of the tree; edits go to the call."""
    wrapper_sends: bool = False
    """The callee is a project wrapper whose code sends a request to the URL it is given (read
    in this module, or in another by the project facts): ``heygen(path, body)`` sends, whatever
    its name says."""
    method_parameter: str | None = None
    """The keyword-capable parameter by which the project wrapper called takes its HTTP method
    (``def fetch(url, payload=None, method=None)``), when this call does not pass it: the
    wrapper then chooses the method itself (by the payload), and a call can still say one."""

    @property
    def endpoint(self) -> StreamingEndpoint | None:
        return self.endpoint_uses[0].endpoint if self.endpoint_uses else None

    @property
    def node(self) -> cst.Call:
        return self.call.node

    @property
    def is_streaming(self) -> bool:
        return bool(self.endpoint_uses)

    @property
    def names_streaming_at_run_time(self) -> bool:
        """``f"{base}/v1/streaming.{action}"``: a streaming endpoint chosen at run time (a
        dispatch helper's request, see :mod:`.dispatch_helpers`)."""
        return not self.endpoint_uses and "streaming.\x00" in join_text(self.pieces)

    @property
    def is_other_heygen_api(self) -> bool:
        """A HeyGen URL whose statically known path is not a streaming endpoint (video, voices...).

        A URL whose path is unknown here (``self.base + path`` in a wrapper) is neither.
        """
        if self.is_streaming or not self.host_pieces:
            return False
        text = join_text(self.pieces)
        rest = text.split(HEYGEN_HOST, 1)[1] if HEYGEN_HOST in text else ""
        known_path = rest.split("\x00", 1)[0].split("?", 1)[0].strip("/")
        for prefix in ("v1", "v2"):
            if known_path == prefix:
                known_path = ""
        if known_path.split("/")[-1].startswith("streaming"):
            return False  # ``/v1/streaming.{action}``: a streaming endpoint chosen at run time
        return bool(known_path)


_SENDING_CLIENTS = frozenset({"requests", "httpx", "aiohttp"})
# A project wrapper's name says it sends something (``_request``, ``_post``, ``call_api``...).
_SENDER_NAME = re.compile(r"request|post|call|send|fetch|invoke|api|http", re.IGNORECASE)
_URLLIB_SENDERS = frozenset({"Request", "urlopen"})


def sends_request(index: ModuleIndex, request: RequestSite) -> bool:
    """``request`` really sends something: a client library's call, a call with an HTTP
    method, or a helper whose name or body says it sends (not a URL in a ``print``)."""
    last = (request.call.name or "").split(".")[-1]
    if request.client == "urllib":
        return last in _URLLIB_SENDERS
    return (
        request.client in _SENDING_CLIENTS
        or request.method is not None
        or request.wrapper_sends
        or bool(_SENDER_NAME.search(last))
        or helper_sends_http(index, request.call.node)
    )


def _keyword(call: cst.Call, *names: str) -> cst.Arg | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value in names:
            return arg
    return None


_BODY_PARAMETERS = frozenset(
    {*PAYLOAD_KEYWORDS, "json_data", "json_body", "body_json", "request_body", "req_body"}
)


def _wrapper_body(
    index: ModuleIndex,
    call: cst.Call,
    url_arg: cst.Arg,
    elsewhere: dict[str, tuple[str, int]] | None = None,
) -> cst.Arg | None:
    """The argument a project wrapper sends as the JSON body, read from the wrapper's code."""
    parameter = wrapper_body_parameter(index, call, elsewhere)
    if parameter is None:
        # ``json={"session_id": self.session_id, **extra}``: the helper's fields and the call's.
        return helper_fields_body(index, call)
    body_name, position = parameter
    if position == KEYWORD_BODY:
        spread = [arg for arg in call.args if arg.star == "**"]
        if len(spread) == 1 and all(arg.keyword is None for arg in call.args):
            # ``_call("streaming.new", **body)``: the dict spread into the keywords is the body.
            return spread[0]
        entries = [
            cst.DictElement(cst.SimpleString(f'"{arg.keyword.value}"'), arg.value)
            for arg in call.args
            if arg.keyword is not None
        ]
        # Not a node of the tree: rules read its values (real nodes) and edit the call.
        return cst.Arg(cst.Dict(entries)) if entries else None
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == body_name:
            return arg
    found = _positional(call, position) if position >= 0 else None
    return found if found is not None and found is not url_arg and found.keyword is None else None


KEYWORD_BODY = -2
"""The position of a wrapper's body that is its caller's keyword arguments (``**body``)."""


def wrapper_body_parameter(
    index: ModuleIndex, call: cst.Call, elsewhere: dict[str, tuple[str, int]] | None = None
) -> tuple[str, int] | None:
    """The body parameter of the project wrapper ``call`` calls: its name and position.

    Wrappers differ (``_request(path, params)``, ``post_json(url, api_key, payload)``,
    ``_post_bearer(url, token, payload)``): the body is the parameter named like one, or the
    one the wrapper passes as ``json=``/``data=``. The wrapper's own code says which, in this
    module or (``elsewhere``, project facts) in another; a wrapper nobody has read is not
    guessed at.
    """
    name, definitions = callee_definitions(index, call)
    if not name:
        return None
    if not definitions:
        return elsewhere.get(name) if elsewhere else None
    if len(definitions) != 1:
        return None
    definition = definitions[0]
    params = [*definition.params.posonly_params, *definition.params.params]
    if isinstance(call.func, cst.Attribute) and params and params[0].name.value in ("self", "cls"):
        params = params[1:]
    names = [p.name.value for p in params]
    body_name = next((n for n in names if n in _BODY_PARAMETERS), None)
    if body_name is None:
        body_name = _passed_as_body(definition, set(names))
    keywords = definition.params.star_kwarg
    # ``def _post(self, path, **body): client.post(path, json=body)``: the call's keywords.
    if (
        body_name is None
        and isinstance(keywords, cst.Param)
        and _passed_as_body(definition, {keywords.name.value}) is not None
    ):
        return keywords.name.value, KEYWORD_BODY
    if body_name is None:
        return None
    return body_name, names.index(body_name) if body_name in names else -1


def _passed_as_body(definition: cst.FunctionDef, parameters: set[str]) -> str | None:
    """The parameter the wrapper passes on as ``json=``/``data=`` (or ``json.dumps``-ed)."""
    for node in walk_nodes(definition):
        if isinstance(node, cst.Arg) and node.keyword is not None:
            if node.keyword.value not in ("json", "data", "content", "body"):
                continue
            value = node.value
            # ``json=body or None`` / ``json=body if body else None``: no body when it is empty
            if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
                value = value.left
            elif isinstance(value, cst.IfExp):
                value = value.body
            # json.dumps(payload).encode() / .encode("utf-8") / json.dumps(payload)
            while isinstance(value, cst.Call):
                func = value.func
                if (
                    isinstance(func, cst.Attribute)
                    and func.attr.value == "encode"
                    and isinstance(func.value, cst.Call)
                ):
                    value = func.value
                elif value.args:
                    value = value.args[0].value
                else:
                    break
            if isinstance(value, cst.Attribute) and isinstance(value.value, cst.Call):
                inner = value.value
                value = inner.args[0].value if inner.args else value
            if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
                # ``json.dumps(fields or {})``: the parameter, or an empty body without one
                value = value.left
            if isinstance(value, cst.Name) and value.value in parameters:
                return value.value
    return None


_LOOKUPS = frozenset({"getenv", "get", "setdefault", "pop", "getattr", "environ"})
"""Callees whose later positional arguments are a default value (``os.getenv``,
``os.environ.get``, ``config.get``), not a wrapper's URL: HTTP clients take the URL first."""


def _stringish(expr: cst.BaseExpression) -> bool:
    """A path or URL written at the call (``"/v1/streaming.new"``, an f-string), not a word
    such as the ``"streaming.new"`` a checking helper is given for its error message."""
    if isinstance(expr, cst.SimpleString):
        text = string_value(expr) or ""
        return text.startswith("/") or "://" in text
    return isinstance(expr, (cst.FormattedString, cst.ConcatenatedString, cst.BinaryOperation))


def _argument(call: cst.Call, name: str, position: int) -> cst.Arg | None:
    """The argument a call passes for parameter ``name``: by keyword, else at ``position``
    (``-1``: keyword-only)."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    return _positional(call, position) if position >= 0 else None


def _positional(call: cst.Call, position: int) -> cst.Arg | None:
    index = 0
    for arg in call.args:
        if arg.keyword is None and not arg.star:
            if index == position:
                return arg
            index += 1
    return None


_POSITIONAL_BODY_FUNCTIONS = frozenset({"requests.post", "requests.put", "requests.patch"})
"""``requests.post(url, data=None, json=None, **kwargs)``: the body may be passed by position."""


def _positional_body(call: cst.Call, url_arg: cst.Arg) -> cst.Arg | None:
    """``requests.post(url, None, {...})`` (``json``) or ``requests.post(url, json.dumps(
    {...}))`` (``data``): the body passed by position after the URL, ``None`` for none."""
    if _positional(call, 0) is not url_arg:
        return None
    for position in (2, 1):
        arg = _positional(call, position)
        if arg is not None and not (isinstance(arg.value, cst.Name) and arg.value.value == "None"):
            return arg
    return None


# ``await asyncio.to_thread(requests.post, url, json=body)``: the function it runs on a worker
# thread with the call's other arguments is the request (blocking clients in ``async def``).
# anyio's ``to_thread.run_sync(F, *args, limiter=...)`` and Starlette's
# ``run_in_threadpool(F, *args, **kwargs)`` run it the same way.
THREAD_RUNNERS = frozenset(
    {
        "asyncio.to_thread",
        "anyio.to_thread.run_sync",
        "starlette.concurrency.run_in_threadpool",
        "fastapi.concurrency.run_in_threadpool",
    }
)
_RUNNER_KEYWORDS = {
    "anyio.to_thread.run_sync": frozenset({"limiter", "cancellable", "abandon_on_cancel"})
}
"""Keywords a runner takes for itself, not passed to the function it runs."""
_RUNNER_NAME_ENDS = ("to_thread", "run_in_executor", "run_sync", "run_in_threadpool", "partial")


def thread_run_callee(index: ModuleIndex, call: cst.Call) -> str | None:
    """The dotted name of the function ``asyncio.to_thread(F, ...)`` (or another of
    :data:`THREAD_RUNNERS`) or ``loop.run_in_executor(executor, F, ...)`` calls, else None."""
    view = thread_run_view(index, call)
    return dotted_name(view.func) if view is not None else None


def thread_run_view(index: ModuleIndex, call: cst.Call) -> cst.Call | None:
    """``F(a, b)`` for ``asyncio.to_thread(F, a, b)``, ``loop.run_in_executor(None, F, a,
    b)`` or ``functools.partial(F, a, b)`` (which a runner runs): the call the runner makes on a worker thread, its arguments the runner's own nodes
    (what is found among them is in the tree; the view itself is not, edits go to ``call``).

    A project wrapper's parameters are read from this view: behind the runner its arguments
    are shifted by one (two for ``run_in_executor``, whose executor comes first)."""
    runner = index.qualified_name(dotted_name(call.func))
    if runner in THREAD_RUNNERS or runner in PARTIALS:
        shift = 1  # ``functools.partial(self._post, path, body)``: the call a runner will make
    elif type(call.func) is cst.Attribute and call.func.attr.value == "run_in_executor":
        shift = 2  # ``loop.run_in_executor``: the loop is an object, its type unknown here
    else:
        return None
    function = _positional(call, shift - 1)
    if function is None or dotted_name(function.value) is None:
        return None
    runner_args = {id(arg) for arg in call.args if arg.keyword is None and not arg.star}
    skipped = {id(arg) for arg in [arg for arg in call.args if id(arg) in runner_args][:shift]}
    own = _RUNNER_KEYWORDS.get(runner or "", frozenset())
    skipped.update(id(arg) for arg in call.args if arg.keyword and arg.keyword.value in own)
    return cst.Call(func=function.value, args=[arg for arg in call.args if id(arg) not in skipped])


PARTIALS = frozenset({"functools.partial", "partial"})


def partial_callee(index: ModuleIndex, call: cst.Call) -> str | None:
    """``requests.post`` of ``functools.partial(requests.post, url, json=body)``, the request
    a thread runner makes (``loop.run_in_executor(None, functools.partial(...))``), else None."""
    if index.qualified_name(dotted_name(call.func)) not in PARTIALS:
        return None
    function = _positional(call, 0)
    return dotted_name(function.value) if function is not None else None


def _runner_function(index: ModuleIndex, call: cst.Call) -> cst.Arg | None:
    """The argument naming the function a thread runner runs: ``asyncio.to_thread(F, ...)``,
    ``loop.run_in_executor(executor, F, ...)``; ``None`` for another call."""
    if index.qualified_name(dotted_name(call.func)) in THREAD_RUNNERS:
        return _positional(call, 0)
    if type(call.func) is cst.Attribute and call.func.attr.value == "run_in_executor":
        return _positional(call, 1)
    return None


def runner_partial(index: ModuleIndex, call: cst.Call) -> cst.Call | None:
    """The ``functools.partial(...)`` a thread runner runs, ``asyncio.to_thread(partial(...))``
    or ``loop.run_in_executor(None, partial(...))``: the runner's result is its call's; or
    the call a ``lambda:`` without parameters makes, ``run_in_executor(None, lambda:
    requests.post(...))``, whose result is the runner's too."""
    function = _runner_function(index, call)
    if function is None:
        return None
    value = function.value
    if type(value) is cst.Lambda and type(value.body) is cst.Call and _no_parameters(value):
        return value.body
    if type(value) is not cst.Call:
        return None
    return value if partial_callee(index, value) is not None else None


def _no_parameters(function: cst.Lambda) -> bool:
    params = function.params
    return (
        not (params.params or params.posonly_params or params.kwonly_params)
        and not isinstance(params.star_arg, cst.Param)
        and params.star_kwarg is None
    )


def response_call(index: ModuleIndex, request: cst.Call) -> cst.Call:
    """The call that gives ``request``'s response: the thread runner running it when it is a
    ``functools.partial(...)`` (:func:`runner_partial`), also one bound to a name first
    (:func:`_named_partial_runner`), else the request call itself."""
    arg = index.parent_of(request)
    if type(arg) is cst.Lambda:  # ``run_in_executor(None, lambda: requests.post(...))``
        arg = index.parent_of(arg)
    runner = index.parent_of(arg) if type(arg) is cst.Arg else None
    if type(runner) is cst.Call and runner_partial(index, runner) is request:
        return runner
    named = _named_partial_runner(index, request)
    return named if named is not None else request


def _named_partial_runner(index: ModuleIndex, request: cst.Call) -> cst.Call | None:
    """``speak = functools.partial(api.post, "streaming.task", body)`` then ``await
    loop.run_in_executor(pool, speak)``: the thread runner that the name's one read (in the
    same function, before the name is bound again) hands the partial to."""
    assign = index.parent_of(request)
    if (
        type(assign) is not cst.Assign
        or len(assign.targets) != 1
        or type(assign.targets[0].target) is not cst.Name
        or partial_callee(index, request) is None
    ):
        return None
    name = assign.targets[0].target.value
    statement = index.statement_of(assign)
    context = index.context_of(statement) if statement is not None else None
    if statement is None or context is None or context.function is None:
        return None
    reads = binding_reads(index, context.function, statement, name)
    if len(reads.every) != 1 or reads.uncertain:
        return None
    read = reads.every[0]
    arg = index.parent_of(read)
    runner = index.parent_of(arg) if type(arg) is cst.Arg else None
    if type(runner) is not cst.Call or type(arg) is not cst.Arg:
        return None
    if _runner_function(index, runner) is arg or _runs_its_argument(index, runner, arg, context):
        return runner
    return None


def _runs_its_argument(index: ModuleIndex, call: cst.Call, arg: cst.Arg, context: Context) -> bool:
    """``await self._in_pool(create)`` with ``async def _in_pool(self, fn): return await
    loop.run_in_executor(self.pool, fn)`` (the loop fetched first, or not): a helper of this
    module (a method of the caller's class through ``self``) whose last statement returns what
    a thread runner gives for the parameter ``arg`` fills."""
    if arg.keyword is not None or arg.star or arg not in call.args:
        return False
    func = call.func
    if type(func) is cst.Name:
        scope: Scope | None = index.module_scope
        name, skipped = func.value, 0
    elif (
        type(func) is cst.Attribute
        and type(func.value) is cst.Name
        and func.value.value == "self"
        and context.class_def is not None
    ):
        scope = index.class_scopes.get(id(context.class_def))
        name, skipped = func.attr.value, 1
    else:
        return False
    bound = scope.assignments.get(name, []) if scope is not None else []
    if len(bound) != 1 or type(definition := index.parent_of(bound[0])) is not cst.FunctionDef:
        return False
    positional = [p for p in definition.params.params][skipped:]
    position = list(call.args).index(arg)
    if position >= len(positional) or type(definition.body) is not cst.IndentedBlock:
        return False
    parameter = positional[position].name.value
    last = definition.body.body[-1] if definition.body.body else None
    if type(last) is not cst.SimpleStatementLine or len(last.body) != 1:
        return False
    returned = last.body[0]
    if type(returned) is not cst.Return or returned.value is None:
        return False
    value = returned.value.expression if type(returned.value) is cst.Await else returned.value
    if type(value) is not cst.Call:
        return False
    function = _runner_function(index, value)
    return (
        function is not None
        and type(function.value) is cst.Name
        and function.value.value == parameter
    )


def _client_kind(index: ModuleIndex, site: CallSite) -> str:
    return _client_kind_of(index, site.name)


def _client_kind_of(index: ModuleIndex, name: str | None) -> str:
    site_name = name
    qualified = index.qualified_name(site_name) or ""
    root = qualified.split(".")[0]
    if root in ("requests", "httpx", "aiohttp"):
        return root
    if qualified in URLLIB_REQUEST or qualified.startswith("urllib."):
        return "urllib"
    # A receiver created from a known client in this module (``session = aiohttp.ClientSession()``)
    # is typical; name hints are enough to pick async-vs-sync code, which is what matters.
    lowered = (site_name or "").lower()
    for hint in ("aiohttp", "httpx", "requests"):
        if hint in lowered:
            return hint
    return "wrapper"


# Calls that build an HTTP client object (``requests.Session()``, ``httpx.AsyncClient()``...).
CLIENT_CONSTRUCTORS = frozenset(
    {
        "requests.Session",
        "requests.session",
        "requests.sessions.Session",
        "httpx.Client",
        "httpx.AsyncClient",
        "aiohttp.ClientSession",
    }
)


def callee_method_name(index: ModuleIndex, call: cst.Call) -> tuple[str, str] | None:
    """``_http(state).post(...)``: a method called on the result of this module's helper that
    builds an HTTP client (it calls ``requests.Session()`` or the like, cached or not) is the
    client's method; so is ``ctx["http"].post(...)`` on a client the module stores under that
    key (:mod:`.keyed_clients`). Returns the client kind and the method's name; ``None`` for any other call
    (its dotted name, when it has one, already says what it is)."""
    func = call.func
    if not isinstance(func, cst.Attribute):
        return None
    if func.attr.value.lower() not in HTTP_METHOD_NAMES | {"request"}:
        return None
    receiver = keyed_receiver(call)
    if receiver is not None:  # ``ctx["http"].post(...)``, the client stored under that key
        kind = keyed_client_kind(index, receiver, CLIENT_CONSTRUCTORS)
        return (kind, func.attr.value) if kind is not None else None
    held = context_var_client_kind(index, func.value, CLIENT_CONSTRUCTORS)
    if held is not None:  # ``HTTP.get().post(...)``, the client a ``ContextVar`` holds
        return held, func.attr.value
    if not isinstance(func.value, cst.Call):
        return None
    _name, definitions = callee_definitions(index, func.value)
    if len(definitions) != 1:
        return None
    helper = definitions[0]
    for site in index.calls:
        if site.context.function is helper:
            qualified = index.qualified_name(site.name) or ""
            if qualified in CLIENT_CONSTRUCTORS:
                return qualified.split(".")[0], func.attr.value
    return None


def _request_with_method(call: CallSite) -> bool:
    """``urllib3.request("POST", url)``, ``pool.request("POST", url)``: the
    ``request(method, url, ...)`` signature every HTTP client shares, with the method written
    at the call, whatever the receiver (urllib3's top-level function and ``PoolManager``
    are no client this module knows by name)."""
    if (call.name or "").split(".")[-1] != "request":
        return False
    first = _positional(call.node, 0)
    method = string_value(first.value) if first is not None else None
    return method is not None and method.lower() in HTTP_METHOD_NAMES


def _method_from_name(name: str | None) -> str | None:
    if not name:
        return None
    last = name.split(".")[-1].lower().lstrip("_")
    if last in HTTP_METHOD_NAMES:
        return last.upper()
    for method in ("post", "get", "delete", "patch", "put"):
        if last.startswith(method + "_") or last.endswith("_" + method):
            return method.upper()
    return None


# Calls whose arguments are text for people (``print``, ``logger.info``...): an endpoint in
# them is a mention, not a request target (see analysis.endpoints and rule H2L901).
MESSAGE_CALLEES = frozenset(
    {"print", "debug", "info", "warning", "warn", "error", "exception", "critical"}
)


# Characters a URL never holds literally (it would percent-encode them); ``{}`` are left
# out: ``"/streaming/knowledge_base/{}".format(kb_id)`` is a URL template.
_NOT_IN_URLS = re.compile(r"[\s<>\"|\\^`]")


def _split_uses(pieces: list[Piece]) -> list[EndpointUse]:
    """``f"{STREAMING}.new"`` with ``STREAMING = ".../v1/streaming"``: the endpoint's name is
    split between a base literal and the literal after it."""
    uses: list[EndpointUse] = []
    for base, tail in zip(pieces, pieces[1:]):
        if base.text and tail.text and base.node is not None and tail.node is not None:
            match = find_split_endpoint(base.text, tail.text)
            if match is not None:
                uses.append(EndpointUse(tail, match, base))
    return uses


def _is_message_call(call: CallSite) -> bool:
    return (call.name or "").rsplit(".", 1)[-1] in MESSAGE_CALLEES


class RequestFinder:
    """Finds :class:`RequestSite` objects among a module's calls."""

    def __init__(
        self,
        index: ModuleIndex,
        resolver: ValueResolver,
        wrappers: tuple[tuple[str, str, int], ...] = (),
        wrapper_parameters: tuple[tuple[str, str, str, int], ...] = (),
    ) -> None:
        self.index = index
        self.resolver = resolver
        self.wrappers = {name: (param, position) for name, param, position in wrappers}
        """Wrappers defined in other modules of the project (project facts)."""
        self.elsewhere: dict[str, tuple[WrapperParameter, ...]] = {}
        """URL and method parameters of wrappers defined in other modules (project facts)."""
        for name, role, param, position in wrapper_parameters:
            self.elsewhere[name] = (*self.elsewhere.get(name, ()), (role, param, position))
        self._definitions: dict[str, list[cst.FunctionDef]] | None = None
        self._local: dict[str, tuple[WrapperParameter, ...]] = {}
        self._sending: set[int] | None = None
        self._call_sites: dict[int, CallSite] | None = None

    def wrapper_parameters(self, call: CallSite) -> tuple[WrapperParameter, ...]:
        """The URL and method parameters of the project wrapper ``call`` calls, read from its
        code (see :mod:`.wrapper_params`); empty for anything else."""
        view = self._thread_run_view(call)
        callee = dotted_name(view.func) if view is not None else call.name
        func = call.node.func
        if callee is None and view is None and isinstance(func, cst.Attribute):
            # ``_heygen().call(...)``, ``current_app.extensions["heygen"].call(...)``: a
            # method of an object got from a call or a lookup, as ``heygen.call(...)`` is one
            # of the project's wrapper of that name (unless it is a client's own method).
            method = func.attr.value
            if method in self.elsewhere and callee_method_name(self.index, call.node) is None:
                return self.elsewhere[method]
            return ()
        parts = (callee or "").split(".")
        name = parts[-1]
        if not name:
            return ()
        # ``data.get(...)``: another object's method, not one of this module's functions.
        local = len(parts) == 1 or parts[0] in ("self", "cls")
        if self._definitions is None:
            # One pass over the module's functions, not one per call examined.
            self._definitions = {}
            for scope in self.index.function_scopes.values():
                if isinstance(scope.node, cst.FunctionDef):
                    self._definitions.setdefault(scope.node.name.value, []).append(scope.node)
        definitions = self._definitions.get(name) if local else None
        if definitions is None and name not in self.elsewhere:
            return ()  # most calls: no wrapper of that name in the project
        if _client_kind_of(self.index, callee) != "wrapper":
            return ()  # ``requests.post``: the library's own parameters are known
        if definitions is None:
            return self.elsewhere[name]
        if name not in self._local:
            self._local[name] = (
                definition_parameters(definitions[0])
                if len(definitions) == 1 and id(definitions[0]) in self._senders()
                else ()
            )
        return self._local[name]

    def _senders(self) -> set[int]:
        """The module's functions that make an HTTP call themselves (one pass over the calls):
        only those can be request wrappers."""
        if self._sending is None:
            # ``http().post(url)``: a method of the client a helper of this module builds
            # (a ``threading.local`` cache) sends too, though the call has no dotted name.
            self._sending = {
                id(call.context.function)
                for call in self.index.calls
                if call.context.function is not None
                and (
                    (call.name or "").split(".")[-1] in HTTP_CALLEE_NAMES
                    or (call.name is None and callee_method_name(self.index, call.node))
                )
            }
            # ``send = getattr(HTTP, method.lower()); send(url)``: a client's method looked up
            # by name (few functions call ``getattr``: only theirs are read again)
            dispatching = {
                id(call.context.function): call.context.function
                for call in self.index.calls
                if call.name == "getattr" and call.context.function is not None
            }
            for function in dispatching.values():
                locals_ = local_assignments(function)
                if any(
                    call.context.function is function
                    and dispatched_method(call.node, locals_) is not None
                    for call in self.index.calls
                ):
                    self._sending.add(id(function))
        return self._sending

    def _thread_run_view(self, call: CallSite) -> cst.Call | None:
        """The wrapper call a thread runner makes (see :func:`thread_run_view`), else None."""
        if call.name is None or not call.name.endswith(_RUNNER_NAME_ENDS):
            return None  # most calls: not a runner
        return thread_run_view(self.index, call.node)

    def _parameter_args(self, call: CallSite, role: str) -> list[cst.Arg]:
        found: list[cst.Arg] = []
        view = self._thread_run_view(call)
        for parameter_role, name, position in self.wrapper_parameters(call):
            if parameter_role != role:
                continue
            arg = _argument(view if view is not None else call.node, name, position)
            if arg is not None and arg not in found:
                found.append(arg)
        return found

    def find(self) -> list[RequestSite]:
        sites: list[RequestSite] = []
        for call in self.index.calls:
            site = self._examine(call)
            if site is not None:
                sites.append(site)
        return self._built_urls_sent(sites)

    def other_host_requests(self) -> list[RequestSite]:
        """Calls of an HTTP library whose URL starts with another host's literal
        (``requests.post(f"{DID_URL}/talks/streams", ...)`` with ``DID_URL =
        "https://api.d-id.com"``): requests to other vendors, which :meth:`find` leaves out,
        so that a rule can tell their responses from HeyGen's (:mod:`.other_responses`)."""
        sites: list[RequestSite] = []
        for call in self.index.calls:
            if not call.node.args or _client_kind(self.index, call) == "wrapper":
                continue
            candidates = self._url_candidates(call)
            if not candidates:
                continue
            pieces = self.resolver.resolve(candidates[0].value, call.context)
            head = pieces[0].text if pieces else None
            if (
                head is not None
                and head.startswith(("http://", "https://"))
                and HEYGEN_HOST not in head
                and LIVEAVATAR_HOST not in head
            ):
                sites.append(self._build(call, candidates[0], pieces, [], []))
        return sites

    def _built_urls_sent(self, sites: list[RequestSite]) -> list[RequestSite]:
        """``requests.post(url("streaming.task"), json=...)`` where ``url`` builds the URL in
        a way the resolver does not follow (several statements): the builder
        call names the endpoint but sends nothing; the client call it is passed to is the
        request, with the builder's pieces as its URL."""
        by_node = {id(site.node): site for site in sites}
        result: list[RequestSite] = []
        for site in sites:
            sender = self._sender_of_url(site, by_node)
            if sender is None:
                result.append(site)
                continue
            call, arg = sender
            outer = self._build(call, arg, site.pieces, site.endpoint_uses, site.host_pieces)
            if not sends_request(self.index, outer) or registers_mock(self.index, call):
                result.append(site)
                continue
            result.append(outer)
        return result

    def _sender_of_url(
        self, site: RequestSite, by_node: dict[int, RequestSite]
    ) -> tuple[CallSite, cst.Arg] | None:
        if not site.endpoint_uses or sends_request(self.index, site):
            return None
        arg = self.index.parent_of(site.node)
        if not isinstance(arg, cst.Arg) or arg.value is not site.node:
            return None
        outer = self.index.parent_of(arg)
        if not isinstance(outer, cst.Call) or id(outer) in by_node:
            return None
        if self._call_sites is None:
            self._call_sites = {id(c.node): c for c in self.index.calls}
        call = self._call_sites.get(id(outer))
        if call is None or arg not in self._url_candidates(call):
            return None
        return call, arg

    def _url_candidates(self, call: CallSite) -> list[cst.Arg]:
        node = call.node
        candidates: list[cst.Arg] = []
        kw = _keyword(node, *URL_KEYWORDS)
        if kw is not None:
            candidates.append(kw)
        first = _positional(node, 0)
        last = (call.name or "").split(".")[-1]
        if last == "request":
            second = _positional(node, 1)
            if second is not None:
                candidates.append(second)
        if first is not None:
            candidates.append(first)
        # ``asyncio.to_thread(requests.post, URL_NEW, json=body)``, ``to_thread(self.http.post,
        # ...)``: the function run on a worker thread takes its URL first behind the runner's
        # own arguments, a constant as well as a literal (as the call itself would).
        view = self._thread_run_view(call)
        if view is not None:
            url = _keyword(view, *URL_KEYWORDS) or _positional(view, 0)
            if url is not None and url not in candidates:
                candidates.append(url)
        # ``_call(http, "/v1/streaming.new", token, payload)``: a project wrapper may take
        # its client first and the path after it. A lookup's default is not one:
        # ``os.getenv("ICE_URL", "https://.../streaming.ice")`` reads a setting, and taking
        # it for a request marked the constant with its call's to-do (the same text twice).
        if last in _LOOKUPS:
            return candidates
        for position in (1, 2):
            other = _positional(node, position)
            if other is not None and other not in candidates and _stringish(other.value):
                candidates.append(other)
        # ``api("POST", "streaming.new", payload)``: the wrapper's code says the endpoint is
        # its second parameter (a bare ``streaming.new`` is a word anywhere else).
        for arg in self._parameter_args(call, URL):
            if arg not in candidates:
                candidates.append(arg)
        return candidates

    def _examine(self, call: CallSite) -> RequestSite | None:
        if not call.node.args or _is_message_call(call):
            return None
        if (self.index.qualified_name(call.name) or call.name) in TEMPLATES:
            return None  # ``Template(".../streaming.task")``: a URL, sent where it is used
        if url_builder(self.index, call.node, self.resolver.functions()) is not None:
            return None  # ``self._url("streaming.new")`` builds a URL; the call it goes to sends
        through_table = self._table_request(call)
        if through_table is not None:
            return None if registers_mock(self.index, call) else through_table
        for arg in self._url_candidates(call):
            pieces = self.resolver.resolve(arg.value, call.context)
            uses = [
                EndpointUse(piece, match)
                for piece in pieces
                if piece.text
                for match in find_endpoints(piece.text)
            ]
            if not uses:
                uses = _split_uses(pieces)
            hosts = [p for p in pieces if p.text and HEYGEN_HOST in p.text]
            if not uses and not hosts and not _names_streaming_action(pieces):
                continue
            if any(p.text and _NOT_IN_URLS.search(p.text) for p in pieces):
                continue  # HTML, JavaScript or prose that mentions an endpoint: not a URL
            if not uses and not self._looks_like_request(call):
                continue
            if registers_mock(self.index, call):
                return None  # a test's canned response: its ``json=`` is what HeyGen answers
            return self._build(call, arg, pieces, uses, hosts)
        return None

    def _table_request(self, call: CallSite) -> RequestSite | None:
        """``self._call("create", ...)`` of a wrapper whose URL is an endpoint table's entry
        (``self.BASE_URL + self.ENDPOINTS[name]``): the request of the path the caller's table
        holds for that key, its pieces the entry's text (see :mod:`.endpoint_tables`)."""
        for role, name, position in self.wrapper_parameters(call):
            table = table_of_role(role)
            if table is None:
                continue
            arg = _argument(call.node, name, position)
            entry = table_entry(self.index, table, arg.value, call.context) if arg else None
            if arg is None or entry is None:
                continue
            pieces = self.resolver.resolve(entry, call.context)
            uses = [
                EndpointUse(piece, match)
                for piece in pieces
                if piece.text
                for match in find_endpoints(piece.text)
            ]
            if uses:
                hosts = [p for p in pieces if p.text and HEYGEN_HOST in p.text]
                return self._build(call, arg, pieces, uses, hosts)
        return None

    def table_keys_at_run_time(self) -> list[tuple[CallSite, str, list[str]]]:
        """Calls of an endpoint-table wrapper whose key is computed at run time
        (``self._call(name, ...)``) while the caller's table names streaming endpoints: each
        with the table's name and those endpoints. Which one it sends is unknown here."""
        found: list[tuple[CallSite, str, list[str]]] = []
        for call in self.index.calls:
            if not call.node.args:
                continue
            for role, name, position in self.wrapper_parameters(call):
                table = table_of_role(role)
                if table is None:
                    continue
                arg = next(
                    (
                        a
                        for a in call.node.args
                        if a.keyword is not None and a.keyword.value == name
                    ),
                    None,
                )
                if arg is None and position >= 0:
                    arg = _positional(call.node, position)
                if arg is None or isinstance(arg.value, cst.SimpleString):
                    continue
                entries = table_of(self.index, table, call.context)
                keys: list[str] = []
                for element in entries.elements if entries is not None else ():
                    if not isinstance(element, cst.DictElement):
                        continue
                    for piece in self.resolver.resolve(element.value, call.context):
                        for match in find_endpoints(piece.text or ""):
                            if match.endpoint.key not in keys:
                                keys.append(match.endpoint.key)
                if keys:
                    found.append((call, table, keys))
        return found

    def lookups_at_run_time(self) -> list[tuple[CallSite, str, list[str]]]:
        """Requests whose URL is built around an endpoint table's entry for a key their own
        function computes (``for action in (...): requests.post(urljoin(BASE,
        ENDPOINTS[action]))``), the table naming streaming endpoints: each with the table's
        name and those endpoints. Which one a call sends is unknown here."""
        found: list[tuple[CallSite, str, list[str]]] = []
        if not self.index.has_node_type(cst.Subscript):
            return found
        for call in self.index.calls:
            if not call.node.args or _is_message_call(call):
                continue
            for arg in self._url_candidates(call):
                lookup = looked_up_in_url(self.index, arg.value, call.context)
                if lookup is not None and self._looks_like_request(call):
                    found.append((call, *lookup))
                    break
        return found

    def _looks_like_request(self, call: CallSite) -> bool:
        return (
            _method_from_name(call.name) is not None
            or _client_kind(self.index, call) != "wrapper"
            or callee_method_name(self.index, call.node) is not None
            or _request_with_method(call)
        )

    def _build(
        self,
        call: CallSite,
        url_arg: cst.Arg,
        pieces: list[Piece],
        uses: list[EndpointUse],
        hosts: list[Piece],
    ) -> RequestSite:
        node = call.node
        client = _client_kind(self.index, call)
        qualified = self.index.qualified_name(call.name) or ""
        method = _method_from_name(call.name)
        on_helper_client = callee_method_name(self.index, node) if call.name is None else None
        if on_helper_client is not None:
            client, method_name = on_helper_client
            method = _method_from_name(method_name)
        run_on_thread = thread_run_callee(self.index, node) or partial_callee(self.index, node)
        if run_on_thread is not None:
            client = _client_kind_of(self.index, run_on_thread)
            method = _method_from_name(run_on_thread)
        if (call.name or "").split(".")[-1] == "request":
            first = _positional(node, 0)
            if first is not None and first is not url_arg:
                value = string_value(first.value)
                method = value.upper() if value else None
            method_kw = _keyword(node, "method")
            if method_kw is not None:
                value = string_value(method_kw.value)
                method = value.upper() if value else None
        if method is None and client == "wrapper":
            for arg in self._parameter_args(call, METHOD):
                value = string_value(arg.value)
                method = value.upper() if value else None
        if qualified in URLLIB_REQUEST or client == "urllib":
            method_kw = _keyword(node, "method")
            value = string_value(method_kw.value) if method_kw is not None else None
            method = value.upper() if value else ("POST" if _keyword(node, "data") else "GET")
        payload = _keyword(node, *PAYLOAD_KEYWORDS)
        if payload is None and qualified in _POSITIONAL_BODY_FUNCTIONS:
            payload = _positional_body(node, url_arg)
        if payload is None and client == "wrapper":
            # ``asyncio.to_thread(self._post, "streaming.new", body)``: the wrapper's body
            # parameter, read behind the runner's own arguments.
            view = self._thread_run_view(call) if run_on_thread is not None else None
            payload = _wrapper_body(self.index, view or node, url_arg, self.wrappers)
        headers = _keyword(node, "headers")
        if headers is None and client == "wrapper":
            # ``self._post(path, body, self._session_headers(token))``: what the wrapper sends
            # as its request's headers.
            headers = next(iter(self._parameter_args(call, HEADERS)), None)
        keyword_body = payload is not None and all(payload is not arg for arg in node.args)
        wrapper_sends = client == "wrapper" and any(
            role == URL for role, _name, _position in self.wrapper_parameters(call)
        )
        method_parameter = None
        if client == "wrapper" and method is None and not self._parameter_args(call, METHOD):
            method_parameter = next(
                (n for r, n, _p in self.wrapper_parameters(call) if r == METHOD), None
            )
        return RequestSite(
            call=call,
            url_expr=url_arg.value,
            pieces=pieces,
            endpoint_uses=uses,
            client=client,
            method=method,
            payload=payload,
            headers=headers,
            host_pieces=hosts,
            keyword_body=keyword_body,
            wrapper_sends=wrapper_sends,
            method_parameter=method_parameter,
        )


@dataclass
class ChosenEndpointRequest:
    """A request whose path is chosen at run time between two streaming endpoints:
    ``path = "/v1/streaming.start_listening" if on else "/v1/streaming.stop_listening"`` then
    ``post(path, ...)``, or ``f"{base}/v1/streaming.{action}"`` with such an ``action``."""

    site: RequestSite
    """Built from the first choice: its payload, headers and client are the call's."""
    test: cst.BaseExpression
    keys: tuple[str, str]
    """The endpoint keys of the two choices (when the test is true, when false)."""
    literals: tuple[cst.CSTNode, cst.CSTNode]


def chosen_endpoint_requests(finder: RequestFinder) -> list[ChosenEndpointRequest]:
    index = finder.index
    found: list[ChosenEndpointRequest] = []
    if not index.has_node_type(cst.IfExp):
        return found  # every choice is an ``a if test else b`` (see ``_choice_of``)
    for call in index.calls:
        if not call.node.args or _is_message_call(call):
            continue
        extra = [a for a in (_positional(call.node, 1), _positional(call.node, 2)) if a is not None]
        for arg in [*finder._url_candidates(call), *extra]:
            choice = _choice_of(index, arg.value, call)
            if choice is None:
                continue
            test, (first, second), literals = choice
            uses = [find_endpoints(first), find_endpoints(second)]
            if not uses[0] or not uses[1]:
                continue
            pieces = [Piece(first, None)]
            site = finder._build(call, arg, pieces, [EndpointUse(pieces[0], uses[0][0])], [])
            keys = (uses[0][0].endpoint.key, uses[1][0].endpoint.key)
            found.append(ChosenEndpointRequest(site, test, keys, literals))
            break
    return found


def _path_text(expr: cst.BaseExpression) -> str | None:
    """The literal text of a string or f-string (its ``{...}`` parts left out: the host)."""
    if isinstance(expr, cst.FormattedString):
        return "".join(p.value for p in expr.parts if isinstance(p, cst.FormattedStringText))
    return string_value(expr)


def _choice_of(
    index: ModuleIndex, expr: cst.BaseExpression, call: CallSite
) -> tuple[cst.BaseExpression, tuple[str, str], tuple[cst.CSTNode, cst.CSTNode]] | None:
    """``(test, (url if true, url if false), the two literals)`` for a URL chosen by an
    ``a if test else b`` of two string literals, directly or through a local name, whole or
    as the ``{...}`` of an f-string, or appended to a host (``API_URL + endpoint``)."""
    if isinstance(expr, cst.Name):
        values = index.lookup(expr.value, call.context.scope)
        if len(values) != 1:
            return None
        expr = values[0]
    if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.Add):
        inner = _choice_of(index, expr.right, call)  # the host on the left is not the choice
        if inner is None or not all("streaming." in path for path in inner[1]):
            return None
        return inner
    if isinstance(expr, cst.IfExp):
        body, orelse = _path_text(expr.body), _path_text(expr.orelse)
        if body is None or orelse is None:
            return None
        return expr.test, (body, orelse), (expr.body, expr.orelse)
    if isinstance(expr, cst.FormattedString):
        holes = [p for p in expr.parts if isinstance(p, cst.FormattedStringExpression)]
        texts = [p.value for p in expr.parts if isinstance(p, cst.FormattedStringText)]
        if not holes or not any("streaming." in t for t in texts):
            return None
        inner = _choice_of(index, holes[-1].expression, call)
        if inner is None:
            return None
        test, (yes, no), literals = inner
        prefix = "".join(texts)  # the host hole is unknown: the path is what matters
        if not prefix.endswith("streaming."):
            return None
        return test, (f"/{prefix.lstrip('/')}{yes}", f"/{prefix.lstrip('/')}{no}"), literals
    return None


def _names_streaming_action(pieces: list[Piece]) -> bool:
    """``f"{settings.BASE}/streaming.{action}"``: a dispatch helper's URL whose host is set
    elsewhere (another module, the environment) and whose endpoint is its argument; or
    ``f"streaming.{method}"``, the path relative to a client's ``base_url`` ending in ``/v1/``."""
    text = join_text(pieces)
    return text.endswith("/streaming.\x00") or text == "streaming.\x00"
