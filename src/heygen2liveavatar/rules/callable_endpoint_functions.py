"""Callable endpoint objects spelled as the functions they stand for on LiveAvatar.

See :mod:`..analysis.callable_endpoints`. Like the descriptor spelling
(``rules/descriptor_methods.py``), the rewrite happens alone in its pass; unlike it, the
functions are written already migrated (no request is left for the next pass to follow: the
instance's request lives in the class's ``__call__``, shared with the endpoints that keep it):

- ``streaming.new``: the instance keeps the token path under a private name, and the function
  maps the HeyGen-era keywords with ``liveavatar_bridge.session_body``, starts the session
  with the token response and returns it with HeyGen's names too, in ``__call__``'s shape;
- ``streaming.start``: the session is already started; the function returns what
  ``__call__`` made of HeyGen's start response (``data`` was null);
- tasks, interrupt, listening: the event in the session's room, answered as HeyGen did.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.callable_endpoints import CallableEndpoint, callable_endpoints
from ..analysis.session_flow import session_flow
from ..apispec import CONTROL_EVENTS, find_endpoints
from ..apispec.events import (
    BRIDGE_EMIT,
    BRIDGE_MODULE,
    BRIDGE_SPEAK_EVENT_TYPE,
    BRIDGE_TASK_RESPONSE,
    LIVEKIT_PACKAGE,
    SESSION_ID_FIELD,
    TASK_TEXT_FIELD,
    TASK_TYPE_FIELD,
)
from ..apispec.session_fields import HEYGEN_STARTED_ENVELOPE, MODE_FULL
from .base import RuleContext

SPELLING_RULE = "H2L901"
"""The rule the rewrite reports under: without it, the instances stay (and are marked)."""


def spell_callable_endpoints(ctx: RuleContext) -> bool:
    """Replace each module-level endpoint instance whose calls change shape on LiveAvatar by
    its function; ``True`` when one was replaced (the module's other rules wait a pass)."""
    if SPELLING_RULE not in ctx.selected or "__call__" not in ctx.index.code:
        return False
    requests = frozenset(id(site.node) for site in ctx.requests)
    endpoints = callable_endpoints(ctx.index.module, requests)
    if not endpoints:
        return False
    flow = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project)
    if flow.usage is None or flow.usage.mode()[0] != MODE_FULL or flow.usage.chat:
        # Own audio: a LITE session, whose speech is no event of the room. Chat tasks: a
        # FULL session answers them only with a Context, which only the callers' keywords
        # can carry: the instances stay, marked where they are declared.
        return False
    ctx.rule_code = SPELLING_RULE
    bridge = ctx.require_support_module(BRIDGE_MODULE)
    module_names = _module_names(ctx.index.module)
    taken = set(module_names)
    spelled = {id(endpoint.statement) for endpoint in endpoints}
    done = False
    for endpoint in endpoints:
        instance, function = _spelled(endpoint, bridge, taken, module_names)
        if instance is None:
            if not ctx.replace(endpoint.statement, function):
                continue
        elif not ctx.replace(endpoint.statement, instance):
            continue
        else:
            ctx.insert_after(endpoint.statement, [function])
        done = True
        if endpoint.key != "start":
            ctx.require_package(LIVEKIT_PACKAGE)
        ctx.fixed(
            endpoint.path,
            f"`{endpoint.name} = {_class_name(endpoint)}(...)` is spelled as the function it "
            f"stands for on LiveAvatar (`def {endpoint.name}(**body)`): "
            f"`streaming.{endpoint.key}` calls change shape",
        )
        following = _next_statement(ctx.index.module, endpoint.statement)
        if following is not None and id(following) not in spelled:
            ctx.transform(following, _after_function)  # PEP 8: two blank lines after a def
    return done


