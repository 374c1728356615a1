"""Edits that call the helper module ``liveavatar_bridge`` the tool writes into the project.

LiveAvatar's session start, the Bearer session token and the session's release need state
and code the old flow did not have (``start_session``, ``remember_session``,
``bearer_headers``, ``release``). The session rules call the helper for them through these
functions, which import it only when the edit is recorded (not for a suppressed statement)
and never wrap the same expression twice, so a second run changes nothing.
"""

from __future__ import annotations

from typing import Callable, cast

import libcst as cst

from ..analysis.error_contracts import imported_wrapper_error, raised_project_error
from ..analysis.http import RequestSite
from ..analysis.index import Statement, walk_nodes
from ..analysis.layout import append_arg
from ..analysis.model_validations import RAW_VALIDATORS, parsed_body
from ..analysis.responses import (
    ParseSite,
    object_hook_args,
    parsed_response_name,
    without_object_hooks,
)
from ..analysis.session_flow import SessionFlow
from ..analysis.single_evaluation import evaluated_repeatedly
from ..analysis.wrapper_urls import WrapperUrl, wrapper_url
from ..apispec.session_fields import (
    BRIDGE_BEARER_HEADERS,
    BRIDGE_HEYGEN_NAMES,
    BRIDGE_MODULE,
    BRIDGE_REMEMBER,
    BRIDGE_START,
    BRIDGE_START_ASYNC,
    BRIDGE_START_ERROR,
    BRIDGE_STARTED,
)
from .base import RuleContext
from .common import hoist
from .helper_error_handlers import catch_helper_errors, note_handled_start


def bridge_call(module: str, function: str, *args: cst.BaseExpression) -> cst.Call:
    """``<module>.<function>(*args)``: a call into the helper module ``liveavatar_bridge``."""
    return cst.Call(
        func=cst.Attribute(cst.Name(module), cst.Name(function)),
        args=[cst.Arg(_bare(a)) for a in args],
    )


BridgeEdit = Callable[[str, cst.CSTNode], cst.CSTNode]
"""Builds a node that calls the helper module, given the module's local name."""


def transform_with_bridge(ctx: RuleContext, node: cst.CSTNode, build: BridgeEdit) -> bool:
    """``ctx.transform`` for an edit that calls ``liveavatar_bridge``.

    The helper module is imported only when the edit is recorded (not for a suppressed
    statement), and the transform learns its local name then: transforms run after every
    rule has checked the module.
    """
    module: list[str] = []
    if not ctx.transform(node, lambda updated: build(module[0], updated)):
        return False
    module.append(ctx.require_support_module(BRIDGE_MODULE))
    return True


def wrap_in_bridge_call(ctx: RuleContext, node: cst.BaseExpression, function: str) -> bool:
    """``node`` -> ``liveavatar_bridge.<function>(node)``."""

    def wrap(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        return bridge_call(module, function, updated)

    return transform_with_bridge(ctx, node, wrap)


def insert_with_bridge(
    ctx: RuleContext,
    anchor: Statement,
    build: Callable[[str], cst.SimpleStatementLine],
    before: bool = False,
) -> bool:
    """Insert a line that calls ``liveavatar_bridge`` next to ``anchor``, importing it then."""
    line = build(BRIDGE_MODULE)
    inserted = ctx.insert_before(anchor, [line]) if before else ctx.insert_after(anchor, [line])
    if inserted:
        # The support module is imported under its own name (``from . import name`` in a package).
        assert ctx.require_support_module(BRIDGE_MODULE) == BRIDGE_MODULE
    return inserted


def project_error(ctx: RuleContext, request: RequestSite) -> str | None:
    """The project's own exception ``request`` raises when it fails (``error=``), imported
    here when the raising wrapper is another module's."""
    error = raised_project_error(ctx.index, request)
    if error is not None or ctx.project is None:
        return error
    imported = imported_wrapper_error(ctx.index, request, ctx.project.wrapper_errors)
    if imported is None:
        return None
    module, name = imported
    ctx.require_import(module, name)
    return name


def _keyword(name: str, dotted: str) -> cst.Arg:
    """``name=dotted.value`` as a call's keyword argument."""
    value = cst.parse_expression(dotted)
    equal = cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace(""))
    return cst.Arg(value, keyword=cst.Name(name), equal=equal)


