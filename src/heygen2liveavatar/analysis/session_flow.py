"""The session flow of one module: token, new and start requests and what connects them.

HeyGen opened a session in three calls (``create_token`` -> ``streaming.new`` ->
``streaming.start``); LiveAvatar in two (``/v1/sessions/token`` -> ``/v1/sessions/start``).
Rules H2L101, H2L102, H2L404 and H2L405 all need the same picture of the module: which
requests belong to the flow, which mode (FULL or LITE) the session needs, where each
response is parsed, where the HeyGen token from ``create_token`` went, and which header
dicts carry it. :func:`session_flow` computes it once per module.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterator
from dataclasses import dataclass, field

import libcst as cst

from ..apispec.events import TASK_TYPE_FIELD
from ..apispec.resources import HTTP_CLIENT_CONSTRUCTORS
from ..apispec.session_fields import (
    CHAT_TASK_TYPES,
    CONTEXT_ID_FIELDS,
    LITE_RESPONSE_FIELDS,
    MODE_FULL,
    MODE_LITE,
    OWN_AUDIO_MESSAGES,
    RESPONSE_FIELDS,
    SESSION_ID_FIELD,
)
from ..model import ProjectFacts
from .auth_classes import TokenAuthClass, token_auth_classes
from .call_shape import result_expression
from .http import RequestSite
from .index import (
    Context,
    ModuleIndex,
    Scope,
    Statement,
    StringSite,
    dotted_name,
    string_value,
    walk_nodes,
)
from .name_references import is_inside
from .payloads import dict_keys, find_payload_dict, unwrap_serialiser
from .response_checkers import checked_response
from .responses import OBJECT, FieldRead, ParseSite, ResponseTracker, data_key_of
from .task_type_values import task_type_values

_SHARED_KEY = "session_flow"
AUTHORIZATION = "authorization"

# Endpoints whose requests can lose a HeyGen-token ``Authorization`` header because the
# migration gives them their auth another way: the token call gets the API key, start/stop/
# keep-alive get the session token through the bridge, tasks and listening become events.
_REAUTHENTICATED = frozenset(
    {
        "new",
        "start",
        "stop",
        "keep_alive",
        "task",
        "interrupt",
        "start_listening",
        "stop_listening",
    }
)


@dataclass
class TokenPlumbing:
    """How the HeyGen token of a ``create_token`` request is used, when it can be removed.

    Only set when every use is an ``Authorization`` header of a request the migration
    re-authenticates, so deleting the request and those header entries leaves working code.
    """

    request: RequestSite
    statements: list[Statement]
    """Statements that exist only to fetch the token (deleted)."""
    header_entries: list[tuple[cst.Dict, cst.DictElement]]
    """``"Authorization": f"Bearer {token}"`` entries (removed from their dicts)."""
    users: list[RequestSite]
    """Requests whose headers held such an entry."""
    client_defaults: list[tuple[cst.Dict, cst.DictElement]] = field(default_factory=list)
    """Such entries set as an HTTP client's default headers (``client.headers.update({...})``):
    every later call of the client sent the token; they send the API key instead."""
    client_default_assignments: list[cst.Assign] = field(default_factory=list)
    """The same, set by ``client.headers["Authorization"] = f"Bearer {token}"``."""


@dataclass
class SessionFlow:
    tracker: ResponseTracker
    token_requests: list[RequestSite]
    new_requests: list[RequestSite]
    start_requests: list[RequestSite]
    mode: str
    mode_reason: str
    plumbing: dict[int, TokenPlumbing] = field(default_factory=dict)
    """id(create_token call) -> its removable token plumbing (paired flows only)."""
    removed_statements: set[int] = field(default_factory=set)
    start_bindings: dict[int, StartBinding] = field(default_factory=dict)
    """id(start call) -> where its parsed response is (or will be) bound."""

    paired: bool = False
    """``create_token``'s token authenticates ``streaming.new``: the two calls become one."""
    from_start_reads: list[FieldRead] = field(default_factory=list)
    """Reads of response fields that LiveAvatar returns from the start call."""
    usage: SessionUsage | None = None
    auth_classes: list[TokenAuthClass] = field(default_factory=list)
    """Auth classes (``httpx.Auth``) whose flow sends the create_token token as ``Bearer``."""

    def is_removed(self, node: cst.CSTNode) -> bool:
        current: cst.CSTNode | None = node
        while current is not None:
            if id(current) in self.removed_statements:
                return True
            current = self.tracker.index.parent_of(current)
        return False


@dataclass
class StartBinding:
    """A name holding the parsed start response in some function."""

    name: str
    data_level: bool
    """The name holds the ``data`` dict (else the envelope)."""
    context: Context
    position: int
    planned: bool
    """H2L102 creates this binding (the code did not parse the start response)."""


def session_flow(
    shared: dict[str, object],
    index: ModuleIndex,
    requests: list[RequestSite],
    project: ProjectFacts | None = None,
) -> SessionFlow:
    """The module's :class:`SessionFlow`, computed on first use and cached in ``shared``."""
    cached = shared.get(_SHARED_KEY)
    if isinstance(cached, SessionFlow):
        return cached
    flow = _build(index, requests, project)
    shared[_SHARED_KEY] = flow
    return flow


def _module_wrappers(project: ProjectFacts | None) -> frozenset[str]:
    """The names of the request wrappers the project's modules define (for calls of them
    through an imported module, ``api.request(...)``)."""
    if project is None:
        return frozenset()
    return frozenset(
        [name for name, _param, _position in project.wrapper_bodies]
        + [name for name, _role, _param, _position in project.wrapper_parameters]
    )


