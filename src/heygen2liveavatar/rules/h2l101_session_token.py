"""H2L101: ``streaming.new`` / ``streaming.create_token`` become ``POST /v1/sessions/token``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import libcst as cst

from ..analysis.comments import closing_without_comment, without_comments
from ..analysis.edits import NodeTransform
from ..analysis.http import RequestSite, wrapper_body_parameter
from ..analysis.index import Context, Statement, dotted_name, string_value, walk_nodes
from ..analysis.payloads import dict_keys, find_payload_dict, key_string
from ..analysis.responses import ParseSite
from ..analysis.session_flow import (
    SessionFlow,
    TokenPlumbing,
    authorization_entry,
    bound_parse,
    fresh_name,
    header_dicts,
    holds_heygen_token,
    name_references,
    portable,
    session_flow,
    session_id_expression,
)
from ..apispec.session_fields import (
    AVATAR_ID,
    BRIDGE_BEARER_HEADERS,
    BRIDGE_MODULE,
    BRIDGE_REMEMBER,
    BRIDGE_START,
    BRIDGE_START_ASYNC,
    CONTEXT_ID_FIELDS,
    DEFAULT_VIDEO_ENCODING,
    ELEVENLABS_PROVIDER,
    ELEVENLABS_SETTINGS_MOVES,
    FULL_ONLY_FIELDS,
    LIVEAVATAR_BODY_KEYS,
    MODE_FULL,
    MODE_LITE,
    NEW_BODY_DROPPED_SILENTLY,
    NEW_BODY_DROPPED_WITH_NOTE,
    NEW_BODY_MOVES,
    PERSONA_STT_PROVIDER,
    PERSONA_VOICE_ID,
    PERSONA_VOICE_SETTINGS,
    STT_CONFIDENCE_NOTE,
    STT_PROVIDER_FIELD,
    VIDEO_ENCODING,
    VOICE_ELEVENLABS_FIELD,
    VOICE_EMOTION_FIELD,
    VOICE_EMOTION_NOTE,
    VOICE_ID_FIELD,
    VOICE_MODEL_FIELD,
    VOICE_RATE_FIELD,
    VOICE_SPEED_FIELD,
    VOICE_SPEED_RANGE,
    WEB_SDK_PACKAGE,
)
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext
from .common import rewrite_endpoint_paths
from .session_values import body_value_findings
from .token_getter_retire import retire_inline_token, retire_token_getter
from .wrapper_auth import pass_auth_headers

_PERSONA = PERSONA_VOICE_ID[0]
VOICE_FIELD = "voice"
STT_SETTINGS_FIELD = "stt_settings"
AVATAR_ID_SETTING = "LIVEAVATAR_AVATAR_ID"
"""The environment variable a token route reads when the project configures no avatar."""
_VIDEO = VIDEO_ENCODING[0]


# --- The body map (api-reference 5.2) ---------------------------------------------------------


class _Group:
    """An ordered nested dict being built: key -> value expression or sub-group.

    Elements passed through unmapped (``**extra``, computed keys) are kept under private
    keys so they stay where they were.
    """

    def __init__(self) -> None:
        self.items: dict[str, cst.BaseExpression | _Group | cst.BaseDictElement] = {}
        self.commas: dict[str, cst.Comma] = {}
        """Separators of entries kept at the top level: a comment after them stays with them."""

    def put(self, path: tuple[str, ...], value: cst.BaseExpression) -> None:
        group = self
        for part in path[:-1]:
            child = group.items.get(part)
            if not isinstance(child, _Group):
                child = _Group()
                group.items[part] = child
            group = child
        group.items[path[-1]] = value

    def has(self, path: tuple[str, ...]) -> bool:
        group: _Group = self
        for part in path[:-1]:
            child = group.items.get(part)
            if not isinstance(child, _Group):
                return False
            group = child
        return path[-1] in group.items

    def keep(self, element: cst.BaseDictElement) -> None:
        self.items[f"\x00{len(self.items)}"] = element


@dataclass
class _Note:
    manual: bool
    message: str
    node: cst.CSTNode


@dataclass
class _BodyPlan:
    group: _Group
    notes: list[_Note] = field(default_factory=list)
    dropped: list[cst.BaseExpression] = field(default_factory=list)
    """Values of dropped fields (their imports may become unused)."""


def _plan_body(node: cst.Dict, mode: str, assigned: set[str], whole: bool) -> _BodyPlan | None:
    """Map a HeyGen ``streaming.new`` body onto the ``/v1/sessions/token`` body.

    ``whole`` is False for a fragment (the value of one ``payload["voice"] = {...}`` line):
    then no ``mode``/defaults are added. ``assigned`` are keys set by later subscript lines.
    Returns ``None`` for a body already in LiveAvatar's shape.
    """
    plain = [e for e in node.elements if isinstance(e, cst.DictElement)]
    keys = {string_value(e.key) for e in plain}
    if keys & LIVEAVATAR_BODY_KEYS:
        return None
    plan = _BodyPlan(_Group())
    like = plain[0].key if plain else None
    if whole:
        plan.group.put(("mode",), key_string(like, mode))
    for element in node.elements:
        if not isinstance(element, cst.DictElement):
            plan.group.keep(element)
            plan.notes.append(
                _Note(
                    True, "map the fields of this `**` entry to /v1/sessions/token by hand", element
                )
            )
            continue
        key = string_value(element.key)
        if key is None:
            plan.group.keep(element)
            plan.notes.append(
                _Note(True, "map this computed key to /v1/sessions/token by hand", element)
            )
            continue
        _plan_field(plan, key, element.value, element, mode)
    if whole:
        if not plan.group.has(VIDEO_ENCODING) and "video_encoding" not in assigned:
            plan.group.put(VIDEO_ENCODING, key_string(like, DEFAULT_VIDEO_ENCODING))
            plan.notes.append(
                _Note(
                    False,
                    f'sends `video_settings.encoding: "{DEFAULT_VIDEO_ENCODING}"`, HeyGen\'s default '
                    "(LiveAvatar's is H264)",
                    node,
                )
            )
        if not plan.group.has(AVATAR_ID) and all(
            NEW_BODY_MOVES.get(k) != AVATAR_ID for k in assigned
        ):
            plan.notes.append(
                _Note(
                    True,
                    "LiveAvatar requires `avatar_id` (a UUID from app.liveavatar.com); HeyGen "
                    "fell back to a default avatar",
                    node,
                )
            )
        if mode == MODE_FULL and _PERSONA not in plan.group.items:
            # avatar_persona is required in FULL mode (api-reference 3.3); empty means defaults.
            plan.group.items[_PERSONA] = cst.Dict([])
    return plan


def _plan_field(
    plan: _BodyPlan, key: str, value: cst.BaseExpression, where: cst.CSTNode, mode: str
) -> None:
    group = plan.group
    if (
        key in NEW_BODY_DROPPED_SILENTLY
        or key in NEW_BODY_DROPPED_WITH_NOTE
        or (mode == MODE_LITE and key in FULL_ONLY_FIELDS)
    ):
        plan.dropped.append(value)
    if key in NEW_BODY_DROPPED_SILENTLY:
        return
    if key in NEW_BODY_DROPPED_WITH_NOTE:
        plan.notes.append(
            _Note(True, f"`{key}` is dropped: {NEW_BODY_DROPPED_WITH_NOTE[key]}", where)
        )
        return
    if mode == MODE_LITE and key in FULL_ONLY_FIELDS:
        plan.notes.append(
            _Note(
                True,
                f"`{key}` is dropped: a LITE session (your own audio) has no LiveAvatar voice, "
                "LLM or STT",
                where,
            )
        )
        return
    if key in NEW_BODY_MOVES:
        path = NEW_BODY_MOVES[key]
        group.put(path, value)
        if (
            len(path) == 1
            and isinstance(where, cst.DictElement)
            and isinstance(where.comma, cst.Comma)
        ):
            group.commas[path[0]] = where.comma
        return
    if key == "voice":
        _plan_voice(plan, value, where)
        return
    if key == "stt_settings":
        _plan_stt(plan, value, where)
        return
    group.keep(cst.DictElement(cst.SimpleString(f'"{key}"'), value))
    plan.notes.append(_Note(True, f"`{key}` has no known /v1/sessions/token field", where))


def _plan_voice(plan: _BodyPlan, value: cst.BaseExpression, where: cst.CSTNode) -> None:
    if not isinstance(value, cst.Dict):
        plan.group.put(("voice",), value)
        plan.notes.append(
            _Note(
                True,
                "map `voice` by hand: `voice_id` -> `avatar_persona.voice_id`, `rate` -> "
                "`avatar_persona.voice_settings.speed`",
                where,
            )
        )
        return
    settings: list[tuple[str, cst.BaseExpression]] = []
    for element in value.elements:
        key = string_value(element.key) if isinstance(element, cst.DictElement) else None
        if key is None or not isinstance(element, cst.DictElement):
            plan.notes.append(_Note(True, "map this `voice` entry by hand", element))
            continue
        sub = element.value
        if key == VOICE_ID_FIELD:
            plan.group.put(PERSONA_VOICE_ID, sub)
        elif key == VOICE_RATE_FIELD:
            settings.append((VOICE_SPEED_FIELD, _speed(plan, sub, element)))
        elif key == VOICE_EMOTION_FIELD:
            plan.dropped.append(sub)
            plan.notes.append(
                _Note(True, f"`voice.emotion` is dropped: {VOICE_EMOTION_NOTE}", element)
            )
        elif key == VOICE_MODEL_FIELD:
            settings.append((ELEVENLABS_SETTINGS_MOVES[key], sub))
        elif key == VOICE_ELEVENLABS_FIELD:
            if not isinstance(sub, cst.Dict):
                plan.notes.append(
                    _Note(
                        True,
                        "map `elevenlabs_settings` into `avatar_persona.voice_settings` by hand",
                        element,
                    )
                )
                continue
            for inner in sub.elements:
                inner_key = string_value(inner.key) if isinstance(inner, cst.DictElement) else None
                if inner_key in ELEVENLABS_SETTINGS_MOVES and isinstance(inner, cst.DictElement):
                    settings.append((ELEVENLABS_SETTINGS_MOVES[inner_key], inner.value))
                else:
                    plan.notes.append(_Note(True, "map this ElevenLabs setting by hand", inner))
        else:
            plan.notes.append(_Note(True, f"`voice.{key}` has no LiveAvatar field", element))
    if settings:
        provider_key, provider = ELEVENLABS_PROVIDER
        plan.group.put((*PERSONA_VOICE_SETTINGS, provider_key), cst.SimpleString(f'"{provider}"'))
        for key, sub in settings:
            plan.group.put((*PERSONA_VOICE_SETTINGS, key), sub)


def _speed(plan: _BodyPlan, value: cst.BaseExpression, where: cst.CSTNode) -> cst.BaseExpression:
    low, high = VOICE_SPEED_RANGE
    if isinstance(value, (cst.Integer, cst.Float)):
        number = float(value.evaluated_value)
        if low <= number <= high:
            return value
        clamped = min(max(number, low), high)
        plan.notes.append(
            _Note(
                True,
                f"voice rate {value.value} is outside LiveAvatar's speed range {low}-{high}: "
                f"clamped to {clamped}",
                where,
            )
        )
        return cst.Float(str(clamped))
    plan.notes.append(
        _Note(
            True,
            f"`voice_settings.speed` must lie within {low}-{high} (HeyGen's rate had no such limit)",
            where,
        )
    )
    return value


def _plan_stt(plan: _BodyPlan, value: cst.BaseExpression, where: cst.CSTNode) -> None:
    if not isinstance(value, cst.Dict):
        plan.group.put(("stt_settings",), value)
        plan.notes.append(
            _Note(
                True,
                "map `stt_settings` by hand: `provider` -> `avatar_persona.stt_config.provider`",
                where,
            )
        )
        return
    for element in value.elements:
        key = string_value(element.key) if isinstance(element, cst.DictElement) else None
        if key == STT_PROVIDER_FIELD and isinstance(element, cst.DictElement):
            plan.group.put(PERSONA_STT_PROVIDER, element.value)
        elif key == "confidence":
            plan.dropped.append(element.value)
            plan.notes.append(
                _Note(True, f"`stt_settings.confidence` is dropped: {STT_CONFIDENCE_NOTE}", element)
            )
        else:
            plan.notes.append(_Note(True, "map this `stt_settings` entry by hand", element))


# The order LiveAvatar's docs write a token body in; other keys keep their relative order after.
_CANONICAL_ORDER = ("mode", AVATAR_ID[0], _VIDEO, _PERSONA)


def _rank(key: str) -> int:
    return _CANONICAL_ORDER.index(key) if key in _CANONICAL_ORDER else len(_CANONICAL_ORDER)


def _build(
    group: _Group, like: cst.BaseExpression | None, layout: cst.Dict | None, root: bool = True
) -> cst.Dict:
    elements: list[cst.BaseDictElement] = []
    items = list(group.items.items())
    if root:
        items.sort(key=lambda item: _rank(item[0]))
    for key, value in items:
        if key in group.commas and isinstance(value, cst.BaseExpression):
            elements.append(cst.DictElement(key_string(like, key), value, comma=group.commas[key]))
            continue
        if isinstance(value, cst.BaseDictElement):
            elements.append(value)
        elif isinstance(value, _Group):
            elements.append(
                cst.DictElement(key_string(like, key), _build(value, like, None, root=False))
            )
        else:
            elements.append(cst.DictElement(key_string(like, key), value))
    built = _laid_out(elements, layout)
    if not root and any(
        isinstance(value, cst.BaseExpression) and _may_be_none(value)
        for value in group.items.values()
    ):
        return _without_nones(built)  # type: ignore[return-value]
    return built


def _may_be_none(value: cst.BaseExpression) -> bool:
    """Could the caller's value be ``None`` (an unset option)? Literals and CONSTANTS cannot.

    HeyGen ignored ``null`` options; LiveAvatar validates nested objects and answers 422, so
    an option the caller may leave unset is sent only when it is set.
    """
    if isinstance(value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return False
    if isinstance(value, (cst.Integer, cst.Float, cst.Dict, cst.List, cst.Tuple)):
        return False
    if isinstance(value, cst.Name):
        return not value.value.isupper() and value.value not in ("True", "False")
    if isinstance(value, cst.UnaryOperation):
        return _may_be_none(value.expression)
    return not isinstance(value, cst.BinaryOperation)


def _without_nones(built: cst.Dict) -> cst.DictComp:
    """``{k: v for k, v in {...}.items() if v is not None}``: only the options that are set."""
    items = cst.Call(func=cst.Attribute(built, cst.Name("items")))
    return cst.DictComp(
        key=cst.Name("k"),
        value=cst.Name("v"),
        for_in=cst.CompFor(
            target=cst.Tuple(
                [cst.Element(cst.Name("k")), cst.Element(cst.Name("v"))], lpar=[], rpar=[]
            ),
            iter=items,
            ifs=[
                cst.CompIf(
                    cst.Comparison(
                        cst.Name("v"),
                        [cst.ComparisonTarget(cst.IsNot(), cst.Name("None"))],
                    )
                )
            ],
        ),
    )


def _laid_out(elements: list[cst.BaseDictElement], layout: cst.Dict | None) -> cst.Dict:
    """Give ``elements`` the one-per-line or inline layout of ``layout``."""
    kept = [_comment_comma(e.comma) for e in elements]
    elements = [e.with_changes(comma=cst.MaybeSentinel.DEFAULT) for e in elements]
    if not elements:
        return cst.Dict([]) if layout is None else layout.with_changes(elements=[])
    separator = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    last_comma: cst.Comma | cst.MaybeSentinel = cst.MaybeSentinel.DEFAULT
    if layout is not None and layout.elements:
        old = list(layout.elements)
        if isinstance(layout.lbrace.whitespace_after, cst.ParenthesizedWhitespace):
            first = old[0].comma
            if len(old) > 1 and isinstance(first, cst.Comma):
                separator = without_comments(first)
            else:
                separator = cst.Comma(whitespace_after=layout.lbrace.whitespace_after)
        last_comma = old[-1].comma
        if elements[-1].value is not getattr(old[-1], "value", None):
            last_comma = without_comments(last_comma)  # its comment was about another key
            layout = layout.with_changes(rbrace=closing_without_comment(layout.rbrace))
    laid = [e.with_changes(comma=comma or separator) for e, comma in zip(elements[:-1], kept)]
    laid.append(elements[-1].with_changes(comma=last_comma))
    if layout is None:
        return cst.Dict(laid)
    return layout.with_changes(elements=laid)


def _comment_comma(comma: cst.Comma | cst.MaybeSentinel) -> cst.Comma | None:
    """``comma`` when a comment follows it on its line (``"avatar_id": a,  # why``)."""
    if isinstance(comma, cst.Comma):
        after = comma.whitespace_after
        if isinstance(after, cst.ParenthesizedWhitespace) and after.first_line.comment is not None:
            return comma
    return None


def _map_dict(node: cst.Dict, mode: str, assigned: set[str]) -> cst.Dict:
    plan = _plan_body(node, mode, assigned, whole=True)
    if plan is None:
        return node
    like = next((e.key for e in node.elements if isinstance(e, cst.DictElement)), None)
    return _build(plan.group, like, node)


# --- The rule -------------------------------------------------------------------------------


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


def _bare(expr: cst.BaseExpression) -> cst.BaseExpression:
    """The expression without redundant outer parentheses (it becomes a call argument)."""
    if getattr(expr, "lpar", None) and isinstance(
        expr, (cst.Await, cst.Call, cst.Name, cst.Subscript)
    ):
        return expr.with_changes(lpar=[], rpar=[])
    return expr


class _PendingEdits(cst.CSTTransformer):
    def __init__(self, transforms: dict[int, list[NodeTransform]]) -> None:
        super().__init__()
        self.transforms = transforms

    def on_leave(  # type: ignore[override]
        self, original_node: cst.CSTNode, updated_node: cst.CSTNode
    ) -> cst.CSTNode:
        for fn in self.transforms.get(id(original_node), ()):
            updated_node = fn(updated_node)
        return updated_node


def with_pending_edits(ctx: RuleContext, node: cst.CSTNode) -> cst.CSTNode:
    """A copy of ``node`` carrying the edits every rule recorded inside it.

    Used where an expression is reproduced elsewhere (the create_token call's API-key
    headers on the token call): the edits other rules made to the original (header spelling,
    key variable names) must show in the copy too, or a second run would make them there.
    Called from a transform, i.e. once every rule has recorded its edits.
    """
    result = node.visit(_PendingEdits(ctx.edits.transforms))
    assert isinstance(result, cst.CSTNode)
    return result


def hoist(
    ctx: RuleContext, expr: cst.BaseExpression, statement: Statement, context: Context
) -> cst.Name | None:
    """``session_data = <expr>`` inserted before ``statement`` (the edits other rules made
    inside ``expr`` carried along): the name to read ``expr`` from several times."""
    name = fresh_name(ctx.index, context, "session_data")
    value = with_pending_edits(ctx, expr)
    assert isinstance(value, cst.BaseExpression)
    line = cst.SimpleStatementLine([cst.Assign([cst.AssignTarget(cst.Name(name))], value)])
    return cst.Name(name) if ctx.insert_before(statement, [line]) else None


def is_bridge_call(node: cst.CSTNode | None, function: str) -> bool:
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == function
    )