def _bare(expr: cst.BaseExpression) -> cst.BaseExpression:
    """The expression without redundant outer parentheses (it becomes a call argument)."""
    if getattr(expr, "lpar", None) and isinstance(
        expr, (cst.Await, cst.Call, cst.Name, cst.Subscript)
    ):
        return expr.with_changes(lpar=[], rpar=[])
    return expr


def is_bridge_call(node: cst.CSTNode | None, function: str) -> bool:
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == function
    )


def wrap_with_remember(ctx: RuleContext, flow: SessionFlow, node: cst.BaseExpression) -> bool:
    """Wrap a parse expression with ``liveavatar_bridge.remember_session(...)`` once."""
    return _wrap_once(ctx, flow, node, BRIDGE_REMEMBER)


def _wrap_once(ctx: RuleContext, flow: SessionFlow, node: cst.BaseExpression, helper: str) -> bool:
    """``expr`` -> ``liveavatar_bridge.<helper>(expr)``, unless it is already its argument."""
    parent = flow.tracker.index.parent_of(node)
    if isinstance(parent, cst.Arg) and is_bridge_call(flow.tracker.index.parent_of(parent), helper):
        return False

    def wrap(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        return bridge_call(module, helper, updated)

    return transform_with_bridge(ctx, node, wrap)


def _response_url(response: cst.Name) -> cst.BaseExpression:
    """``resp.url``: the URL the token request went to (requests, httpx, aiohttp and urllib
    responses all have it), from which the helper derives the start URL."""
    return cst.Attribute(cst.Name(response.value), cst.Name("url"))


def _configured_wrapper_url(ctx: RuleContext, site: ParseSite) -> WrapperUrl | None:
    """The URL of the project wrapper the token request goes through, when its base comes
    from configuration (``f"{self.base_url}/{path}"``, ``base_url`` from the environment or a
    settings module): the helper's default host is not where that request went."""
    request = site.request
    if request.client != "wrapper":
        return None
    found = wrapper_url(ctx.index, ctx.resolver, request.node, request.call.context, ctx.project)
    return found if found is not None and found.configured else None


def _request_in(updated: cst.CSTNode, original: cst.Call) -> cst.Call | None:
    """The (edited) request call ``original`` inside ``updated``, found by its callee."""
    if isinstance(updated, cst.Call) and updated.func.deep_equals(original.func):
        return updated
    for node in walk_nodes(updated):
        if isinstance(node, cst.Call) and node.func.deep_equals(original.func):
            return node
    return None


def wrap_with_start(ctx: RuleContext, flow: SessionFlow, site: ParseSite) -> bool:
    """``resp.json()`` -> ``liveavatar_bridge.start_session(resp.json(), resp.url)``.

    LiveAvatar hands out the LiveKit room (``livekit_url``, ``livekit_client_token``,
    ``livekit_agent_token``) and the LITE ``ws_url`` only from ``POST /v1/sessions/start``, so
    the function that opened a HeyGen session with ``streaming.new`` starts the LiveAvatar
    session right after its token call and returns the token response with start's data
    merged in: what its callers read (``url`` -> ``livekit_url`` ...) is there again.
    """
    node = site.node
    index = flow.tracker.index
    parent = index.parent_of(node)
    if isinstance(parent, cst.Arg):
        call = index.parent_of(parent)
        if is_bridge_call(call, BRIDGE_START) or is_bridge_call(call, BRIDGE_START_ASYNC):
            return False
        if is_bridge_call(call, BRIDGE_REMEMBER):
            node = call  # type: ignore[assignment]
            parent = index.parent_of(node)
    if site.object_hook:
        return _rehook(ctx, site, BRIDGE_START)
    function = site.context.function
    asynchronous = function is not None and function.asynchronous is not None
    raw = site.raw_validation
    parsed = site.node if raw is None else parsed_body(site.node) or site.node
    response = parsed_response_name(parsed)
    needs_parens = isinstance(parent, (cst.Subscript, cst.Attribute)) or (
        isinstance(parent, cst.Call) and parent.func is node
    )
    through_wrapper = _configured_wrapper_url(ctx, site) if response is None else None
    original_request = site.request.node
    if through_wrapper is not None and through_wrapper.at_call(original_request) is None:
        ctx.manual(
            original_request,
            "the session is started on `$LIVEAVATAR_API_URL` (default https://api.liveavatar.com), "
            "not on this wrapper's configured base: pass the URL this token request goes to as "
            "`liveavatar_bridge.start_session`'s second argument",
        )
        through_wrapper = None
    # A failed start raises what the failed request raised, for the project's own handlers.
    error = project_error(ctx, site.request)

    def wrap(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        if is_bridge_call(updated, BRIDGE_REMEMBER):
            assert isinstance(updated, cst.Call)
            updated = updated.args[0].value
        if raw is not None:
            updated = parsed_body(updated) or updated  # the body's JSON, for its mapping validator
        args = [updated] if response is None else [updated, _response_url(response)]
        sent = _request_in(updated, original_request) if through_wrapper else None
        token_url = through_wrapper.at_call(sent) if through_wrapper and sent else None
        if token_url is not None:
            args.append(token_url)  # the wrapper's configured base, not the helper's default
        call = bridge_call(module, BRIDGE_START_ASYNC if asynchronous else BRIDGE_START, *args)
        if error is not None:
            call = call.with_changes(args=[*call.args, _keyword(BRIDGE_START_ERROR, error)])
        if not asynchronous:
            return _rewrapped(module, call)
        awaited = cst.Await(call)
        if needs_parens and site.rewrap is None:
            awaited = awaited.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        return _rewrapped(module, awaited)

    def _rewrapped(module: str, started: cst.BaseExpression) -> cst.BaseExpression:
        # ``AttrDict(liveavatar_bridge.with_heygen_names(liveavatar_bridge.start_session(...)))``:
        # the wrapper's attribute dict, which the helper's merged (plain) dict is not; its
        # readers use attributes (``info.url``), which no rename follows, so HeyGen's names
        # are kept beside LiveAvatar's (as for an ``object_hook``).
        if site.rewrap is None:
            return started
        named = bridge_call(module, BRIDGE_HEYGEN_NAMES, started)
        return cst.Call(cst.Name(site.rewrap), [cst.Arg(named)])

    statement = site.context.statement
    if evaluated_repeatedly(index.parent_of, node, statement):
        # ``{k: r.json()["data"][k] for k in KEYS}``: started once, before the statement.
        bridge = ctx.require_support_module(BRIDGE_MODULE)
        started = hoist(ctx, cast(cst.BaseExpression, wrap(bridge, node)), statement, site.context)
        if started is None or not ctx.replace(node, started):
            return False
    elif not transform_with_bridge(ctx, node, wrap):
        return False
    if error is None:
        catch_helper_errors(ctx, node, "session start")
    else:
        note_handled_start(ctx, node)
    if raw is not None:
        # ``model_validate_json(<body>)`` -> ``model_validate(<the started session's JSON>)``.
        mapping_method = RAW_VALIDATORS[raw.method.value]
        ctx.replace(raw.method, raw.method.with_changes(value=mapping_method))
    return True


def wrap_as_started(ctx: RuleContext, flow: SessionFlow, site: ParseSite) -> bool:
    """A later parse of a token response :func:`wrap_with_start` wrapped: ``resp.json()`` ->
    ``liveavatar_bridge.started_session(resp.json())``, the session started there (with its
    LiveKit room), not a second start."""
    if site.object_hook:
        return _rehook(ctx, site, BRIDGE_STARTED)
    return _wrap_once(ctx, flow, site.node, BRIDGE_STARTED)


def _rehook(ctx: RuleContext, site: ParseSite, helper: str) -> bool:
    """``json.loads(resp.text, object_hook=h)`` -> ``json.loads(json.dumps(
    liveavatar_bridge.with_heygen_names(liveavatar_bridge.start_session(json.loads(resp.text),
    resp.url))), object_hook=h)`` (``await liveavatar_bridge.start_session_async(...)`` in a
    coroutine).

    The helper takes and returns the JSON dicts, so the parse loses its hook, and the started
    session goes back through the same hook: the caller gets its objects again. Their readers
    use attributes (``sess.url``), which no rename follows: HeyGen's names are kept beside
    LiveAvatar's. A round trip through ``json.dumps`` is what a hand migration writes too; the
    response is small.
    """
    node, function = site.node, site.context.function
    if not isinstance(node, cst.Call):
        return False
    asynchronous = helper == BRIDGE_START and function is not None and bool(function.asynchronous)
    response = parsed_response_name(without_object_hooks(node))
    if helper != BRIDGE_START:
        response = None  # ``started_session`` takes the parsed response only

    def rehook(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        plain = without_object_hooks(updated)
        args = [plain] if response is None else [plain, _response_url(response)]
        started: cst.BaseExpression = bridge_call(
            module, BRIDGE_START_ASYNC if asynchronous else helper, *args
        )
        if asynchronous:
            started = cst.Await(started)
        named = bridge_call(module, BRIDGE_HEYGEN_NAMES, started)
        dumped = cst.Call(cst.Attribute(cst.Name("json"), cst.Name("dumps")), [cst.Arg(named)])
        loads = cst.Attribute(cst.Name("json"), cst.Name("loads"))
        return cst.Call(loads, [cst.Arg(dumped), *object_hook_args(updated)])

    if not transform_with_bridge(ctx, node, rehook):
        return False
    ctx.require_import("json")
    return True


def wrap_headers_with_bearer(
    ctx: RuleContext, request: RequestSite, session_id: cst.BaseExpression
) -> bool:
    """``headers=X`` -> ``headers=liveavatar_bridge.bearer_headers(session_id, X)``."""
    if request.headers is None:

        def add(module: str, updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            new_arg = cst.Arg(
                bridge_call(module, BRIDGE_BEARER_HEADERS, session_id.deep_clone()),
                keyword=cst.Name("headers"),
                equal=cst.AssignEqual(
                    whitespace_before=cst.SimpleWhitespace(""),
                    whitespace_after=cst.SimpleWhitespace(""),
                ),
            )
            return updated.with_changes(args=append_arg(list(updated.args), new_arg))

        return transform_with_bridge(ctx, request.node, add)
    value = request.headers.value
    if is_bridge_call(value, BRIDGE_BEARER_HEADERS):
        return False

    def wrap(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        if isinstance(updated, cst.Dict) and not updated.elements:
            # Emptied by the removal of the HeyGen token header: nothing left to pass on.
            return bridge_call(module, BRIDGE_BEARER_HEADERS, session_id.deep_clone())
        return bridge_call(module, BRIDGE_BEARER_HEADERS, session_id.deep_clone(), updated)

    return transform_with_bridge(ctx, value, wrap)


__all__ = [
    "BridgeEdit",
    "bridge_call",
    "insert_with_bridge",
    "is_bridge_call",
    "transform_with_bridge",
    "wrap_as_started",
    "wrap_headers_with_bearer",
    "wrap_with_remember",
    "wrap_with_start",
]
