"""H2L101's rewrite of the ``streaming.new`` body into the ``/v1/sessions/token`` body.

The body is found wherever it was built (inline, a dict filled over several lines, a
sub-dict built apart, ``json.dumps(...)``), mapped with :mod:`..analysis.session_config`,
and what the mapping leaves for a person is marked: a LITE/FULL choice the code half
contradicts, a chat flow without a Context, literal ids that have new UUIDs in LiveAvatar.
Imports that only fed a dropped field go too.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.http import RequestSite
from ..analysis.index import string_value
from ..analysis.payloads import (
    constant_dict,
    constructs_object,
    find_payload_dict,
    is_run_time_body,
    mutated_in_place,
    payload_variable,
    subscript_assignments,
    unwrap_serialiser,
)
from ..analysis.session_config import (
    SpreadResolver,
    carries_context,
    plan_body,
    spreads_unknown_fields,
)
from ..analysis.session_flow import SessionFlow, context_field_named_in, name_references
from ..analysis.token_body import map_body
from ..analysis.wrapper_serializers import body_serializer
from ..apispec.session_fields import BRIDGE_SESSION_BODY, MODE_FULL
from .base import RuleContext
from .bridge_calls import bridge_call, is_bridge_call, transform_with_bridge
from .payload_subscript_lines import map_alias_lines, map_nested_subscript_line, map_subscript_line
from .session_body_reads import map_body_reads
from .session_values import body_value_findings


def map_session_body(ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
    """Map the body of a ``streaming.new`` request (the literal and the lines that fill it)."""
    payload = request.payload
    serializer = body_serializer(ctx.index, request.node)
    if serializer is not None:
        chosen = (
            f" (`{ctx.index.module.code_for_node(serializer.argument)}` here)"
            if serializer.argument is not None
            else ""
        )
        ctx.manual(
            request.node,
            f"`{serializer.wrapper}` sends `{serializer.sent}`: its serializer{chosen} decides "
            "which fields go, so it must send the /v1/sessions/token body this dict now holds "
            "(`mode`, `avatar_id`, `avatar_persona`, `video_settings`), or the dict as it is",
        )
    if payload is not None and request.keyword_body:
        if not _map_keywords_statically(ctx, flow, request):
            _map_keywords(ctx, flow, request)
        return
    if payload is None:
        ctx.manual(
            request.node,
            "send the session configuration (at least `avatar_id` and `mode`) as the JSON body "
            "of /v1/sessions/token",
        )
        return
    node = find_payload_dict(payload.value, ctx.index, request.call.context)
    name = payload_variable(payload.value, ctx.index)
    if node is not None and name is not None and mutated_in_place(ctx.index, name, node):
        # ``body.update(cfg)`` / ``body |= {...}``: keys the literal does not show are sent
        # too, so the whole body is mapped when it is sent.
        node = None
    if node is None and _map_at_run_time(ctx, flow, unwrap_serialiser(payload.value, ctx.index)):
        return
    if node is None:
        ctx.manual(
            request.node,
            "map this body to /v1/sessions/token fields by hand: `mode`, `avatar_id`, "
            "`video_settings{quality, encoding}`, `avatar_persona{voice_id, context_id, language}`",
        )
        return
    # The constants a spread names are looked up where the body is written.
    body_statement = ctx.statement_of(node)
    context = (
        ctx.index.context_of(body_statement) if body_statement is not None else None
    ) or request.call.context

    def spread(value: cst.BaseExpression) -> cst.Dict | None:
        return constant_dict(value, ctx.index, context)

    if spreads_unknown_fields(node, spread) and _map_at_run_time(
        ctx, flow, unwrap_serialiser(payload.value, ctx.index), whole_dict=True
    ):
        return  # ``{**self.defaults, "avatar_id": a}``: mapped as a whole when it is sent
    lines = subscript_assignments(ctx.index, name, node) if name is not None else []
    assigned = {key for key, _line in lines}
    plan = plan_body(node, flow.mode, assigned, whole=True, spread=spread)
    if plan is None:
        return
    statement = ctx.statement_of(node)
    mode = flow.mode

    def mapped(bridge: str | None, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Dict)
        return map_body(updated, mode, assigned, spread, bridge)

    if (
        transform_with_bridge(ctx, node, mapped)
        if plan.runtime
        else ctx.transform(node, lambda updated: mapped(None, updated))
    ):
        ctx.fixed(
            node,
            f'maps the streaming.new body to /v1/sessions/token fields, `mode: "{mode}"` '
            f"({flow.mode_reason})",
        )
    _mode_findings(ctx, flow, request, node, assigned, spread)
    for note in plan.notes:
        if note.manual:
            ctx.manual(note.node, note.message, statement)
        else:
            ctx.fixed(note.node, note.message)
    body_value_findings(ctx, node, statement, mode)
    dropped: list[cst.CSTNode] = list(plan.dropped)
    aliased = map_alias_lines(ctx, flow, name, node, lines) if name is not None else set()
    for key, line in lines:
        if id(line) not in aliased:
            dropped.extend(map_subscript_line(ctx, flow, key, line, request))
    if name is not None:
        for key, line in subscript_assignments(ctx.index, name, node, nested=True):
            map_nested_subscript_line(ctx, flow, key, line)
        map_body_reads(ctx, name, node, lines)
    _prune_imports(ctx, dropped)


def _keyword_body(call: cst.Call) -> tuple[cst.Dict, dict[int, cst.CSTNode]] | None:
    """The keywords a wrapper sends as its body, as a dict (``None`` with a ``**`` argument:
    keys unknown here), and the keyword argument each of its entries stands for."""
    if any(arg.star == "**" for arg in call.args):
        return None
    elements: list[cst.DictElement] = []
    origins: dict[int, cst.CSTNode] = {}
    for arg in call.args:
        if arg.keyword is None:
            continue
        key = cst.SimpleString(f'"{arg.keyword.value}"')
        element = cst.DictElement(key, arg.value)
        origins[id(element)] = origins[id(key)] = arg
        elements.append(element)
    return cst.Dict(elements), origins


def _map_keywords_statically(ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> bool:
    """``_call(client, "/v1/streaming.new", avatar_id=a, quality=q, version="v2")``: the
    keywords mapped as a body literal is (``mode="FULL", avatar_id=a, video_settings={...},
    avatar_persona={}``), when every field is known here; ``False`` (nothing done) otherwise."""
    found = _keyword_body(request.node)
    if found is None:
        return False
    node, origins = found
    mode = flow.mode
    plan = plan_body(node, mode, set(), whole=True)
    if plan is None or plan.runtime:
        return False

    def as_keywords(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        rebuilt = _keyword_body(updated)
        assert rebuilt is not None
        mapped = map_body(rebuilt[0], mode, set(), None, None)
        assert isinstance(mapped, cst.Dict)
        # The call's own layout: the separator between its first two arguments (one per line,
        # or on one line) and its last argument's comma (a trailing one stays).
        original = list(updated.args)
        between = (
            original[0].comma
            if len(original) > 1 and isinstance(original[0].comma, cst.Comma)
            else cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
        last_comma = original[-1].comma if original else cst.MaybeSentinel.DEFAULT
        equal = next(
            (a.equal for a in original if a.keyword is not None),
            cst.AssignEqual(
                whitespace_before=cst.SimpleWhitespace(""),
                whitespace_after=cst.SimpleWhitespace(""),
            ),
        )
        args = [arg for arg in original if arg.keyword is None]
        for element in mapped.elements:
            assert isinstance(element, cst.DictElement)
            key = string_value(element.key)
            assert key is not None
            args.append(cst.Arg(element.value, keyword=cst.Name(key), equal=equal))
        args = [arg.with_changes(comma=between) for arg in args[:-1]] + [
            args[-1].with_changes(comma=last_comma)
        ]
        return updated.with_changes(args=args)

    whole = map_body(node, mode, set(), None, None)
    if not isinstance(whole, cst.Dict) or not all(
        isinstance(e, cst.DictElement) and (string_value(e.key) or "").isidentifier()
        for e in whole.elements
    ):
        return False  # a key that cannot be a keyword (or a body mapped otherwise)
    if not ctx.transform(request.node, as_keywords):
        return False
    ctx.fixed(
        request.node,
        "maps the keywords the wrapper sends as the streaming.new body to /v1/sessions/token "
        f'fields, `mode: "{mode}"` ({flow.mode_reason})',
    )
    statement = ctx.statement_of(request.node)
    for note in plan.notes:
        at = origins.get(id(note.node), request.node if note.node is node else note.node)
        if note.manual:
            ctx.manual(at, note.message, statement)
        else:
            ctx.fixed(at, note.message)
    _mode_findings(ctx, flow, request, node, set(), lambda _value: None)
    body_value_findings(ctx, node, statement, mode)
    _prune_imports(ctx, list(plan.dropped))
    return True


def _map_keywords(ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
    """``self._post("/v1/streaming.new", avatar_id=a, quality="high")`` (a wrapper that sends its
    keywords): ``**liveavatar_bridge.session_body({...}, mode)`` in their place."""
    mode = flow.mode

    def wrap(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        kept = [arg for arg in updated.args if arg.keyword is None and arg.star != "**"]
        # ``**extra`` (``{"knowledge_base_id": kb}``) is part of the body: mapped with it.
        body = cst.Dict(
            [
                cst.DictElement(cst.SimpleString(f'"{arg.keyword.value}"'), arg.value)
                if arg.keyword is not None
                else cst.StarredDictElement(arg.value)
                for arg in updated.args
                if arg.keyword is not None or arg.star == "**"
            ]
        )
        mapped = bridge_call(module, BRIDGE_SESSION_BODY, body, cst.SimpleString(f'"{mode}"'))
        comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        kept = [arg.with_changes(comma=comma) for arg in kept]
        return updated.with_changes(args=[*kept, cst.Arg(mapped, star="**")])

    if not transform_with_bridge(ctx, request.node, wrap):
        return
    ctx.fixed(
        request.node,
        "the keywords the wrapper sends as the streaming.new body are mapped to "
        f'/v1/sessions/token fields by `liveavatar_bridge.session_body`, `mode: "{mode}"` '
        f"({flow.mode_reason})",
    )
    ctx.manual(
        request.node,
        "the avatar id in this body (and any voice or knowledge-base id) must be the UUID of "
        "its LiveAvatar copy (see app.liveavatar.com); voices are not migrated",
    )


def _map_at_run_time(
    ctx: RuleContext, flow: SessionFlow, value: cst.BaseExpression, whole_dict: bool = False
) -> bool:
    """``json=params`` -> ``json=liveavatar_bridge.session_body(params, "FULL")``: the helper
    maps the HeyGen body when the request is sent (unset options stay unset). ``whole_dict``:
    ``value`` may also be a dict literal (one with fields the tool cannot see)."""
    if is_bridge_call(value, BRIDGE_SESSION_BODY):
        return False
    if not (is_run_time_body(value) or (whole_dict and isinstance(value, cst.Dict))):
        return False
    context = ctx.index.context_of(ctx.statement_of(value) or value)
    if (
        isinstance(value, cst.Call)
        and context is not None
        and constructs_object(value, ctx.index, context)
    ):
        return False  # an object the wrapper serialises: marked for a person to map
    mode = flow.mode

    def wrap(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        return bridge_call(module, BRIDGE_SESSION_BODY, updated, cst.SimpleString(f'"{mode}"'))

    if not transform_with_bridge(ctx, value, wrap):
        return False
    ctx.fixed(
        value,
        f"`liveavatar_bridge.session_body` maps this streaming.new body to /v1/sessions/token "
        f'fields when it is sent, `mode: "{mode}"` ({flow.mode_reason}); options with no '
        "LiveAvatar successor are dropped with a warning",
    )
    ctx.manual(
        value,
        "the avatar id in this body (and any voice or knowledge-base id) must be the UUID of "
        "its LiveAvatar copy (see app.liveavatar.com); voices are not migrated",
    )
    return True


def _mode_findings(
    ctx: RuleContext,
    flow: SessionFlow,
    request: RequestSite,
    node: cst.Dict,
    assigned: set[str],
    spread: SpreadResolver,
) -> None:
    """What the chosen mode leaves for a person: a context, or the other half of the code.
    Whether this session has a knowledge base is decided for its own body (another session
    of the module or the project may have one)."""
    usage = flow.usage
    if usage is None:
        return
    if usage.mixed:
        ctx.manual(
            request.node,
            f"LITE chosen ({usage.audio}), but the code also sends text tasks: LITE cannot "
            "speak text (bring your own TTS and send `agent.speak` audio), or split the "
            "text-driven flow into a FULL session",
        )
        return
    if flow.mode != MODE_FULL or not usage.chat:
        return
    body_statement = ctx.statement_of(node)
    body_context = ctx.index.context_of(body_statement) if body_statement is not None else None
    functions = {request.call.context.function}
    if body_context is not None:
        functions.add(body_context.function)
    named = context_field_named_in(ctx.index, functions)
    if not carries_context(node, assigned, spread, named):
        ctx.manual(
            request.node,
            "FULL sessions answer `avatar.speak_response` (formerly chat/talk tasks) only with "
            "a context: without one the avatar stays silent. Create a Context "
            "(POST /v1/contexts or app.liveavatar.com) and send its id as "
            "`avatar_persona.context_id`",
        )


def _prune_imports(ctx: RuleContext, dropped: list[cst.CSTNode]) -> None:
    """Remove ``from config import IDLE_TIMEOUT`` when the dropped field was its only use.

    Names listed in ``__all__`` (or any string) and ``__init__`` modules are left alone:
    they may be re-exported.
    """
    if not dropped or ctx.filename.endswith("__init__.py"):
        return
    in_dropped: dict[str, int] = {}
    for node in dropped:
        for name, count in name_references(node, ctx.index).items():
            in_dropped[name] = in_dropped.get(name, 0) + count
    candidates = {name for name in in_dropped if name in ctx.index.imports}
    if not candidates:
        return
    everywhere = name_references(ctx.module, ctx.index)
    strings = {site.value for site in ctx.index.strings}
    unused = {
        name
        for name in candidates
        if everywhere.get(name, 0) == in_dropped[name] and name not in strings
    }
    if not unused:
        return
    for statement in ctx.index.import_statements:
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            continue
        small = statement.body[0]
        if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
            continue
        names = {_local_name(alias) for alias in small.names}
        gone = names & unused
        if not gone:
            continue
        if gone == names:
            if not ctx.is_suppressed(statement):
                ctx.edits.remove(statement)
        else:

            def prune(updated: cst.CSTNode, gone: set[str] = gone) -> cst.CSTNode:
                return _without_aliases(updated, gone)

            ctx.transform(small, prune)
        for name in sorted(gone):
            ctx.fixed(small, f"removes the import of `{name}`: the field it filled is gone")


def _local_name(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return alias.evaluated_name


def _without_aliases(node: cst.CSTNode, gone: set[str]) -> cst.CSTNode:
    assert isinstance(node, cst.ImportFrom) and not isinstance(node.names, cst.ImportStar)
    aliases = list(node.names)
    kept = [alias for alias in aliases if _local_name(alias) not in gone]
    if not kept:
        return node
    if kept[-1] is not aliases[-1]:
        kept[-1] = kept[-1].with_changes(comma=aliases[-1].comma)
    return node.with_changes(names=kept)


__all__ = ["map_session_body"]