def _build(
    index: ModuleIndex, requests: list[RequestSite], project: ProjectFacts | None
) -> SessionFlow:
    streaming = [r for r in requests if r.is_streaming]
    tracker = ResponseTracker(
        index,
        streaming,
        project.session_openers if project is not None else frozenset(),
        project.json_clients if project is not None else frozenset(),
        project.data_clients if project is not None else frozenset(),
        project.paired_token_getters if project is not None else frozenset(),
        project.json_helpers if project is not None else frozenset(),
        _module_wrappers(project),
    )

    def of(key: str) -> list[RequestSite]:
        return [r for r in streaming if r.endpoint is not None and r.endpoint.key == key]

    usage = session_usage(index, streaming, project)
    mode, reason = usage.mode()
    flow = SessionFlow(tracker, of("create_token"), of("new"), of("start"), mode, reason)
    flow.usage = usage
    if flow.token_requests:
        flow.auth_classes = token_auth_classes(tracker)
    flow.paired = bool(flow.token_requests) and (
        any(_authenticates_with_token(tracker, request, requests) for request in flow.new_requests)
        or bool(client_default_tokens(tracker, flow.auth_classes))
        or bool(flow.auth_classes)
        or any(_fetched_for_another_module(tracker, request) for request in flow.token_requests)
    )
    if not flow.token_requests and tracker.token_getters:
        # The create_token call is in another module, its token sent here on streaming.new
        # (or by the client that sends it).
        flow.paired = any(
            _sends_imported_token(tracker, request) for request in flow.new_requests
        ) or bool(flow.new_requests and client_default_tokens(tracker, []))
    keys = {key for key, spec in RESPONSE_FIELDS.items() if spec.from_start}
    flow.from_start_reads = tracker.field_reads(keys)
    if flow.paired:
        for request in flow.token_requests:
            plumbing = _token_plumbing(flow, request, streaming)
            if plumbing is not None:
                flow.plumbing[id(request.node)] = plumbing
                flow.removed_statements.update(id(s) for s in plumbing.statements)
    for request in flow.start_requests:
        binding = _start_binding(flow, request)
        if binding is not None:
            flow.start_bindings[id(request.node)] = binding
    return flow


def _authenticates_with_token(
    tracker: ResponseTracker, request: RequestSite, requests: list[RequestSite]
) -> bool:
    """Does a ``streaming.new`` call send an ``Authorization`` header (the create_token token)?

    Without one it uses the API key, and a create_token call in the same module mints
    tokens for a browser instead (a separate flow).
    """
    if any(
        holds_heygen_token(tracker, arg.value, request.call.context)
        for arg in request.node.args
        if arg is not request.headers and arg is not request.payload
    ):
        return True  # a wrapper given the token: ``_post_bearer(url, self._token, body)``
    if request.headers is None:
        return _wrapper_sends_token(tracker, request, requests)
    dicts = header_dicts(request.headers.value, request.call.context, tracker)
    return dicts is None or any(authorization_entry(d) is not None for d in dicts)


def _fetched_for_another_module(tracker: ResponseTracker, request: RequestSite) -> bool:
    """The create_token ``request`` is made in a getter whose token another module sends as
    ``Bearer`` on ``streaming.new`` (project facts)."""
    function = request.call.context.function
    return function is not None and function.name.value in tracker.token_getters


def _sends_imported_token(tracker: ResponseTracker, request: RequestSite) -> bool:
    """``streaming.new`` sends ``Authorization: Bearer`` in a module without create_token calls,
    in a project whose getters' tokens are sent so (``ProjectFacts.paired_token_getters``):
    ``f"Bearer {await self.tokens.get()}"``, through a headers helper too, ``token =
    get_token()`` kept in a local first, or a parameter its caller fills."""
    if request.headers is None:
        return False
    value = request.headers.value
    dicts = header_dicts(value, request.call.context, tracker)
    if dicts is None and isinstance(value, cst.Call):
        # ``headers=_headers(token)``: the dicts the module's helper returns.
        func = value.func
        name = func.attr.value if isinstance(func, cst.Attribute) else dotted_name(func)
        dicts = _dicts_of_functions(name or "", tracker, 0)
    for headers in dicts or []:
        entry = authorization_entry(headers)
        if entry is not None and token_from_elsewhere(tracker, entry.value):
            return True
    return False


def token_from_elsewhere(tracker: ResponseTracker, value: cst.BaseExpression) -> bool:
    """A Bearer value in a module without create_token calls, in a project whose getters'
    tokens are sent so (``ProjectFacts.paired_token_getters``): a getter's call (``await
    self.tokens.get()``) or a name that says token (a ``token`` parameter its caller fills,
    ``self._token``). Some code sends the API key as Bearer: a name without "token" is not
    taken for one."""
    if not tracker.token_getters or any(
        r.endpoint is not None and r.endpoint.key == "create_token" for r in tracker.requests
    ):
        return False
    return any(
        (type(node) is cst.Call and _imported_getter(tracker, node))
        or (type(node) is cst.Name and "token" in node.value.lower())
        for node in walk_nodes(value)
    )


def _imported_getter(tracker: ResponseTracker, call: cst.Call) -> bool:
    """``call`` calls a token getter of another module (no function of that name here)."""
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else dotted_name(func)
    return bool(name) and name in tracker.token_getters and not tracker.functions_named(name)


def _wrapper_sends_token(
    tracker: ResponseTracker, request: RequestSite, requests: list[RequestSite]
) -> bool:
    """Is ``request`` a call of a wrapper of this module that builds its own headers with the
    create_token token (``headers = {"Authorization": f"Bearer {self._token}"}`` inside
    ``_post(path, payload, *, bearer=True)``)?"""
    name = (request.call.name or "").rsplit(".", 1)[-1]
    wrappers = {id(f) for f in tracker.functions_named(name)}
    if not wrappers:
        return False
    sent: list[tuple[cst.BaseExpression, Context]] = [
        (inner.headers.value, inner.call.context)
        for inner in requests
        if inner.headers is not None
        and inner.call.context.function is not None
        and id(inner.call.context.function) in wrappers
    ]
    if not sent:
        # The wrapper's own request is no request site here when its URL is built from a
        # base of another module (``f"{settings.HEYGEN_SERVER}/v1/{endpoint}"``): its
        # ``headers=`` argument still tells how it authenticates.
        sent = [
            (arg.value, call.context)
            for call in tracker.index.calls
            if call.context.function is not None and id(call.context.function) in wrappers
            for arg in call.node.args
            if arg.keyword is not None and arg.keyword.value == "headers"
        ]
    for headers_value, context in sent:
        dicts = header_dicts(headers_value, context, tracker) or []
        for headers in dicts:
            entry = authorization_entry(headers)
            if entry is None:
                continue
            for node in walk_nodes(entry.value):
                # ``f"Bearer {self._token}"``, or ``f"Bearer {self._get_token()}"``: a getter
                # of this module called for every request
                if isinstance(node, (cst.Name, cst.Attribute, cst.Call)) and holds_heygen_token(
                    tracker, node, context
                ):
                    return True
    return False