def wrap_with_remember(ctx: RuleContext, flow: SessionFlow, node: cst.BaseExpression) -> bool:
    """Wrap a parse expression with ``liveavatar_bridge.remember_session(...)`` once."""
    parent = flow.tracker.index.parent_of(node)
    if isinstance(parent, cst.Arg) and is_bridge_call(
        flow.tracker.index.parent_of(parent), BRIDGE_REMEMBER
    ):
        return False

    def wrap(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        return bridge_call(module, BRIDGE_REMEMBER, updated)

    return transform_with_bridge(ctx, node, wrap)


def _response_of_parse(node: cst.BaseExpression) -> cst.Name | None:
    """``resp`` in ``resp.json()``, ``await resp.json()``, ``json.loads(resp.text)`` (a name)."""
    inner = node.expression if isinstance(node, cst.Await) else node
    if not isinstance(inner, cst.Call):
        return None
    func = inner.func
    if isinstance(func, cst.Attribute) and func.attr.value == "json" and not inner.args:
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


def _response_url(response: cst.Name) -> cst.BaseExpression:
    """``resp.url``: the URL the token request went to (requests, httpx, aiohttp and urllib
    responses all have it), from which the helper derives the start URL."""
    return cst.Attribute(cst.Name(response.value), cst.Name("url"))


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
    function = site.context.function
    asynchronous = function is not None and function.asynchronous is not None
    response = _response_of_parse(site.node)
    needs_parens = isinstance(parent, (cst.Subscript, cst.Attribute)) or (
        isinstance(parent, cst.Call) and parent.func is node
    )

    def wrap(module: str, updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.BaseExpression)
        if is_bridge_call(updated, BRIDGE_REMEMBER):
            assert isinstance(updated, cst.Call)
            updated = updated.args[0].value
        args = [updated] if response is None else [updated, _response_url(response)]
        call = bridge_call(module, BRIDGE_START_ASYNC if asynchronous else BRIDGE_START, *args)
        if not asynchronous:
            return call
        awaited = cst.Await(call)
        if needs_parens:
            awaited = awaited.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        return awaited

    return transform_with_bridge(ctx, node, wrap)


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


def append_arg(args: list[cst.Arg], new: cst.Arg) -> list[cst.Arg]:
    """Append a keyword argument keeping the call's one-per-line or inline layout."""
    if not args:
        return [new]
    last = args[-1]
    if isinstance(last.comma, cst.Comma):
        # A trailing comma (one argument per line): the new argument takes the same place.
        previous = args[-2].comma if len(args) > 1 else None
        separator = previous if isinstance(previous, cst.Comma) else last.comma
        return [*args[:-1], last.with_changes(comma=separator), new.with_changes(comma=last.comma)]
    # The space before the closing parenthesis (a newline in a call laid out over lines)
    # follows the new last argument.
    return [
        *args[:-1],
        last.with_changes(
            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
            whitespace_after_arg=cst.SimpleWhitespace(""),
        ),
        new.with_changes(whitespace_after_arg=last.whitespace_after_arg),
    ]


class SessionTokenRule(Rule):
    code = "H2L101"
    name = "session-token"
    summary = (
        "`streaming.new` / `streaming.create_token` become one `POST /v1/sessions/token` call "
        "carrying the session configuration."
    )
    fix = FIX_UNSAFE
    description = """
LiveAvatar opens a session in two calls instead of three: `POST /v1/sessions/token` (API key
in `X-API-KEY`, the whole session configuration in the body) and `POST /v1/sessions/start`
(Bearer session token), and only the start response carries the LiveKit room
(`livekit_url`, `livekit_client_token`, `livekit_agent_token`) and LITE's `ws_url`. The rule
migrates the flow, not the call:

- rewrites the `streaming.new` and `streaming.create_token` paths to `/v1/sessions/token`;
- starts the session right after its token call: the parsed response goes through
  `liveavatar_bridge.start_session(<parsed>, <response>.url)`, which calls
  `/v1/sessions/start` with the session token and returns the token response with start's data
  merged in (envelope or `data`, as the code had it). What the function returned to its callers
  is there again, under LiveAvatar's names (H2L404 renames the reads; H2L102 removes the old
  start call);
- maps the `streaming.new` body (inline dict, a dict filled over several lines, a sub-dict
  built apart such as `voice = {}` ... `payload["voice"] = voice`, or `json.dumps(...)`) field
  by field: `avatar_name` becomes `avatar_id`, `quality`/`video_encoding` move into
  `video_settings` (with `"VP8"`, HeyGen's default, when unset: LiveAvatar's is H264),
  `voice`, `knowledge_base_id`, `language` and `stt_settings` move into `avatar_persona`;
  `version` and SDK internals are dropped; idle timeouts, `voice.emotion`,
  `stt_settings.confidence`, a free-text `knowledge_base` and `livekit_settings` are dropped
  with a marker. A nested object is built only from the options the caller set (an unset
  option is not sent as `null`, which LiveAvatar refuses);
- chooses the mode from what the code (and, in a whole-project run, the project) does: text
  tasks or HeyGen's LLM -> `"FULL"` with an `avatar_persona`; its own audio over the realtime
  WebSocket (`realtime_endpoint`, `agent.*` messages) -> `"LITE"`; both -> `"LITE"` and a
  marker naming the choice. A FULL session whose code asks for LLM answers (chat/talk) without
  a knowledge base gets a marker: without a Context the avatar stays silent. `--verbose`
  shows the choice and its reason;
- marks literal avatar, voice and knowledge-base ids: the LiveAvatar copies have new UUIDs;
- when `create_token`'s token authenticated the later calls, removes the token fetch (a
  getter function keeps its signature and returns `None`; a caller's display of the token
  goes, any other use is marked) and authenticates the token call, stop and keep-alive with
  the API key the `create_token` call sent (a wrapper that builds its own headers gets an
  `auth_headers=None` parameter for that);
- a `create_token` call on its own (a backend minting tokens for the browser SDK) sends the
  session configuration (`mode`, the avatar of the project's own settings, or
  `os.environ["LIVEAVATAR_AVATAR_ID"]` with a marker) and keeps its response shape; the
  browser's move to `@heygen/liveavatar-web-sdk` is marked.
"""
    example_before = """
import requests

API_KEY = "..."


def open_session(avatar_id):
    resp = requests.post(
        "https://api.heygen.com/v1/streaming.new",
        headers={"x-api-key": API_KEY},
        json={"avatar_name": avatar_id, "quality": "high", "version": "v2"},
    )
    return resp.json()["data"]
"""
    example_after = """
import requests
import liveavatar_bridge

API_KEY = "..."


def open_session(avatar_id):
    resp = requests.post(
        "https://api.liveavatar.com/v1/sessions/token",
        headers={"X-API-KEY": API_KEY},
        json={"mode": "FULL", "avatar_id": avatar_id, "video_settings": {"quality": "high", "encoding": "VP8"}, "avatar_persona": {}},
    )
    session_data = liveavatar_bridge.start_session(resp.json(), resp.url)["data"]
    return {**session_data, "url": session_data.get("livekit_url"), "access_token": session_data.get("livekit_client_token")}
"""

    def check(self, ctx: RuleContext) -> None:
        flow = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project)
        if not flow.new_requests and not flow.token_requests:
            return
        rewrite_endpoint_paths(ctx, "new")
        # The URL of a create_token call that is removed with its plumbing stays as it is.
        if any(
            literal.is_target and not flow.is_removed(literal.node)
            for literal in ctx.literals.endpoint_literals("create_token")
        ):
            rewrite_endpoint_paths(ctx, "create_token")
        for request in flow.new_requests:
            self._new_session(ctx, flow, request)
        for request in flow.token_requests:
            if flow.paired:
                self._paired_create_token(ctx, flow, request)
            else:
                self._lone_create_token(ctx, flow, request)
        if flow.paired and not flow.plumbing:
            # The HeyGen token still reaches stop/keep-alive (through a helper, a parameter):
            # those endpoints take the API key (6.12), which the token call sends too.
            for request in ctx.streaming_requests:
                key = request.endpoint.key if request.endpoint is not None else None
                if key in ("stop", "keep_alive"):
                    self._api_key_headers(ctx, flow, request)

    # streaming.new -------------------------------------------------------------------------
    def _new_session(self, ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
        self._body(ctx, flow, request)
        if flow.paired:
            self._api_key_headers(ctx, flow, request)
        site = bound_parse(flow.tracker.parse_sites(request))
        if site is not None:
            if wrap_with_start(ctx, flow, site):
                ctx.fixed(
                    site.node,
                    "starts the session right after its token call (`liveavatar_bridge.start_session`): "
                    "the LiveKit room and `ws_url` come from /v1/sessions/start now",
                )
        else:
            ctx.manual(
                request.node,
                "pass the parsed /v1/sessions/token response to `liveavatar_bridge.start_session(...)`: "
                "LiveAvatar returns the LiveKit room (and `ws_url`) only from /v1/sessions/start",
            )

    def _body(self, ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
        payload = request.payload
        if payload is None:
            ctx.manual(
                request.node,
                "send the session configuration (at least `avatar_id` and `mode`) as the JSON body "
                "of /v1/sessions/token",
            )
            return
        node = find_payload_dict(payload.value, ctx.index, request.call.context)
        if node is None:
            ctx.manual(
                request.node,
                "map this body to /v1/sessions/token fields by hand: `mode`, `avatar_id`, "
                "`video_settings{quality, encoding}`, `avatar_persona{voice_id, context_id, language}`",
            )
            return
        name = _payload_name(payload.value, ctx)
        lines = _subscript_lines(ctx, name, node) if name is not None else []
        assigned = {key for key, _line in lines}
        plan = _plan_body(node, flow.mode, assigned, whole=True)
        if plan is None:
            return
        statement = ctx.statement_of(node)
        mode = flow.mode
        if ctx.transform(node, lambda updated: _map_dict(_as_dict(updated), mode, assigned)):
            ctx.fixed(
                node,
                f'maps the streaming.new body to /v1/sessions/token fields, `mode: "{mode}"` '
                f"({flow.mode_reason})",
            )
        self._mode_findings(ctx, flow, request, node, assigned)
        for note in plan.notes:
            if note.manual:
                ctx.manual(note.node, note.message, statement)
            else:
                ctx.fixed(note.node, note.message)
        body_value_findings(ctx, node, statement, mode)
        dropped: list[cst.CSTNode] = list(plan.dropped)
        aliased = self._aliased_groups(ctx, flow, name, node, lines) if name is not None else set()
        for key, line in lines:
            if id(line) not in aliased:
                dropped.extend(self._subscript_line(ctx, flow, key, line, request))
        if name is not None:
            for key, line in _subscript_lines(ctx, name, node, nested=True):
                self._nested_subscript_line(ctx, flow, key, line)
        _prune_imports(ctx, dropped)

    def _mode_findings(
        self,
        ctx: RuleContext,
        flow: SessionFlow,
        request: RequestSite,
        node: cst.Dict,
        assigned: set[str],
    ) -> None:
        """What the chosen mode leaves for a person: a context, or the other half of the code."""
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
        keys = set(dict_keys(node)) | assigned
        if (
            flow.mode == MODE_FULL
            and usage.chat
            and not usage.context
            and not keys & CONTEXT_ID_FIELDS
        ):
            ctx.manual(
                request.node,
                "FULL sessions answer `avatar.speak_response` (formerly chat/talk tasks) only with "
                "a context: without one the avatar stays silent. Create a Context "
                "(POST /v1/contexts or app.liveavatar.com) and send its id as "
                "`avatar_persona.context_id`",
            )

    def _subscript_line(
        self,
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
        plan = _plan_body(fragment, flow.mode, set(), whole=False)
        if plan is None:
            return []
        for note in plan.notes:
            if note.manual:
                ctx.manual(
                    target, note.message, line if key not in _REMOVED_KEYS else request_statement
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
        if not isinstance(value, _Group):
            if group_key != key:
                new_target = target.with_changes(
                    slice=[
                        cst.SubscriptElement(cst.Index(key_string(_key_node(target), group_key)))
                    ]
                )
                ctx.replace(target, new_target)
                ctx.fixed(target, f"`{key}` becomes `{group_key}`")
            return []
        # A nested field: ``payload.setdefault("video_settings", {})["quality"] = v``, or for
        # a whole sub-dict ``payload.setdefault("avatar_persona", {}).update({...})``.
        holder = _setdefault(name, key_string(_key_node(target), group_key), _key_node(target))
        leaves = list(value.items.items())
        if len(leaves) == 1 and not isinstance(leaves[0][1], (_Group, cst.BaseDictElement)):
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
                                            cst.Index(key_string(_key_node(target), leaf_key))
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
                args=[cst.Arg(_build(value, _key_node(target), None))],
            )
            new_line = line.with_changes(body=[cst.Expr(update)])
        ctx.replace(line, new_line)
        ctx.fixed(target, f"`{key}` moves into `{group_key}`")
        return list(plan.dropped)

    def _aliased_groups(
        self,
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
            alias_lines = _subscript_lines(ctx, alias.value, node)
            for _leaf, alias_line in alias_lines:
                self._nested_subscript_line(ctx, flow, key, alias_line, payload=cst.Name(name))
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
            ctx.fixed(
                assign.targets[0].target, f"`{alias.value}` fills its LiveAvatar fields directly"
            )
            handled.add(id(line))
        return handled

    def _nested_subscript_line(
        self,
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
        plan = _plan_body(fragment, flow.mode, set(), whole=False)
        if plan is None:
            return
        for note in plan.notes:
            if note.manual:
                ctx.manual(target, note.message, line)
        like = _key_node(target)
        holder: cst.BaseExpression = base
        group: _Group = plan.group
        while True:
            if not group.items:
                if not ctx.is_suppressed(line):
                    ctx.edits.remove(line)
                    ctx.fixed(target, f"drops `{key}.{leaf}` (no LiveAvatar field)")
                return
            groups = [(k, v) for k, v in group.items.items() if isinstance(v, _Group)]
            leaves = [(k, v) for k, v in group.items.items() if not isinstance(v, _Group)]
            if len(groups) == 1 and not leaves:
                child_key, child = groups[0]
                # Literal siblings of the leaf (``provider: "elevenLabs"``) are the defaults.
                fixed = [
                    (k, v)
                    for k, v in child.items.items()
                    if not isinstance(v, _Group) and _is_literal(v)
                ]
                rest = [(k, v) for k, v in child.items.items() if (k, v) not in fixed]
                if len(rest) == 1 and not isinstance(rest[0][1], _Group):
                    defaults = cst.Dict(
                        [cst.DictElement(key_string(like, k), v) for k, v in fixed]  # type: ignore[arg-type]
                    )
                    holder = _setdefault_on(holder, key_string(like, child_key), defaults)
                    group = _Group()
                    group.items[rest[0][0]] = rest[0][1]
                    continue
                holder = _setdefault_on(holder, key_string(like, child_key), cst.Dict([]))
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

    def _api_key_headers(self, ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
        """The token call authenticates with the API key the create_token call sent."""
        if request.headers is None:
            if flow.tracker.client_of(request) == "wrapper":
                self._wrapper_api_key(ctx, flow, request)
            return
        dicts = header_dicts(request.headers.value, request.call.context, flow.tracker)
        if dicts is not None and not any(authorization_entry(d) is not None for d in dicts):
            return  # already an API-key header
        sources = [r for r in flow.token_requests if r.headers is not None]
        if not sources and flow.plumbing:
            return  # create_token relied on the client's default headers: so does this call now
        for token_request in sources:
            assert token_request.headers is not None
            original = token_request.headers.value
            if not portable(original, token_request.call.context, request.call.context, ctx.index):
                continue

            def copy(_updated: cst.CSTNode, original: cst.CSTNode = original) -> cst.CSTNode:
                return with_pending_edits(ctx, original)

            if ctx.transform(request.headers.value, copy):
                ctx.fixed(
                    request.headers.value,
                    "authenticates the token call with the API key the create_token call sent",
                )
            return
        ctx.manual(
            request.node,
            "authenticate /v1/sessions/token with the LiveAvatar API key (`X-API-KEY` header), "
            "not a token",
        )

    def _wrapper_api_key(self, ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
        """A wrapper given the HeyGen token builds its own headers: pass the API key's.

        In a flow whose token authenticated ``streaming.new``, the token a wrapper gets for
        stop or keep-alive is that token too, wherever the code kept it (a dict by session).
        """
        key = request.endpoint.key if request.endpoint is not None else None
        if not (flow.paired and key in ("stop", "keep_alive")) and not any(
            holds_heygen_token(flow.tracker, arg.value, request.call.context)
            for arg in request.node.args
        ):
            return
        for token_request in flow.token_requests:
            if token_request.headers is None:
                continue
            original = token_request.headers.value
            if not portable(original, token_request.call.context, request.call.context, ctx.index):
                continue

            def copied(original: cst.BaseExpression = original) -> cst.BaseExpression:
                copy = with_pending_edits(ctx, original)
                assert isinstance(copy, cst.BaseExpression)
                return copy

            if pass_auth_headers(ctx, request, copied):
                ctx.fixed(
                    request.node,
                    "authenticates with the API key the create_token call sent (`auth_headers=`)",
                )
                return
        ctx.manual(
            request.node,
            "authenticate this call with the LiveAvatar API key (`X-API-KEY` header), not the "
            "HeyGen token: LiveAvatar has no token before the session",
        )

    # create_token ----------------------------------------------------------------------------
    def _paired_create_token(
        self, ctx: RuleContext, flow: SessionFlow, request: RequestSite
    ) -> None:
        plumbing = flow.plumbing.get(id(request.node))
        if plumbing is None and (
            retire_token_getter(ctx, request) or retire_inline_token(ctx, request)
        ):
            ctx.fixed(
                request.node,
                "removes the create_token call: LiveAvatar has no token before the session "
                "(its getter returns `None`; the calls that sent it authenticate otherwise)",
            )
            return
        if plumbing is None or not self._remove_plumbing(ctx, plumbing):
            ctx.manual(
                request.node,
                "LiveAvatar opens a session with one token call (the former streaming.new call, "
                "which now carries the configuration): remove this create_token call and "
                "authenticate later calls with `liveavatar_bridge.bearer_headers(session_id)` or the API key",
            )
            return
        ctx.fixed(
            request.node,
            "removes the create_token call: the /v1/sessions/token call (formerly streaming.new) "
            "returns the session token, and later calls get it from `liveavatar_bridge`",
        )

    def _remove_plumbing(self, ctx: RuleContext, plumbing: TokenPlumbing) -> bool:
        if any(ctx.is_suppressed(s) for s in plumbing.statements):
            return False
        for user in plumbing.users:
            key = user.endpoint.key if user.endpoint is not None else None
            if key in ("stop", "keep_alive") and session_id_expression(user, ctx.index) is None:
                return False
        for statement in plumbing.statements:
            ctx.edits.remove(statement)
        for dict_node, element in plumbing.header_entries:
            ctx.transform(dict_node, lambda updated: _without_authorization(_as_dict(updated)))
            ctx.fixed(
                element, "drops the HeyGen token header: LiveAvatar calls authenticate otherwise"
            )
        for user in plumbing.users:
            key = user.endpoint.key if user.endpoint is not None else None
            if key not in ("stop", "keep_alive"):
                continue
            session_id = session_id_expression(user, ctx.index)
            assert session_id is not None
            if wrap_headers_with_bearer(ctx, user, session_id):
                ctx.fixed(
                    user.headers.value if user.headers is not None else user.node,
                    "authenticates with the session token (`liveavatar_bridge.bearer_headers`)",
                )
        return True

    def _lone_create_token(self, ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
        """A backend minting tokens for HeyGen's browser SDK: the token carries the config now.

        The route keeps its job and its response shape (H2L404 renames ``token`` to
        ``session_token``); its request sends the session configuration, since LiveAvatar's
        browser SDK starts the session from the token alone.
        """
        if not self._send_configuration(ctx, flow, request):
            ctx.manual(
                request.node,
                "the session token now carries the session configuration: send `mode` and "
                "`avatar_id` (and the other former streaming.new options) in this body",
            )
        ctx.manual(
            request.node,
            f"the browser must move to `{WEB_SDK_PACKAGE}`: `new LiveAvatarSession(sessionToken)` "
            "starts the session and sends its events (HeyGen's `@heygen/streaming-avatar` "
            "does not accept this token)",
        )

    def _send_configuration(
        self, ctx: RuleContext, flow: SessionFlow, request: RequestSite
    ) -> bool:
        client = flow.tracker.client_of(request)
        keyword = "json"
        if client == "wrapper":
            wrappers = ctx.project.wrapper_bodies if ctx.project is not None else ()
            parameter = wrapper_body_parameter(
                ctx.index, request.node, {n: (p, i) for n, p, i in wrappers}
            )
            if parameter is None:
                return False
            keyword = parameter[0]
        elif client == "urllib":
            keyword = "data"
        elif client not in ("requests", "httpx", "aiohttp", "client"):
            return False
        body = request.payload
        if body is not None and not _empty_body(body.value):
            return False
        avatar = _configured_avatar(ctx, request.call.context)
        if avatar is None:
            ctx.require_import("os")
            avatar = cst.parse_expression(f'os.environ["{AVATAR_ID_SETTING}"]')
            ctx.manual(
                request.node,
                f"set `{AVATAR_ID_SETTING}` to the UUID of your avatar's LiveAvatar copy "
                "(app.liveavatar.com copies HeyGen avatars under new ids)",
            )
        config = cst.Dict(
            [
                cst.DictElement(cst.SimpleString('"mode"'), cst.SimpleString(f'"{MODE_FULL}"')),
                cst.DictElement(cst.SimpleString(f'"{AVATAR_ID[0]}"'), avatar),
                # Required in FULL mode (3.3); empty means the avatar's own voice and defaults.
                cst.DictElement(cst.SimpleString(f'"{_PERSONA}"'), cst.Dict([])),
            ]
        )

        value: cst.BaseExpression = config
        if client == "urllib":
            # urllib sends bytes: ``data=json.dumps({...}).encode()``.
            ctx.require_import("json")
            dumped = cst.Call(cst.Attribute(cst.Name("json"), cst.Name("dumps")), [cst.Arg(config)])
            value = cst.Call(cst.Attribute(dumped, cst.Name("encode")))

        def add(updated: cst.CSTNode) -> cst.CSTNode:
            assert isinstance(updated, cst.Call)
            args = [
                a
                for a in updated.args
                if a is not body
                and not (
                    a.keyword is not None
                    and body is not None
                    and a.keyword.value == body.keyword.value  # type: ignore[union-attr]
                )
            ]
            new_arg = cst.Arg(
                value,
                keyword=cst.Name(keyword),
                equal=cst.AssignEqual(
                    whitespace_before=cst.SimpleWhitespace(""),
                    whitespace_after=cst.SimpleWhitespace(""),
                ),
            )
            return updated.with_changes(args=append_arg(args, new_arg))

        if not ctx.transform(request.node, add):
            return False
        ctx.fixed(
            request.node,
            'sends the session configuration (`mode: "FULL"`, `avatar_id`, `avatar_persona`) '
            "with the token request",
        )
        return True


# Keys whose subscript lines are removed: their markers go on the request instead.
_REMOVED_KEYS = frozenset(NEW_BODY_DROPPED_SILENTLY | set(NEW_BODY_DROPPED_WITH_NOTE))


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


def _as_dict(node: cst.CSTNode) -> cst.Dict:
    assert isinstance(node, cst.Dict)
    return node


def _without_authorization(node: cst.Dict) -> cst.Dict:
    """The dict minus its ``Authorization`` entry (a no-op once another rule replaced it)."""
    elements = list(node.elements)
    entry = authorization_entry(node)
    if entry is None:
        return node
    position = elements.index(entry)
    removed = elements.pop(position)
    if elements and position == len(elements):
        elements[-1] = elements[-1].with_changes(comma=removed.comma)
    return node.with_changes(elements=elements)


def _payload_name(expr: cst.BaseExpression, ctx: RuleContext) -> str | None:
    from ..analysis.payloads import unwrap_serialiser

    inner = unwrap_serialiser(expr, ctx.index)
    return inner.value if isinstance(inner, cst.Name) else None


def _subscript_lines(
    ctx: RuleContext, name: str, node: cst.Dict, nested: bool = False
) -> list[tuple[str, cst.SimpleStatementLine]]:
    """``payload["key"] = value`` lines filling the payload dict, in the dict's scope; with
    ``nested``, ``payload["voice"]["voice_id"] = value`` lines, keyed by the outer key."""
    context = ctx.index.context_of(ctx.statement_of(node) or node)
    if context is None:
        return []
    lines: list[tuple[str, cst.SimpleStatementLine]] = []
    for subscript in ctx.index.subscripts:
        if subscript.context.scope is not context.scope:
            continue
        base = subscript.node.value
        key: str | None = subscript.key
        if nested:
            inner = base
            if not (isinstance(inner, cst.Subscript) and len(inner.slice) == 1):
                continue
            index = inner.slice[0].slice
            key = string_value(index.value) if isinstance(index, cst.Index) else None
            base = inner.value
        if key is None or not isinstance(base, cst.Name) or base.value != name:
            continue
        if not isinstance(ctx.index.parent_of(subscript.node), cst.AssignTarget):
            continue
        line = subscript.context.statement
        if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
            continue
        assign = line.body[0]
        if isinstance(assign, cst.Assign) and len(assign.targets) == 1:
            lines.append((key, line))
    return lines


def _key_node(target: cst.Subscript) -> cst.BaseExpression | None:
    element = target.slice[0].slice
    return element.value if isinstance(element, cst.Index) else None


def _setdefault(name: cst.Name, key: cst.SimpleString, like: cst.BaseExpression | None) -> cst.Call:
    return cst.Call(
        func=cst.Attribute(name, cst.Name("setdefault")),
        args=[cst.Arg(key), cst.Arg(cst.Dict([]))],
    )


__all__ = [
    "SessionTokenRule",
    "bridge_call",
    "insert_with_bridge",
    "is_bridge_call",
    "transform_with_bridge",
    "wrap_headers_with_bearer",
    "wrap_with_remember",
]


def _empty_body(value: cst.BaseExpression) -> bool:
    """``{}``, ``b"{}"``, ``"{}"``, ``None``: a create_token body that carried nothing."""
    if isinstance(value, cst.Dict):
        return not value.elements
    if isinstance(value, cst.Name):
        return value.value == "None"
    return isinstance(value, cst.SimpleString) and value.value.lstrip("bB").strip("\"'") in (
        "{}",
        "",
    )


def _configured_avatar(ctx: RuleContext, context: Context) -> cst.BaseExpression | None:
    """The project's own avatar setting visible here: a constant, or a settings attribute.

    Module-level names first (``AVATAR_ID = os.getenv("AVATAR_ID", "...")``), then
    ``self.<...avatar...>`` attributes of the enclosing class.
    """
    if context.class_def is not None:
        for node in walk_nodes(context.class_def):
            if (
                isinstance(node, cst.Attribute)
                and isinstance(node.value, cst.Name)
                and node.value.value == "self"
                and "avatar" in node.attr.value.lower()
                and not node.attr.value.lower().endswith(("url", "list", "endpoint", "s"))
            ):
                return cst.Attribute(cst.Name("self"), cst.Name(node.attr.value))
    candidates = [
        name
        for name, values in ctx.index.module_scope.assignments.items()
        if (
            "avatar" in name.lower()
            and not name.lower().endswith(("url", "list", "endpoint"))
            and not any(isinstance(v, (cst.ClassDef, cst.FunctionDef)) for v in values)
            and not name[:1].isupper()
        )
        or (name.isupper() and "avatar" in name.lower())
    ]
    candidates += [
        name
        for name in ctx.index.imports
        if "avatar" in name.lower() and not name.lower().endswith(("url", "list", "endpoint"))
    ]
    if candidates:
        return cst.Name(sorted(candidates, key=lambda n: ("id" not in n.lower(), len(n)))[0])
    # An environment read of the avatar elsewhere in the module (``os.environ.get("AVATAR_ID")``).
    for call in ctx.index.calls:
        if call.name in ("os.getenv", "os.environ.get", "getenv", "environ.get") and call.node.args:
            env_name = string_value(call.node.args[0].value)
            if env_name and "AVATAR" in env_name.upper() and "URL" not in env_name.upper():
                return call.node.deep_clone()
    return None


def _is_literal(value: object) -> bool:
    return isinstance(value, (cst.SimpleString, cst.Integer, cst.Float, cst.Name)) and not (
        isinstance(value, cst.Name) and value.value not in ("True", "False", "None")
    )


def _setdefault_on(
    holder: cst.BaseExpression, key: cst.SimpleString, default: cst.Dict
) -> cst.Call:
    return cst.Call(
        func=cst.Attribute(holder, cst.Name("setdefault")),
        args=[
            cst.Arg(key, comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
            cst.Arg(default),
        ],
    )
