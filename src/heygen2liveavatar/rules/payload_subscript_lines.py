"""H2L101's rewrite of the lines that fill the session body after its literal.

``payload["quality"] = q``, ``payload["voice"]["voice_id"] = v`` and a ``voice = {}`` filled
apart then handed over (``payload["voice"] = voice``) are mapped one line at a time onto
LiveAvatar's nested fields: ``payload.setdefault("video_settings", {})["quality"] = q``. A line
whose field LiveAvatar lacks goes; one that cannot be moved safely is marked.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.http import RequestSite
from ..analysis.index import string_value
from ..analysis.payloads import key_string, subscript_assignments, subscript_key_node
from ..analysis.session_config import BodyGroup, is_literal, plan_body
from ..analysis.session_flow import SessionFlow
from ..analysis.token_body import build_body, setdefault_call
from ..apispec.session_fields import NEW_BODY_DROPPED, STT_SETTINGS_FIELD, VOICE_FIELD
from .base import RuleContext
from .session_values import body_value_findings


def map_subscript_line(
    ctx: RuleContext,
    flow: SessionFlow,
    key: str,
    line: cst.SimpleStatementLine,
    request: RequestSite,
) -> list[cst.CSTNode]:
    """Map one ``payload["key"] = value`` line; returns the values it drops."""
    assign = line.body[0]
    assert isinstance(assign, cst.Assign)
    target = assign.targets[0].target
    assert isinstance(target, cst.Subscript)
    name = target.value
    assert isinstance(name, cst.Name)
    request_statement = request.call.context.statement
    fragment = cst.Dict([cst.DictElement(cst.SimpleString(f'"{key}"'), assign.value)])
    plan = plan_body(fragment, flow.mode, set(), whole=False)
    if plan is None:
        return []
    # A HeyGen voice/avatar id set on its own line names a HeyGen asset as in the literal.
    body_value_findings(ctx, fragment, line, flow.mode)
    for note in plan.notes:
        if note.manual:
            ctx.manual(
                target, note.message, line if key not in NEW_BODY_DROPPED else request_statement
            )
    items = plan.group.items
    if not items:
        if ctx.is_suppressed(line):
            return []
        ctx.edits.remove(line)
        ctx.fixed(target, f"drops `{key}` (no LiveAvatar field)")
        return [assign.value]
    if len(items) != 1:
        return []
    ((group_key, value),) = items.items()
    if isinstance(value, cst.BaseDictElement):
        return []  # kept as is, with a marker
    if not isinstance(value, BodyGroup):
        if group_key != key:
            new_target = target.with_changes(
                slice=[
                    cst.SubscriptElement(
                        cst.Index(key_string(subscript_key_node(target), group_key))
                    )
                ]
            )
            ctx.replace(target, new_target)
            ctx.fixed(target, f"`{key}` becomes `{group_key}`")
        return []
    # A nested field: ``payload.setdefault("video_settings", {})["quality"] = v``, or for
    # a whole sub-dict ``payload.setdefault("avatar_persona", {}).update({...})``.
    holder = setdefault_call(name, key_string(subscript_key_node(target), group_key), cst.Dict([]))
    leaves = list(value.items.items())
    if len(leaves) == 1 and not isinstance(leaves[0][1], (BodyGroup, cst.BaseDictElement)):
        leaf_key, leaf_value = leaves[0]
        assert isinstance(leaf_value, cst.BaseExpression)
        new_line = line.with_changes(
            body=[
                assign.with_changes(
                    targets=[
                        assign.targets[0].with_changes(
                            target=cst.Subscript(
                                value=holder,
                                slice=[
                                    cst.SubscriptElement(
                                        cst.Index(key_string(subscript_key_node(target), leaf_key))
                                    )
                                ],
                            )
                        )
                    ],
                    value=leaf_value,
                )
            ]
        )
    else:
        update = cst.Call(
            func=cst.Attribute(holder, cst.Name("update")),
            args=[cst.Arg(build_body(value, subscript_key_node(target), None))],
        )
        new_line = line.with_changes(body=[cst.Expr(update)])
    ctx.replace(line, new_line)
    ctx.fixed(target, f"`{key}` moves into `{group_key}`")
    return list(plan.dropped)


def map_alias_lines(
    ctx: RuleContext,
    flow: SessionFlow,
    name: str,
    node: cst.Dict,
    lines: list[tuple[str, cst.SimpleStatementLine]],
) -> set[int]:
    """``voice = {}``, ``voice["voice_id"] = v``..., ``payload["voice"] = voice``: the
    alias's lines move into their LiveAvatar fields on ``payload`` and the hand-over line
    goes (with an ``if voice:`` around it). Returns the ids of the hand-over lines."""
    handled: set[int] = set()
    for key, line in lines:
        if key not in (VOICE_FIELD, STT_SETTINGS_FIELD):
            continue
        assign = line.body[0]
        assert isinstance(assign, cst.Assign)
        alias = assign.value
        if not isinstance(alias, cst.Name):
            continue
        context = ctx.index.context_of(line)
        values = context.scope.assignments.get(alias.value, []) if context else []
        if len(values) != 1 or not (isinstance(values[0], cst.Dict) and not values[0].elements):
            continue
        alias_lines = subscript_assignments(ctx.index, alias.value, node)
        for _leaf, alias_line in alias_lines:
            map_nested_subscript_line(ctx, flow, key, alias_line, payload=cst.Name(name))
        holder = ctx.index.parent_of(line)
        owner = ctx.index.parent_of(holder) if holder is not None else None
        if (
            isinstance(owner, cst.If)
            and owner.orelse is None
            and isinstance(owner.test, cst.Name)
            and owner.test.value == alias.value
            and isinstance(owner.body, cst.IndentedBlock)
            and len(owner.body.body) == 1
        ):
            ctx.edits.remove(owner)
        else:
            ctx.edits.remove(line)
        ctx.prune_if_unused({alias.value})
        ctx.fixed(assign.targets[0].target, f"`{alias.value}` fills its LiveAvatar fields directly")
        handled.add(id(line))
    return handled


def map_nested_subscript_line(
    ctx: RuleContext,
    flow: SessionFlow,
    key: str,
    line: cst.SimpleStatementLine,
    payload: cst.Name | None = None,
) -> None:
    """``payload["voice"]["voice_id"] = v`` -> ``payload.setdefault("avatar_persona", {})["voice_id"] = v``.

    With ``payload``, ``line`` fills an alias of ``payload[key]`` (``voice["voice_id"] = v``
    before ``payload["voice"] = voice``) and is rewritten the same way.
    """
    assign = line.body[0]
    assert isinstance(assign, cst.Assign)
    target = assign.targets[0].target
    assert isinstance(target, cst.Subscript)
    if payload is not None:
        base: cst.BaseExpression = payload
    else:
        assert isinstance(target.value, cst.Subscript)
        base = target.value.value
    assert isinstance(base, cst.Name)
    leaf = string_value(target.slice[0].slice.value)  # type: ignore[attr-defined]
    if leaf is None:
        return
    fragment = cst.Dict(
        [
            cst.DictElement(
                cst.SimpleString(f'"{key}"'),
                cst.Dict([cst.DictElement(cst.SimpleString(f'"{leaf}"'), assign.value)]),
            )
        ]
    )
    plan = plan_body(fragment, flow.mode, set(), whole=False)
    if plan is None:
        return
    body_value_findings(ctx, fragment, line, flow.mode)
    for note in plan.notes:
        if note.manual:
            ctx.manual(target, note.message, line)
    like = subscript_key_node(target)
    holder: cst.BaseExpression = base
    group: BodyGroup = plan.group
    while True:
        if not group.items:
            if not ctx.is_suppressed(line):
                ctx.edits.remove(line)
                ctx.fixed(target, f"drops `{key}.{leaf}` (no LiveAvatar field)")
            return
        groups = [(k, v) for k, v in group.items.items() if isinstance(v, BodyGroup)]
        leaves = [(k, v) for k, v in group.items.items() if not isinstance(v, BodyGroup)]
        if len(groups) == 1 and not leaves:
            child_key, child = groups[0]
            # Literal siblings of the leaf (``provider: "elevenLabs"``) are the defaults.
            fixed = [
                (k, v)
                for k, v in child.items.items()
                if not isinstance(v, BodyGroup) and is_literal(v)
            ]
            rest = [(k, v) for k, v in child.items.items() if (k, v) not in fixed]
            if len(rest) == 1 and not isinstance(rest[0][1], BodyGroup):
                defaults = cst.Dict(
                    [cst.DictElement(key_string(like, k), v) for k, v in fixed]  # type: ignore[arg-type]
                )
                holder = setdefault_call(holder, key_string(like, child_key), defaults)
                group = BodyGroup()
                group.items[rest[0][0]] = rest[0][1]
                continue
            holder = setdefault_call(holder, key_string(like, child_key), cst.Dict([]))
            group = child
            continue
        if len(group.items) != 1 or groups:
            ctx.manual(target, f"move `{key}.{leaf}` into its LiveAvatar field by hand", line)
            return
        ((leaf_key, value),) = group.items.items()
        assert isinstance(value, cst.BaseExpression)
        new_target = cst.Subscript(
            value=holder, slice=[cst.SubscriptElement(cst.Index(key_string(like, leaf_key)))]
        )
        new_line = line.with_changes(
            body=[
                assign.with_changes(
                    targets=[assign.targets[0].with_changes(target=new_target)], value=value
                )
            ]
        )
        ctx.replace(line, new_line)
        ctx.fixed(target, f"`{key}.{leaf}` moves into its LiveAvatar field")
        return


__all__ = ["map_alias_lines", "map_nested_subscript_line", "map_subscript_line"]
