"""H2L404's part for typed models: build a HeyGen-shaped model from LiveAvatar's keys."""

from __future__ import annotations

import libcst as cst

from ..analysis.codegen import code_of
from ..analysis.response_models import (
    ModelConstruction,
    field_source,
    handed_to_parsers,
    handed_whole,
    is_response_field,
    model_constructions,
    opaque_validations,
    read_by_key_loops,
    response_models,
    response_object_parsers,
)
from ..analysis.session_data_handoffs import handed_on_by_methods, key_membership_tests
from ..analysis.session_flow import SessionFlow
from ..apispec.session_fields import BRIDGE_HEYGEN_NAMES
from .base import RuleContext
from .bridge_calls import wrap_in_bridge_call
from .common import hoist

_NEW_KEYS = "`livekit_url`, `livekit_client_token`, `ws_url`"
# Start-response keys LiveAvatar may leave out (api-reference 3.2): read with ``.get``.
_OPTIONAL_KEYS = frozenset({"livekit_agent_token", "ws_url", "max_session_duration"})


def migrate_model_constructions(ctx: RuleContext, flow: SessionFlow) -> None:
    models = response_models(ctx.index, ctx.filename)
    for construction in model_constructions(ctx.index, flow.tracker, models):
        _rewrite(ctx, construction)
    if flow.token_requests:
        # ``TokenData.model_validate(data)`` of the token call's data (``session_token`` now).
        token_models = response_models(ctx.index, ctx.filename, "create_token")
        for construction in model_constructions(
            ctx.index, flow.tracker, token_models, "create_token"
        ):
            _rewrite(ctx, construction, "create_token")
    wrapped: set[int] = set()
    # ``Session.from_api(<response>)`` of a ``from_api`` that reads ``data["url"]`` here is
    # both an opaque validation and a parser: its argument gets HeyGen's names once.
    for source in [
        *opaque_validations(ctx.index, flow.tracker, models),
        *handed_to_parsers(ctx.index, flow.tracker),
        *[_bound_value(ctx, read) for read in read_by_key_loops(ctx.index, flow.tracker)],
    ]:
        if id(source) not in wrapped:
            wrapped.add(id(source))
            _with_heygen_names(ctx, source)
    for read in [
        *key_membership_tests(ctx.index, flow.tracker),
        *handed_on_by_methods(ctx.index, flow.tracker),
    ]:
        source = _bound_value(ctx, read)
        if id(source) not in wrapped:
            wrapped.add(id(source))
            _with_heygen_names(ctx, source, _TESTED_OR_HANDED_ON)
    for source in handed_whole(ctx.index, flow.tracker, models):
        if id(source) not in wrapped:
            wrapped.add(id(source))
            _with_heygen_names(ctx, source, _HANDED_WHOLE)
    for parser in response_object_parsers(ctx.index, flow.tracker):
        ctx.manual(
            parser,
            f"`{code_of(parser.func, ctx.module)}` parses the response object itself and reads "
            "HeyGen's `url`/`access_token`: LiveAvatar's token response has no room yet; start "
            "the session with `liveavatar_bridge.start_session(resp.json())` and build the "
            "object from its `livekit_url`/`livekit_client_token`",
        )


def _bound_value(ctx: RuleContext, source: cst.BaseExpression) -> cst.BaseExpression:
    """What a loop reads by key (``{k: data[k] for k in KEYS}``): the value of ``data``'s
    one assignment in its function, so that value gets HeyGen's names once rather than at
    every key; ``source`` itself when the name has another binding (a parameter, a loop
    target, several assignments)."""
    if not isinstance(source, cst.Name):
        return source
    context = None
    node: cst.CSTNode | None = source
    while context is None and node is not None:
        context, node = ctx.index.context_of(node), ctx.index.parent_of(node)
    if context is None or context.function is None:
        return source
    values = ctx.index.lookup(source.value, context.scope)
    if len(values) != 1:
        return source
    assign = ctx.index.parent_of(values[0])
    if not (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and isinstance(assign.targets[0].target, cst.Name)
        and assign.targets[0].target.value == source.value
    ):
        return source
    statement = ctx.index.statement_of(assign)
    bound_in = ctx.index.context_of(statement) if statement is not None else None
    if bound_in is None or bound_in.function is not context.function:
        return source
    return values[0]