def _spelled(
    endpoint: CallableEndpoint, bridge: str, taken: set[str], module_names: set[str]
) -> tuple[cst.SimpleStatementLine | None, cst.FunctionDef]:
    """The function standing for the instance; for ``new``, also the token instance that
    replaces it (the function follows it)."""
    name, key = endpoint.name, endpoint.key
    data = '["data"]' if endpoint.data_part else ""
    if key == "new":
        token = _free(f"_{name}_token", taken)
        path = endpoint.path.with_changes(value=_token_path(endpoint.path))
        call = endpoint.call.with_changes(
            args=[endpoint.call.args[0].with_changes(value=path), *endpoint.call.args[1:]]
        )
        instance = endpoint.statement.with_changes(
            body=[cst.Assign([cst.AssignTarget(cst.Name(token))], call)]
        )
        # The host the instance joins the path to, when it is a module-level name (a name of
        # ``__call__`` means nothing here): without it the bridge uses LiveAvatar's API host.
        host = ""
        if isinstance(endpoint.host, cst.Name) and endpoint.host.value in module_names:
            host = f", {endpoint.host.value}"
        body = f'{bridge}.session_body(body, "{MODE_FULL}")'
        started = f"{bridge}.start_session({token}(**{body}){host})"
        code = (
            f"def {name}(**body):\n"
            '    """A LiveAvatar session: the token call, then the session started with it."""\n'
            f"    return {bridge}.with_heygen_names({started})\n"
        )
        return instance, _function(code, [cst.EmptyLine(indent=False)] * 2)
    if key == "start":
        returned = "{}" if endpoint.data_part else HEYGEN_STARTED_ENVELOPE
        code = (
            f"def {name}(**body):\n"
            "    # LiveAvatar: the session is started where its token is created "
            f"({bridge}.start_session).\n"
            f"    return {returned}\n"
        )
        return None, _function(code, _leading(endpoint))
    session = f'body["{SESSION_ID_FIELD}"]'
    if key == "task":
        event = f'{bridge}.{BRIDGE_SPEAK_EVENT_TYPE}(body.get("{TASK_TYPE_FIELD}"))'
        sent = f'{bridge}.{BRIDGE_EMIT}({session}, {event}, text=body["{TASK_TEXT_FIELD}"])'
    else:
        sent = f'{bridge}.{BRIDGE_EMIT}({session}, "{CONTROL_EVENTS[key]}")'
    code = f"def {name}(**body):\n    return {bridge}.{BRIDGE_TASK_RESPONSE}({sent}){data}\n"
    return None, _function(code, _leading(endpoint))


def _function(code: str, leading: list[cst.EmptyLine]) -> cst.FunctionDef:
    function = cst.parse_statement(code)
    assert isinstance(function, cst.FunctionDef)
    return function.with_changes(leading_lines=leading)


def _leading(endpoint: CallableEndpoint) -> list[cst.EmptyLine]:
    """The instance's comments, after the two blank lines PEP 8 puts before a function."""
    leading = list(endpoint.statement.leading_lines)
    blanks = next((i for i, line in enumerate(leading) if line.comment is not None), len(leading))
    return [cst.EmptyLine(indent=False)] * max(0, 2 - blanks) + leading


def _next_statement(
    module: cst.Module, statement: cst.BaseStatement
) -> cst.SimpleStatementLine | None:
    body = list(module.body)
    for position, candidate in enumerate(body[:-1]):
        if candidate is statement:
            following = body[position + 1]
            return following if isinstance(following, cst.SimpleStatementLine) else None
    return None


def _after_function(updated: cst.CSTNode) -> cst.CSTNode:
    assert isinstance(updated, cst.SimpleStatementLine)
    leading = list(updated.leading_lines)
    blanks = next((i for i, line in enumerate(leading) if line.comment is not None), len(leading))
    missing = [cst.EmptyLine(indent=False)] * max(0, 2 - blanks)
    return updated.with_changes(leading_lines=[*missing, *leading])


def _token_path(path: cst.SimpleString) -> str:
    """The literal with ``/v1/streaming.new`` replaced by LiveAvatar's token path."""
    text = path.value
    match = find_endpoints(text)[0]
    endpoint = match.endpoint
    assert endpoint.liveavatar_path is not None
    return text[: match.start] + endpoint.liveavatar_path + text[match.end :]


def _free(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}{number}", number + 1
    taken.add(candidate)
    return candidate


def _module_names(module: cst.Module) -> set[str]:
    return {
        target.target.value
        for statement in module.body
        if isinstance(statement, cst.SimpleStatementLine)
        for small in statement.body
        if isinstance(small, cst.Assign)
        for target in small.targets
        if isinstance(target.target, cst.Name)
    } | {s.name.value for s in module.body if isinstance(s, (cst.FunctionDef, cst.ClassDef))}


def _class_name(endpoint: CallableEndpoint) -> str:
    func = endpoint.call.func
    return func.value if isinstance(func, cst.Name) else "..."