def holds_heygen_token(
    tracker: ResponseTracker, expr: cst.BaseExpression, context: Context, depth: int = 0
) -> bool:
    """Does ``expr`` hold the ``token`` of a ``create_token`` response?

    Followed through local names, ``self`` attributes and the module's own functions (a
    ``_fetch_token()`` getter), as far as the tracker follows responses.
    """
    if depth > 6:
        return False
    if isinstance(expr, cst.Await):
        # ``token = await get_token(http)``: an async getter's token.
        return holds_heygen_token(tracker, expr.expression, context, depth + 1)
    keyed = data_key_of(expr)
    if keyed is not None:
        origin = tracker.classify(keyed[0], context)
        return keyed[1] == "token" and origin is not None and origin.endpoint_key == "create_token"
    if isinstance(expr, cst.Call):
        if _imported_getter(tracker, expr):
            return True
        func = expr.func
        name = func.attr.value if isinstance(func, cst.Attribute) else dotted_name(func)
        for function in tracker.functions_named(name or ""):
            for value, value_context in tracker.returns_of(function):
                if holds_heygen_token(tracker, value, value_context, depth + 1):
                    return True
        return False
    for value in tracker.bound_values(expr, context):
        value_context = tracker.value_context(value, context)
        if holds_heygen_token(tracker, value, value_context, depth + 1):
            return True
    return False


@dataclass
class SessionUsage:
    """How the code uses its HeyGen sessions, which decides the LiveAvatar mode (5.4).

    Read from the module, and from the whole project when the run has project facts: the
    module that opens a session is often not the one that speaks or streams audio.
    """

    audio: str | None = None
    """Why the code streams its own audio (reads ``realtime_endpoint``, sends ``agent.*``)."""
    text: str | None = None
    """Why the code has the avatar speak text (``streaming.task``)."""
    chat: bool = False
    """Some task asks HeyGen's LLM for a response (``chat``/``talk``, or a dynamic type).
    (Whether a session has a knowledge base is decided per session body:
    :func:`.session_config.carries_context`.)"""

    def mode(self) -> tuple[str, str]:
        if self.audio and not self.text:
            return MODE_LITE, f"LITE: {self.audio}"
        if self.audio and self.text:
            return MODE_LITE, f"LITE: {self.audio}; text tasks cannot be spoken in LITE"
        if self.text:
            return MODE_FULL, f"FULL: {self.text}"
        return MODE_FULL, "FULL: the session uses LiveAvatar's voice and LLM"

    @property
    def mixed(self) -> bool:
        return bool(self.audio and self.text)


def _opens_websocket(name: str | None) -> bool:
    """``websockets.connect``, ``session.ws_connect``, ``websocket.create_connection``..."""
    if not name:
        return False
    lowered = name.lower()
    last = lowered.rsplit(".", 1)[-1]
    return (
        last in ("ws_connect", "create_connection", "websocketapp")
        or ("websocket" in lowered and last in ("connect", "serve"))
        or (last == "connect" and lowered.startswith(("ws.", "websockets")))
    )


def session_usage(
    index: ModuleIndex, streaming: list[RequestSite], project: ProjectFacts | None
) -> SessionUsage:
    usage = SessionUsage()
    # Reading ``realtime_endpoint`` means streaming audio only where the code also opens a
    # WebSocket: many clients just keep the field next to ``url`` and ``access_token``.
    opens_socket = any(_opens_websocket(call.name) for call in index.calls)
    reads_realtime = any(s.key in LITE_RESPONSE_FIELDS for s in index.subscripts)
    for site in index.strings:
        if site.value in OWN_AUDIO_MESSAGES and usage.audio is None:
            usage.audio = f"the code sends its own audio (`{site.value}`)"
        elif site.value in LITE_RESPONSE_FIELDS:
            reads_realtime = True
        elif site.value in CHAT_TASK_TYPES:
            usage.chat = True
        elif site.value == TASK_TYPE_FIELD and _keys_a_chat_value(index, site):
            # ``{"task_type": kind}`` sent through a dispatch helper: no task request site
            # holds this dict, but the caller may still choose ``talk`` (as the project
            # facts' pattern sees it, so one file and its project migrate alike).
            usage.chat = True
    tasks = [r for r in streaming if r.endpoint is not None and r.endpoint.key == "task"]
    if tasks:
        usage.text = "the code has the avatar speak text (`streaming.task`)"
    # ``"task_type": kind``: the caller may well choose ``talk``.
    usage.chat = usage.chat or any(_task_type_may_be_chat(index, r) for r in tasks)
    if reads_realtime and usage.audio is None and (opens_socket or usage.text is None):
        usage.audio = "the code reads `realtime_endpoint` to stream its own audio"
    if project is not None:
        if project.sends_audio and usage.audio is None:
            usage.audio = "the project streams its own audio over the realtime WebSocket"
        if project.sends_text and usage.text is None:
            usage.text = "the project has the avatar speak text (`streaming.task`)"
        usage.chat = usage.chat or project.sends_chat
    return usage


def context_field_named_in(index: ModuleIndex, functions: set[cst.FunctionDef | None]) -> bool:
    """A knowledge-base field named in one of ``functions`` (``None``: module level), as
    code adding it to a session body does (``body.update({"knowledge_base_id": kb})``):
    see :func:`.session_config.carries_context`."""
    return any(
        site.value in CONTEXT_ID_FIELDS and site.context.function in functions
        for site in index.strings
    )


def _keys_a_chat_value(index: ModuleIndex, site: StringSite) -> bool:
    """``"task_type": kind`` whose value is chosen at run time and may be chat or talk."""
    element = index.parents.get(id(site.node))
    return (
        isinstance(element, cst.DictElement)
        and element.key is site.node
        and _may_be_chat(index, element.value, site.context)
    )


def _may_be_chat(index: ModuleIndex, value: cst.BaseExpression, context: Context) -> bool:
    """A task type chosen at run time that may be chat or talk: unless every caller of the
    closure it is a parameter of passes a literal and none is (``speaker("repeat")``)."""
    if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
        return False  # a literal: the literal's own string site says
    chosen = task_type_values(index, value, context)
    return chosen is None or bool(chosen & CHAT_TASK_TYPES)


def _task_type_may_be_chat(index: ModuleIndex, request: RequestSite) -> bool:
    payload = request.payload
    node = find_payload_dict(
        payload.value if payload is not None else None, index, request.call.context
    )
    if node is None:
        return False
    element = dict_keys(node).get(TASK_TYPE_FIELD)
    return element is not None and _may_be_chat(index, element.value, request.call.context)