_VALIDATED = "the model validated here reads HeyGen's names (`url`, `access_token`)"
_TESTED_OR_HANDED_ON = (
    "this response is tested for HeyGen's names (`url`, `access_token`) or handed on "
    "(a queue, a list, a session) to code that reads them"
)
_HANDED_WHOLE = (
    "what this response is spread into or copied to reads HeyGen's names (`url`, `access_token`)"
)


def _with_heygen_names(ctx: RuleContext, source: cst.BaseExpression, why: str = _VALIDATED) -> None:
    """``Envelope.model_validate(<new response>)`` of a model this module cannot rebuild (its
    fields nested or aliased in another module), or the response spread into a call: the
    response also gets HeyGen's names."""
    if wrap_in_bridge_call(ctx, source, BRIDGE_HEYGEN_NAMES):
        ctx.fixed(
            source,
            f"{why}: `liveavatar_bridge.{BRIDGE_HEYGEN_NAMES}` adds them to LiveAvatar's response",
        )


def _repeatable(expr: cst.BaseExpression) -> bool:
    """A name, attribute or subscript chain: evaluating it once per field is harmless."""
    while isinstance(expr, (cst.Subscript, cst.Attribute)):
        if isinstance(expr, cst.Subscript) and not all(
            isinstance(e.slice, cst.Index) and isinstance(e.slice.value, cst.SimpleString)
            for e in expr.slice
        ):
            return False
        expr = expr.value
    return isinstance(expr, cst.Name)


def _read(source: cst.BaseExpression, key: str) -> cst.BaseExpression:
    literal = cst.SimpleString(f'"{key}"')
    if key in _OPTIONAL_KEYS:
        return cst.Call(cst.Attribute(source.deep_clone(), cst.Name("get")), [cst.Arg(literal)])
    return cst.Subscript(source.deep_clone(), [cst.SubscriptElement(cst.Index(literal))])


def _rewrite(ctx: RuleContext, construction: ModelConstruction, endpoint: str = "new") -> None:
    node = construction.call.node
    model = construction.model.name
    source = construction.source
    statement = ctx.statement_of(node)
    # A source another rule rewrites (``envelope.data`` that starts the session now) is
    # evaluated once too, like one that is not a plain name.
    rewritten = id(source) in ctx.edits.transforms
    if (not _repeatable(source) or rewritten) and isinstance(statement, cst.SimpleStatementLine):
        # ``Model.model_validate(resp.json()["data"])``: the data gets a name first, read
        # once per field after.
        source = hoist(ctx, source, statement, construction.call.context) or source
        rewritten = False
    if not _repeatable(source) or rewritten:
        keys = "`session_token`" if endpoint == "create_token" else _NEW_KEYS
        ctx.manual(
            node,
            f"`{model}` mirrors HeyGen's streaming.{endpoint} response: build it from "
            f"LiveAvatar's keys ({keys})",
        )
        return
    pairs: list[tuple[str, str]] = []
    lost: list[str] = []
    for field in construction.model.fields:
        key = field_source(field.key, endpoint)
        if key is None:
            if not field.has_default:
                lost.append(field.name)
            continue
        if field.has_default and not is_response_field(field.key):
            continue  # the project's own optional field: the data never had it, the default stays
        # An aliased field is given under its alias (pydantic validates by alias).
        pairs.append((field.key, key))
    if lost:
        ctx.manual(
            node,
            f"`{model}` requires {', '.join(f'`{n}`' for n in lost)}, which LiveAvatar does not "
            "return: give it a default or drop it",
        )
    validator = isinstance(node.func, cst.Attribute)

    def build(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        if validator:
            mapping = cst.Dict(
                [cst.DictElement(cst.SimpleString(f'"{f}"'), _read(source, k)) for f, k in pairs]
            )
            return updated.with_changes(args=[cst.Arg(mapping)])
        args = [
            cst.Arg(
                _read(source, k),
                keyword=cst.Name(f),
                equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
                comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
            )
            for f, k in pairs
        ]
        if args:
            args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(args=args)

    if ctx.transform(node, build):
        renamed = [f"`{f}` from `{k}`" for f, k in pairs if f != k]
        ctx.fixed(
            node,
            f"builds `{model}` from LiveAvatar's keys ({', '.join(renamed)}); its fields keep "
            "their names for the code that reads them",
        )


__all__ = ["migrate_model_constructions"]