# Names -------------------------------------------------------------------------------------


def iter_nodes(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """Every node under ``node`` (inclusive), without descending into nested functions/classes."""
    return walk_nodes(node, into_scopes=False)


def mentions(node: cst.CSTNode, name: str) -> bool:
    return any(isinstance(n, cst.Name) and n.value == name for n in iter_nodes(node))


def free_names(expr: cst.CSTNode) -> set[str]:
    """Names an expression reads (attribute names and keywords excluded)."""
    names: set[str] = set()
    skip: set[int] = set()
    for node in iter_nodes(expr):
        if isinstance(node, cst.Attribute):
            skip.add(id(node.attr))
        elif isinstance(node, cst.Arg) and node.keyword is not None:
            skip.add(id(node.keyword))
        elif isinstance(node, cst.Name) and id(node) not in skip:
            names.add(node.value)
    return names


_BUILTIN_NAMES = frozenset(dir(builtins))


def portable(expr: cst.CSTNode, source: Context, target: Context, index: ModuleIndex) -> bool:
    """Would ``expr``, written at ``target``, read the same bindings it reads at ``source``?"""
    for name in free_names(expr):
        if name == "self":
            if source.class_def is None or source.class_def is not target.class_def:
                return False
            continue
        at_source = index.lookup(name, source.scope)
        at_target = index.lookup(name, target.scope)
        if at_source:
            if at_source is not at_target:
                return False
            # A local of another function is not visible here even if named alike.
            if source.function is not target.function and _is_local(name, source.scope):
                return False
            continue
        if name in index.imports or name in _BUILTIN_NAMES:
            continue
        if _is_parameter(name, source) and source.function is target.function:
            continue
        return False
    return True


def _is_local(name: str, scope: Scope) -> bool:
    return isinstance(scope.node, cst.FunctionDef) and name in scope.assignments


def _is_parameter(name: str, context: Context) -> bool:
    function = context.function
    if function is None:
        return False
    params = function.params
    every = (*params.posonly_params, *params.params, *params.kwonly_params)
    star = [params.star_arg, params.star_kwarg]
    return any(p.name.value == name for p in every) or any(
        isinstance(p, cst.Param) and p.name.value == name for p in star
    )


# Payloads and headers --------------------------------------------------------------------


@dataclass
class SessionIdSource:
    """Where a request's body names its session id."""

    expression: cst.BaseExpression
    """Valid at the call: ``sid`` for ``json={"session_id": sid}``, else ``payload["session_id"]``."""
    payload_statement: Statement | None = None
    """``payload = {...}`` that only fed this body: it goes when the body is dropped."""


def session_id_source(request: RequestSite, index: ModuleIndex) -> SessionIdSource | None:
    """How to name, at the call, the session id a request sends in its body."""
    if request.payload is None:
        return None
    context = request.call.context
    value = unwrap_serialiser(request.payload.value, index)
    if isinstance(value, cst.Dict):
        element = dict_keys(value).get(SESSION_ID_FIELD)
        return SessionIdSource(element.value) if element is not None else None
    if not isinstance(value, cst.Name):
        return None
    name = value.value
    assigned = index.lookup(name, context.scope)
    if len(assigned) != 1:
        return None
    bound = assigned[0]
    inner = unwrap_serialiser(bound, index)
    binding = _single_assignment(index, bound)
    # ``payload = {"session_id": sid}`` used only by this body: inline ``sid``, drop the line.
    if isinstance(inner, cst.Dict) and binding is not None:
        element = dict_keys(inner).get(SESSION_ID_FIELD)
        binding_context = index.context_of(binding)
        if (
            element is not None
            and binding_context is not None
            and binding_context.function is context.function
            and _only_use(index, name, request.payload.value, context)
            and portable(element.value, binding_context, context, index)
        ):
            return SessionIdSource(element.value, binding)
    if isinstance(bound, cst.Dict) and (
        SESSION_ID_FIELD in dict_keys(bound) or _subscript_assigned(index, name, context)
    ):
        return SessionIdSource(
            cst.Subscript(
                value=cst.Name(name),
                slice=[cst.SubscriptElement(cst.Index(cst.SimpleString(f'"{SESSION_ID_FIELD}"')))],
            )
        )
    return None


def session_id_expression(request: RequestSite, index: ModuleIndex) -> cst.BaseExpression | None:
    source = session_id_source(request, index)
    return source.expression if source is not None else None


def _single_assignment(index: ModuleIndex, value: cst.BaseExpression) -> Statement | None:
    """The ``name = value`` line holding ``value``, when it is a line of its own."""
    parent = index.parent_of(value)
    if not isinstance(parent, cst.Assign) or len(parent.targets) != 1:
        return None
    line = index.parent_of(parent)
    if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1:
        return line
    return None


def _only_use(index: ModuleIndex, name: str, use: cst.BaseExpression, context: Context) -> bool:
    """Is ``use`` (inside the request) the only read of local ``name`` in its function?"""
    root = context.function
    if root is None:
        return False
    allowed = {id(n) for n in _walk_all(use) if isinstance(n, cst.Name)}
    return all(id(node) in allowed for node in _reads_of(index, root, name))


def _reads_of(index: ModuleIndex, root: cst.CSTNode, name: str) -> Iterator[cst.Name]:
    """Every ``Name`` under ``root`` that reads the variable ``name``."""
    for node in _walk_all(root):
        if (
            isinstance(node, cst.Name)
            and node.value == name
            and _is_reference(index, node)
            and not _is_store(index, node)
        ):
            yield node


def _subscript_assigned(index: ModuleIndex, name: str, context: Context) -> bool:
    for subscript in index.subscripts:
        if (
            subscript.key == SESSION_ID_FIELD
            and subscript.context.scope is context.scope
            and isinstance(subscript.node.value, cst.Name)
            and subscript.node.value.value == name
        ):
            return True
    return False


def header_dicts(
    expr: cst.BaseExpression, context: Context, tracker: ResponseTracker, depth: int = 0
) -> list[cst.Dict] | None:
    """The dict literals a headers expression is built from; ``None`` if it is not static."""
    if depth > 8:
        return None
    index = tracker.index
    if isinstance(expr, cst.Await):  # ``headers=await self._auth()``: an async helper's dict
        return header_dicts(expr.expression, context, tracker, depth + 1)
    if isinstance(expr, cst.Dict):
        found = [expr]
        for element in expr.elements:
            if isinstance(element, cst.StarredDictElement):
                inner = header_dicts(element.value, context, tracker, depth + 1)
                if inner is None:
                    return None
                found.extend(inner)
        return found
    if isinstance(expr, cst.Name):
        values = index.lookup(expr.value, context.scope)
        return _dicts_of_values(values, context, tracker, depth)
    if (
        isinstance(expr, cst.Attribute)
        and isinstance(expr.value, cst.Name)
        and expr.value.value == "self"
    ):
        values = index.lookup_self_attribute(context.class_def, expr.attr.value)
        if values:
            return _dicts_of_values(values, context, tracker, depth)
        return _dicts_of_functions(expr.attr.value, tracker, depth)  # a @property
    if isinstance(expr, cst.Call) and not expr.args:
        func = expr.func
        name = (
            func.value
            if isinstance(func, cst.Name)
            else func.attr.value
            if isinstance(func, cst.Attribute)
            else None
        )
        if name is not None:
            return _dicts_of_functions(name, tracker, depth)
    return None


def _dicts_of_values(
    values: list[cst.BaseExpression], context: Context, tracker: ResponseTracker, depth: int
) -> list[cst.Dict] | None:
    if not values:
        return None
    found: list[cst.Dict] = []
    for value in values:
        inner = header_dicts(value, tracker.index.context_of(value) or context, tracker, depth + 1)
        if inner is None:
            return None
        found.extend(inner)
    return found


def _dicts_of_functions(name: str, tracker: ResponseTracker, depth: int) -> list[cst.Dict] | None:
    functions = tracker.functions_named(name)
    if not functions:
        return None
    found: list[cst.Dict] = []
    for function in functions:
        returns = tracker.returns_of(function)
        if not returns:
            return None
        for value, value_context in returns:
            inner = header_dicts(value, value_context, tracker, depth + 1)
            if inner is None:
                return None
            found.extend(inner)
    return found


def authorization_entry(node: cst.Dict) -> cst.DictElement | None:
    for element in node.elements:
        if isinstance(element, cst.DictElement):
            key = string_value(element.key)
            if key is not None and key.lower() == AUTHORIZATION:
                return element
    return None


# create_token plumbing -----------------------------------------------------------------------


def _token_plumbing(
    flow: SessionFlow, request: RequestSite, streaming: list[RequestSite]
) -> TokenPlumbing | None:
    """The removable plumbing of a ``create_token`` request, or ``None`` when it is not simple.

    Simple means: the token is read once, into one name or ``self`` attribute, by
    statements that do nothing else; and every other use of that name is the value of an
    ``Authorization`` header entry of requests the migration re-authenticates.
    """
    tracker = flow.tracker
    index = tracker.index
    reads = [r for r in tracker.field_reads({"token"}) if r.origin.request is request]
    if len(reads) != 1:
        return None
    read = reads[0]
    statement = read.context.statement
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    if not isinstance(small, cst.Assign) or small.value is not read.node:
        return None
    if len(small.targets) != 1:
        return None
    target = small.targets[0].target
    statements: list[Statement] = [statement]
    request_statement = request.call.context.statement
    if request_statement is not statement:
        extra = _response_statements(tracker, request, statement)
        if extra is None:
            return None
        statements = [*extra, statement]
    removed = {id(s) for s in statements}
    uses = _token_uses(index, target, read.context, removed)
    if uses is None:
        return None
    entries: list[tuple[cst.Dict, cst.DictElement]] = []
    assignments: list[cst.Assign] = []
    for use in uses:
        entry = _enclosing_authorization(index, use)
        if entry is None:
            assignment = _enclosing_default_assignment(index, use)
            if assignment is None:
                return None
            if assignment not in assignments:
                assignments.append(assignment)
            continue
        if entry not in entries:
            entries.append(entry)
    users: list[RequestSite] = []
    client_defaults: list[tuple[cst.Dict, cst.DictElement]] = []
    for dict_node, element in entries:
        if client_default_update(index, dict_node):
            client_defaults.append((dict_node, element))
            continue
        dict_users = _requests_using(tracker, dict_node, streaming)
        if dict_users is None:
            return None
        for user in dict_users:
            if user.endpoint is None or user.endpoint.key not in _REAUTHENTICATED:
                return None
            if user not in users:
                users.append(user)
    entries = [entry for entry in entries if entry not in client_defaults]
    return TokenPlumbing(request, statements, entries, users, client_defaults, assignments)


def client_default_update(index: ModuleIndex, node: cst.Dict) -> bool:
    """``client.headers.update(node)`` or ``httpx.AsyncClient(headers=node)``: ``node`` sets
    an HTTP client's default headers."""
    arg = index.parent_of(node)
    call = index.parent_of(arg) if isinstance(arg, cst.Arg) else None
    if isinstance(arg, cst.Assign) and arg.value is node:
        return _assigns_client_headers(arg)  # ``session.headers = {...}``
    if not isinstance(call, cst.Call):
        return False
    assert isinstance(arg, cst.Arg)
    if arg.keyword is not None and arg.keyword.value == "headers":
        return index.qualified_name(dotted_name(call.func)) in HTTP_CLIENT_CONSTRUCTORS
    return (
        isinstance(call.func, cst.Attribute)
        and call.func.attr.value == "update"
        and isinstance(call.func.value, cst.Attribute)
        and call.func.value.attr.value == "headers"
    )


def _assigns_client_headers(node: cst.Assign) -> bool:
    """``session.headers = ...``: a client's default headers replaced."""
    if len(node.targets) != 1:
        return False
    target = node.targets[0].target
    return type(target) is cst.Attribute and target.attr.value == "headers"


def client_default_assignment(index: ModuleIndex, node: cst.Assign) -> bool:
    """``client.headers["Authorization"] = ...``: ``node`` sets a client's default header."""
    if len(node.targets) != 1:
        return False
    target = node.targets[0].target
    if type(target) is not cst.Subscript or len(target.slice) != 1:
        return False
    index_node = target.slice[0].slice
    key = string_value(index_node.value) if isinstance(index_node, cst.Index) else None
    return (
        key is not None
        and key.lower() == AUTHORIZATION
        and isinstance(target.value, cst.Attribute)
        and target.value.attr.value == "headers"
    )


def client_default_tokens(
    tracker: ResponseTracker, auth_classes: list[TokenAuthClass]
) -> list[cst.DictElement | cst.Assign]:
    """Where the module puts a ``create_token`` token into a client's default headers (then
    every later call of that client, ``streaming.new`` included, was authenticated with it): the
    ``Authorization`` entry of ``self._client.headers.update({...})`` or of a client made with
    ``headers={...}`` (``httpx.AsyncClient(headers={"Authorization": f"Bearer {token}"})``),
    or the assignment ``self.client.headers["Authorization"] = f"Bearer {token}"`` (not
    ``request.headers[...]`` in an auth class's flow: ``auth_classes`` handle those)."""
    index = tracker.index
    in_auth_flows = {id(a) for auth in auth_classes for a in auth.header_sets}
    found: list[cst.DictElement | cst.Assign] = []
    values: list[tuple[cst.DictElement | cst.Assign, cst.BaseExpression, Context]] = []
    for call in index.calls:
        if (call.name or "").endswith("headers.update") and len(call.node.args) == 1:
            value = call.node.args[0].value
        elif index.qualified_name(call.name) in HTTP_CLIENT_CONSTRUCTORS:
            keyword = [a for a in call.node.args if a.keyword and a.keyword.value == "headers"]
            if not keyword:
                continue
            value = keyword[0].value
        else:
            continue
        if isinstance(value, cst.Dict):
            entry = authorization_entry(value)
            if entry is not None:
                values.append((entry, entry.value, call.context))
            continue
        # ``httpx.AsyncClient(headers=self._headers)``: the dict kept under that name.
        for headers in header_dicts(value, call.context, tracker) or []:
            entry = authorization_entry(headers)
            if entry is not None:
                values.append((entry, entry.value, index.context_of(headers) or call.context))
    for site in index.subscripts:
        if site.key.lower() != AUTHORIZATION:
            continue
        target = index.parent_of(site.node)
        assign = index.parent_of(target) if isinstance(target, cst.AssignTarget) else None
        if (
            isinstance(assign, cst.Assign)
            and id(assign) not in in_auth_flows
            and client_default_assignment(index, assign)
        ):
            values.append((assign, assign.value, site.context))
    for string in index.strings:
        # ``session.headers = {"Authorization": f"Bearer {token}", ...}``
        if string.value.lower() != AUTHORIZATION:
            continue
        element = index.parent_of(string.node)
        holder = index.parent_of(element) if isinstance(element, cst.DictElement) else None
        assign = index.parent_of(holder) if isinstance(holder, cst.Dict) else None
        if (
            isinstance(element, cst.DictElement)
            and element.key is string.node
            and isinstance(assign, cst.Assign)
            and assign.value is holder
            and _assigns_client_headers(assign)
        ):
            values.append((element, element.value, string.context))
    for holder, value, context in values:
        if token_from_elsewhere(tracker, value) or any(
            # ``f"Bearer {data['token']}"`` reads the token out of the parsed response
            isinstance(node, (cst.Name, cst.Attribute, cst.Subscript))
            and holds_heygen_token(tracker, node, context)
            for node in walk_nodes(value)
        ):
            found.append(holder)
    return found


def _response_statements(
    tracker: ResponseTracker, request: RequestSite, token_statement: Statement
) -> list[Statement] | None:
    """``r = <create_token request>`` (plus ``r.raise_for_status()``-style lines) before the token read."""
    context = request.call.context
    statement = context.statement
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    if not isinstance(small, cst.Assign) or len(small.targets) != 1:
        return None
    value = small.value.expression if isinstance(small.value, cst.Await) else small.value
    if value is not request.node:
        return None
    target = small.targets[0].target
    if not isinstance(target, cst.Name):
        return None
    name = target.value
    owner = context.body_owner
    body = getattr(owner, "body", None)
    if not isinstance(body, (list, tuple)):
        return None
    result: list[Statement] = [statement]
    if statement not in body or token_statement not in body:
        return None
    start = body.index(statement)
    for other in body[start + 1 :]:
        if other is token_statement:
            continue
        if not isinstance(other, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            continue
        if not any(isinstance(n, cst.Name) and n.value == name for n in _walk_all(other)):
            continue  # (closures included: a nested function reading ``r`` keeps it alive)
        if _rebinds(other, name):
            break  # ``r = await client.post(<the next call>)``: later reads are of that one
        # Only bare expression lines (``r.raise_for_status()``) may go with the request.
        if isinstance(other, cst.SimpleStatementLine) and all(
            isinstance(s, cst.Expr) for s in other.body
        ):
            result.append(other)
            continue
        return None
    return result


def _rebinds(statement: cst.CSTNode, name: str) -> bool:
    """``name = <value not reading name>``: the statement binds ``name`` anew."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return False
    small = statement.body[0]
    if not isinstance(small, cst.Assign) or len(small.targets) != 1:
        return False
    target = small.targets[0].target
    return (
        isinstance(target, cst.Name)
        and target.value == name
        and not any(isinstance(n, cst.Name) and n.value == name for n in _walk_all(small.value))
    )


def _token_uses(
    index: ModuleIndex, target: cst.BaseExpression, context: Context, removed: set[int]
) -> list[cst.CSTNode] | None:
    """Every read of the token name or attribute outside the removed statements."""
    uses: list[cst.CSTNode] = []
    if isinstance(target, cst.Name):
        name = target.value
        function = context.function
        roots: list[cst.CSTNode] = [function] if function is not None else [index.module]
        for root in roots:
            for node in _walk_all(root):
                if type(node) is cst.Name and node.value == name and node is not target:
                    if not _is_reference(index, node):
                        if isinstance(index.parent_of(node), cst.Param):
                            return None  # a parameter of the same name: another variable
                        continue
                    if is_inside(index, node, removed):
                        continue
                    if _is_store(index, node):
                        return None
                    uses.append(node)
        if function is None:
            return uses  # module-level token: uses inside functions were walked too
        return uses
    if (
        isinstance(target, cst.Attribute)
        and isinstance(target.value, cst.Name)
        and target.value.value == "self"
        and context.class_def is not None
    ):
        attr = target.attr.value
        # ``client.token`` read from outside the class: the attribute escapes.
        for node in _walk_all(index.module):
            if (
                isinstance(node, cst.Attribute)
                and node.attr.value == attr
                and not (isinstance(node.value, cst.Name) and node.value.value == "self")
            ):
                return None
        for node in _walk_all(context.class_def):
            if (
                isinstance(node, cst.Attribute)
                and node is not target
                and node.attr.value == attr
                and isinstance(node.value, cst.Name)
                and node.value.value == "self"
            ):
                if is_inside(index, node, removed):
                    continue
                if _is_store(index, node):
                    # ``self.token = None`` in ``__init__``: a harmless default, kept.
                    continue
                uses.append(node)
        return uses
    return None


def _walk_all(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    return walk_nodes(node)


def _is_reference(index: ModuleIndex, node: cst.Name) -> bool:
    """A ``Name`` that reads a variable (not an attribute name, keyword or parameter)."""
    parent = index.parent_of(node)
    if isinstance(parent, cst.Attribute) and parent.attr is node:
        return False
    if isinstance(parent, cst.Arg) and parent.keyword is node:
        return False
    return not isinstance(
        parent, (cst.Param, cst.ImportAlias, cst.AsName, cst.FunctionDef, cst.ClassDef)
    )


def name_references(node: cst.CSTNode, index: ModuleIndex) -> dict[str, int]:
    """How often each name is read under ``node`` (attribute names and keywords excluded)."""
    counts: dict[str, int] = {}
    for current in _walk_all(node):
        if isinstance(current, cst.Name) and _is_reference(index, current):
            counts[current.value] = counts.get(current.value, 0) + 1
    return counts


def _is_store(index: ModuleIndex, node: cst.CSTNode) -> bool:
    parent = index.parent_of(node)
    return isinstance(parent, cst.AssignTarget) or (
        isinstance(parent, cst.AnnAssign) and parent.target is node
    )


def _enclosing_authorization(
    index: ModuleIndex, use: cst.CSTNode
) -> tuple[cst.Dict, cst.DictElement] | None:
    """The ``"Authorization": ...`` entry whose value contains ``use``."""
    value = _header_value_of(index, use)
    parent = index.parent_of(value)
    if isinstance(parent, cst.DictElement) and parent.value is value:
        key = string_value(parent.key)
        holder = index.parent_of(parent)
        if key is not None and key.lower() == AUTHORIZATION and isinstance(holder, cst.Dict):
            return holder, parent
    return None


def _enclosing_default_assignment(index: ModuleIndex, use: cst.CSTNode) -> cst.Assign | None:
    """The ``client.headers["Authorization"] = ...`` assignment whose value contains ``use``."""
    value = _header_value_of(index, use)
    parent = index.parent_of(value)
    if isinstance(parent, cst.Assign) and parent.value is value:
        return parent if client_default_assignment(index, parent) else None
    return None


def _header_value_of(index: ModuleIndex, use: cst.CSTNode) -> cst.CSTNode:
    """The whole header value ``use`` is part of: ``f"Bearer {token}"``, ``"Bearer " + token``,
    ``str(token)``."""
    current = use
    while True:
        parent = index.parent_of(current)
        if isinstance(
            parent,
            (cst.FormattedString, cst.FormattedStringExpression, cst.BinaryOperation),
        ) or (isinstance(parent, (cst.Call, cst.Arg)) and _is_str_call(index, parent)):
            current = parent
            continue
        return current


def _is_str_call(index: ModuleIndex, node: cst.CSTNode) -> bool:
    if isinstance(node, cst.Arg):
        node = index.parent_of(node) or node
    return isinstance(node, cst.Call) and dotted_name(node.func) == "str"


def _requests_using(
    tracker: ResponseTracker, dict_node: cst.Dict, streaming: list[RequestSite]
) -> list[RequestSite] | None:
    """Streaming requests whose headers are built from ``dict_node``.

    ``None`` when the dict may also reach something else: a non-streaming request, or a
    name or function whose every use cannot be seen.
    """
    index = tracker.index
    users: list[RequestSite] = []
    for request in tracker.requests:
        if request.headers is None:
            continue
        dicts = header_dicts(request.headers.value, request.call.context, tracker)
        if dicts is not None and any(d is dict_node for d in dicts):
            users.append(request)
    if not users:
        return None
    # The dict must be reachable only through those headers arguments.
    holder = _binding_of(index, dict_node)
    if holder is None:
        return users  # inline in a headers argument
    kind, name, scope_root = holder
    allowed = {id(u.headers.value) for u in users if u.headers is not None}
    if kind == "name":
        for node in _reads_of(index, scope_root, name):
            if id(node) not in allowed and not _is_starred_in_allowed(index, node, allowed):
                return None
        return users
    if kind == "function":
        for call in index.calls:
            func = call.node.func
            callee = func.attr.value if isinstance(func, cst.Attribute) else dotted_name(func)
            if (
                callee == name
                and id(call.node) not in allowed
                and not _is_starred_in_allowed(index, call.node, allowed)
            ):
                return None
        return users
    return None


def _is_starred_in_allowed(index: ModuleIndex, node: cst.CSTNode, allowed: set[int]) -> bool:
    parent = index.parent_of(node)
    if isinstance(parent, cst.StarredDictElement):
        holder = index.parent_of(parent)
        return holder is not None and id(holder) in allowed
    return False


def _binding_of(index: ModuleIndex, dict_node: cst.Dict) -> tuple[str, str, cst.CSTNode] | None:
    """How a header dict is reached: bound to a name, returned by a function, or inline."""
    parent = index.parent_of(dict_node)
    if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
        target = parent.targets[0].target
        context = index.context_of(index.parent_of(parent) or parent)
        if isinstance(target, cst.Name) and context is not None:
            root: cst.CSTNode = context.function or index.module
            return "name", target.value, root
        return ("unknown", "", index.module)
    if isinstance(parent, cst.Return):
        context = index.context_of(index.parent_of(parent) or parent)
        if context is not None and context.function is not None:
            return "function", context.function.name.value, index.module
        return ("unknown", "", index.module)
    if (
        isinstance(parent, cst.Arg)
        and parent.keyword is not None
        and parent.keyword.value == "headers"
    ):
        return None
    return ("unknown", "", index.module)


# The start response --------------------------------------------------------------------------


# How H2L102 can bind a start response nobody bound (see :func:`bind_shape`).
BARE_PARSE = "bare_parse"
"""``requests.post(...).json()`` / ``wrapper(...)`` as a statement: assign it."""
BARE_CALL = "bare_call"
"""``requests.post(...)`` as a statement: parse it and assign it."""
ASSIGNED = "assigned"
"""``resp = requests.post(...)`` whose ``resp`` is never parsed: parse it on a new line."""
WITH_AS = "with_as"
"""``with ... as resp:`` whose ``resp`` is never parsed: parse it inside the block."""


def bind_shape(tracker: ResponseTracker, request: RequestSite) -> str | None:
    """How a start response that no statement binds can be parsed and kept, if it can."""
    index = tracker.index
    statement = request.call.context.statement
    single_line = isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
    sites = tracker.parse_sites(request)
    if sites:
        site = sites[0]
        parent = index.parent_of(site.node)
        if isinstance(parent, cst.Expr) and single_line and site.context.statement is statement:
            return BARE_PARSE
        return None
    origin = tracker.classify(request.node, request.call.context)
    if origin is None or origin.kind != OBJECT:
        return None
    outer = result_expression(index, request.node)
    holder = index.parent_of(outer)
    if isinstance(holder, cst.Expr) and single_line:
        return BARE_CALL
    if (
        isinstance(holder, cst.Assign)
        and len(holder.targets) == 1
        and isinstance(holder.targets[0].target, cst.Name)
    ):
        return ASSIGNED
    if (
        isinstance(holder, cst.WithItem)
        and holder.asname is not None
        and isinstance(holder.asname.name, cst.Name)
        and isinstance(statement, cst.With)
    ):
        return WITH_AS
    return None


def _start_binding(flow: SessionFlow, request: RequestSite) -> StartBinding | None:
    tracker = flow.tracker
    for site in tracker.parse_sites(request):
        binding = _binding_of_parse(tracker, site)
        if binding is not None:
            return binding
    # Nothing binds the parsed start response. If new-response reads of fields that now
    # come from the start response follow it in the same function, H2L102 binds it.
    context = request.call.context
    after = tracker.position(request.node)
    needs = any(
        read.origin.endpoint_key == "new"
        and read.context.function is context.function
        and tracker.position(read.node) > after
        for read in flow.from_start_reads
    )
    if not needs or bind_shape(tracker, request) is None:
        return None
    name = fresh_name(tracker.index, context, "started")
    return StartBinding(name, True, context, after, planned=True)


def _binding_of_parse(tracker: ResponseTracker, site: ParseSite) -> StartBinding | None:
    node: cst.CSTNode = site.node
    data_level = False
    while True:
        parent = tracker.index.parent_of(node)
        if parent is None:
            return None
        if (
            isinstance(parent, cst.Call)
            and dotted_name(parent.func) is not None
            and (dotted_name(parent.func) or "").endswith("remember_session")
        ):
            node = parent
            continue
        if isinstance(parent, cst.Arg):
            node = parent
            continue
        if isinstance(parent, (cst.Index, cst.SubscriptElement)):
            node = parent
            continue
        if isinstance(parent, cst.Subscript):
            keyed = data_key_of(parent)
            if keyed is None or keyed[1] != "data":
                return None
            data_level = True
            node = parent
            continue
        break
    if isinstance(parent, cst.Assign) and len(parent.targets) == 1:
        target = parent.targets[0].target
        if isinstance(target, cst.Name):
            return StartBinding(
                target.value, data_level, site.context, tracker.position(site.node), planned=False
            )
    return None


def fresh_name(index: ModuleIndex, context: Context, base: str) -> str:
    taken: set[str] = set()
    scope: Scope | None = context.scope
    while scope is not None:
        taken.update(scope.assignments)
        scope = scope.parent
    taken.update(index.imports)
    if context.function is not None:
        params = context.function.params
        taken.update(
            p.name.value for p in (*params.posonly_params, *params.params, *params.kwonly_params)
        )
    if context.function is not None:
        taken.update(n.value for n in _walk_all(context.function) if isinstance(n, cst.Name))
    candidate = base
    suffix = 2
    while candidate in taken:
        candidate = f"{base}_{suffix}"
        suffix += 1
    return candidate


def from_start_binding(flow: SessionFlow, read: FieldRead) -> StartBinding | None:
    """A start-response binding visible at ``read`` and set before it, if any."""
    position = flow.tracker.position(read.node)
    best: StartBinding | None = None
    for request in flow.start_requests:
        binding = flow.start_bindings.get(id(request.node))
        if binding is None:
            continue
        if binding.context.function is not read.context.function:
            continue
        if binding.position >= position:
            continue
        if best is None or binding.position > best.position:
            best = binding
    return best


def bound_parse(sites: list[ParseSite]) -> ParseSite | None:
    """The parse to wrap with ``remember_session``: the first whose value is kept."""
    for site in sites:
        if site.bound:
            return site
    return sites[0] if sites else None


def later_parses(flow: SessionFlow, sites: list[ParseSite], first: ParseSite) -> list[ParseSite]:
    """Parses of the same response after ``first`` in its function (``sid =
    resp.json()["data"]["session_id"]`` ... ``state[chat] = resp.json()["data"]``): they read
    the started session too."""
    at = flow.tracker.position(first.node)
    return [
        site
        for site in sites
        if site is not first
        and site.bound  # a check (``resp.json()["code"] != 100``) reads the token response
        and site.context.function is first.context.function
        and flow.tracker.position(site.node) > at
    ]


def unstarted_token_requests(flow: SessionFlow) -> list[RequestSite]:
    """The module's token requests (formerly ``streaming.new``) whose session H2L101 cannot
    start (no parsed response to hand to ``liveavatar_bridge.start_session``: it marks them).

    While one is left, the module's old start call is the only start of that session: removing
    it would leave the session unstarted and its LiveKit credentials ``None``, a failure far
    from any marker (in the caller that hands them to the viewer).
    """
    index = flow.tracker.index
    return [
        r
        for r in flow.new_requests
        if bound_parse(flow.tracker.parse_sites(r)) is None
        and not checked_response(index, r.node, r.call.context)
    ]


__all__ = [
    "ASSIGNED",
    "AUTHORIZATION",
    "BARE_CALL",
    "BARE_PARSE",
    "WITH_AS",
    "SessionFlow",
    "SessionUsage",
    "StartBinding",
    "TokenPlumbing",
    "authorization_entry",
    "bind_shape",
    "bound_parse",
    "free_names",
    "fresh_name",
    "from_start_binding",
    "header_dicts",
    "holds_heygen_token",
    "iter_nodes",
    "later_parses",
    "mentions",
    "name_references",
    "portable",
    "session_flow",
    "session_id_expression",
    "session_id_source",
    "session_usage",
    "unstarted_token_requests",
]
