"""The session configuration: a HeyGen ``streaming.new`` body mapped onto ``/v1/sessions/token``.

HeyGen took the session options flat (``avatar_name``, ``quality``, ``voice{...}``,
``knowledge_base_id``...); LiveAvatar takes them in the token body, grouped
(``video_settings``, ``avatar_persona{voice_id, voice_settings, stt_config, context_id}``) and
with a ``mode`` (api-reference 5.2). :func:`plan_body` decides, field by field, where each
value lands, what is dropped and what a person must look at; it records no edit, so the rule
can apply a plan to a dict literal, to one ``payload["voice"] = {...}`` line or to a fragment
built from a nested subscript line alike. :mod:`.token_body` writes a plan as code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import libcst as cst

from ..apispec.session_fields import (
    AVATAR_ID,
    CONTEXT_ID_FIELDS,
    DEFAULT_VIDEO_ENCODING,
    ELEVENLABS_PROVIDER,
    ELEVENLABS_SETTINGS_MOVES,
    FULL_ONLY_FIELDS,
    ID_FIELD_NOTES,
    IDLE_TIMEOUT_SWITCH,
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
    STT_SETTINGS_FIELD,
    VIDEO_ENCODING,
    VOICE_ELEVENLABS_FIELD,
    VOICE_EMOTION_FIELD,
    VOICE_EMOTION_NOTE,
    VOICE_FIELD,
    VOICE_ID_FIELD,
    VOICE_MODEL_FIELD,
    VOICE_RATE_FIELD,
    VOICE_SPEED_FIELD,
    VOICE_SPEED_RANGE,
)
from .body_comments import FieldComments, field_comments
from .index import string_value
from .payloads import dict_keys, key_string

_PERSONA = PERSONA_VOICE_ID[0]


class BodyGroup:
    """An ordered nested dict being built: key -> value expression or sub-group.

    Elements passed through unmapped (``**extra``, computed keys) are kept under private
    keys so they stay where they were.
    """

    def __init__(self) -> None:
        self.items: dict[str, cst.BaseExpression | BodyGroup | cst.BaseDictElement] = {}
        self.comments: dict[str, list[FieldComments]] = {}
        """The comments of the source fields that landed under each key: they move with them."""
        self.touched: list[tuple[BodyGroup, str]] = []
        """Where the field being planned landed (the group and its key there)."""

    def put(self, path: tuple[str, ...], value: cst.BaseExpression) -> None:
        group = self
        for part in path[:-1]:
            child = group.items.get(part)
            if not isinstance(child, BodyGroup):
                child = BodyGroup()
                group.items[part] = child
            group = child
        group.items[path[-1]] = value
        self.touched.append((group, path[-1]))

    def has(self, path: tuple[str, ...]) -> bool:
        group: BodyGroup = self
        for part in path[:-1]:
            child = group.items.get(part)
            if not isinstance(child, BodyGroup):
                return False
            group = child
        return path[-1] in group.items

    def keep(self, element: cst.BaseDictElement) -> None:
        key = f"\x00{len(self.items)}"
        self.items[key] = element
        self.touched.append((self, key))

    def land(self, comments: FieldComments) -> None:
        """Put ``comments`` where the field planned last landed (nowhere if it was dropped)."""
        if comments and self.touched:
            group, key = self.touched[0]
            group.comments.setdefault(key, []).append(comments)
        self.touched = []

    def all_comments(self) -> list[FieldComments]:
        """This group's comments and its nested groups', in key order."""
        found: list[FieldComments] = []
        for key, value in self.items.items():
            found += self.comments.get(key, [])
            if isinstance(value, BodyGroup):
                found += value.all_comments()
        return found


@dataclass
class BodyNote:
    manual: bool
    message: str
    node: cst.CSTNode


@dataclass
class BodyPlan:
    group: BodyGroup
    notes: list[BodyNote] = field(default_factory=list)
    dropped: list[cst.BaseExpression] = field(default_factory=list)
    """Values of dropped fields (their imports may become unused)."""
    runtime: list[cst.BaseExpression] = field(default_factory=list)
    """Trailing ``**overrides`` whose HeyGen fields are mapped at run time
    (``liveavatar_bridge.session_fields``): the caller's keywords, unknown here."""

    def mark(self, message: str, node: cst.CSTNode) -> None:
        """A note a person must act on (a marker above the statement)."""
        self.notes.append(BodyNote(True, message, node))


SpreadResolver = Callable[[cst.BaseExpression], "cst.Dict | None"]
"""The literal behind ``**NAME`` when it is a module constant (``payloads.constant_dict``)."""

RUNTIME_NOTE = (
    "`**{name}` is mapped at run time by `liveavatar_bridge.session_fields` (HeyGen's "
    "`avatar_id`, `quality`, `video_encoding`, `knowledge_base_id`, `language`, `voice` move to "
    "their LiveAvatar fields, `version` goes); any other key is dropped with a warning: check "
    "what the callers pass"
)


def plan_body(
    node: cst.Dict,
    mode: str,
    assigned: set[str],
    whole: bool,
    spread: SpreadResolver | None = None,
) -> BodyPlan | None:
    """Map a HeyGen ``streaming.new`` body onto the ``/v1/sessions/token`` body.

    ``whole`` is False for a fragment (the value of one ``payload["voice"] = {...}`` line):
    then no ``mode``/defaults are added. ``assigned`` are keys set by later subscript lines.
    ``spread`` resolves ``**DEFAULT_SESSION``: its fields are mapped as if written there.
    Spreads after the last plain entry that stay unknown (``**overrides``, the caller's
    keywords) are mapped at run time in a whole body (``BodyPlan.runtime``).
    Returns ``None`` for a body already in LiveAvatar's shape.
    """
    plain = [e for e in node.elements if isinstance(e, cst.DictElement)]
    keys = {string_value(e.key) for e in plain}
    if keys & LIVEAVATAR_BODY_KEYS:
        return None
    plan = BodyPlan(BodyGroup())
    like = plain[0].key if plain else None
    if whole:
        plan.group.put(("mode",), key_string(like, mode))
    comments = field_comments(node, per_field=(VOICE_FIELD,))
    last_plain = max(
        (i for i, e in enumerate(node.elements) if isinstance(e, cst.DictElement)), default=-1
    )
    for position, element in enumerate(node.elements):
        plan.group.touched = []
        trailing = whole and position > last_plain
        _plan_element(plan, element, mode, spread, trailing)
        plan.group.land(comments[position])  # a dropped field's comments go with it
    if whole:
        if not plan.group.has(VIDEO_ENCODING) and "video_encoding" not in assigned:
            plan.group.put(VIDEO_ENCODING, key_string(like, DEFAULT_VIDEO_ENCODING))
            plan.notes.append(
                BodyNote(
                    False,
                    f'sends `video_settings.encoding: "{DEFAULT_VIDEO_ENCODING}"`, HeyGen\'s default '
                    "(LiveAvatar's is H264)",
                    node,
                )
            )
        if not plan.group.has(AVATAR_ID) and all(
            NEW_BODY_MOVES.get(k) != AVATAR_ID for k in assigned
        ):
            plan.mark(
                "LiveAvatar requires `avatar_id` (a UUID from app.liveavatar.com); HeyGen "
                "fell back to a default avatar",
                node,
            )
        if mode == MODE_FULL and _PERSONA not in plan.group.items:
            # avatar_persona is required in FULL mode (api-reference 3.3); empty means defaults.
            plan.group.items[_PERSONA] = cst.Dict([])
    plan.group.touched = []  # (the group, key) pairs: a cycle holding the nodes once planned
    return plan


def carries_context(
    node: cst.Dict,
    assigned: set[str],
    spread: SpreadResolver | None,
    named_nearby: bool = False,
) -> bool:
    """Whether this ``streaming.new`` body sends a knowledge base (``avatar_persona.context_id``
    once mapped), which a FULL session needs to answer ``avatar.speak_response``: one of its
    keys, a ``body["knowledge_base_id"] = kb`` line (``assigned``), a constant it spreads;
    a spread nothing resolves may hold one, and so may a field named in the function that
    builds or sends the body (``named_nearby``: ``body.update({"knowledge_base_id": kb})``).
    Decided for this body alone: another session of the module or the project may have one
    and this one not."""
    if named_nearby:
        return True
    keys = set(dict_keys(node)) | assigned
    for element in node.elements:
        if isinstance(element, cst.StarredDictElement):
            spread_dict = spread(element.value) if spread is not None else None
            if spread_dict is None:
                return True  # fields nobody here can read: it may be one of them
            keys |= set(dict_keys(spread_dict))
    return bool(keys & CONTEXT_ID_FIELDS)


def spreads_unknown_fields(node: cst.Dict, spread: SpreadResolver | None) -> bool:
    """Whether a ``**entry`` of the body is neither a constant ``spread`` resolves nor trailing
    overrides by name (``{**self.defaults, "avatar_id": a}``): :func:`plan_body` could only
    mark it, but the whole body can be mapped at run time."""
    last_plain = max(
        (i for i, e in enumerate(node.elements) if isinstance(e, cst.DictElement)), default=-1
    )
    for position, element in enumerate(node.elements):
        if isinstance(element, cst.DictElement):
            continue
        if spread is not None and spread(element.value) is not None:
            continue
        if not (position > last_plain and isinstance(element.value, cst.Name)):
            return True
    return False


def _plan_element(
    plan: BodyPlan,
    element: cst.BaseDictElement,
    mode: str,
    spread: SpreadResolver | None,
    trailing: bool,
) -> None:
    if not isinstance(element, cst.DictElement):
        inlined = spread(element.value) if spread is not None else None
        if inlined is not None:
            for inner in inlined.elements:
                assert isinstance(inner, cst.DictElement)  # constant_dict: plain entries
                key = string_value(inner.key)
                assert key is not None
                # A copy: the constant itself stays as it is (other code may read it).
                _plan_field(plan, key, inner.value.deep_clone(), element, mode)
            return
        if trailing and isinstance(element.value, cst.Name):
            plan.runtime.append(element.value)
            plan.mark(RUNTIME_NOTE.format(name=element.value.value), element)
            return
        plan.group.keep(element)
        plan.mark("map the fields of this `**` entry to /v1/sessions/token by hand", element)
        return
    key = string_value(element.key)
    if key is None:
        plan.group.keep(element)
        plan.mark("map this computed key to /v1/sessions/token by hand", element)
        return
    _plan_field(plan, key, element.value, element, mode)


def _plan_field(
    plan: BodyPlan, key: str, value: cst.BaseExpression, where: cst.CSTNode, mode: str
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
    if key == IDLE_TIMEOUT_SWITCH and type(value) is cst.Name and value.value == "False":
        return  # ``disable_idle_timeout: False`` kept the idle timeout, as LiveAvatar does
    if key in NEW_BODY_DROPPED_WITH_NOTE:
        plan.mark(f"`{key}` is dropped: {NEW_BODY_DROPPED_WITH_NOTE[key]}", where)
        return
    if mode == MODE_LITE and key in FULL_ONLY_FIELDS:
        plan.mark(
            f"`{key}` is dropped: a LITE session (your own audio) has no LiveAvatar voice, "
            "LLM or STT",
            where,
        )
        return
    if key in NEW_BODY_MOVES:
        group.put(NEW_BODY_MOVES[key], value)
        return
    if key == VOICE_FIELD:
        _plan_voice(plan, value, where)
        return
    if key == STT_SETTINGS_FIELD:
        _plan_stt(plan, value, where)
        return
    group.keep(cst.DictElement(cst.SimpleString(f'"{key}"'), value))
    plan.mark(f"`{key}` has no known /v1/sessions/token field", where)


def _plan_voice(plan: BodyPlan, value: cst.BaseExpression, where: cst.CSTNode) -> None:
    if not isinstance(value, cst.Dict):
        plan.group.put((VOICE_FIELD,), value)
        plan.mark(
            "map `voice` by hand: `voice_id` -> `avatar_persona.voice_id`, `rate` -> "
            "`avatar_persona.voice_settings.speed`",
            where,
        )
        return
    settings: list[tuple[str, cst.BaseExpression, FieldComments]] = []
    inner_comments = field_comments(value)
    first: list[tuple[BodyGroup, str]] = []  # where `voice` landed: its own comments go there
    for position, element in enumerate(value.elements):
        notes = inner_comments[position]
        key = string_value(element.key) if isinstance(element, cst.DictElement) else None
        if key is None or not isinstance(element, cst.DictElement):
            plan.mark("map this `voice` entry by hand", element)
            continue
        sub = element.value
        if key == VOICE_ID_FIELD and string_value(sub) == "":
            # ``"voice_id": ""`` (HeyGen's demos): no voice chosen, the avatar's default
            # speaks. LiveAvatar refuses an empty id; leaving it out keeps the default.
            plan.dropped.append(sub)
        elif key == VOICE_ID_FIELD:
            plan.group.put(PERSONA_VOICE_ID, sub)
            first = first or plan.group.touched[:1]
            plan.group.land(notes)
        elif key == VOICE_RATE_FIELD:
            settings.append((VOICE_SPEED_FIELD, _speed(plan, sub, element), notes))
        elif key == VOICE_EMOTION_FIELD:
            plan.dropped.append(sub)
            plan.mark(f"`voice.emotion` is dropped: {VOICE_EMOTION_NOTE}", element)
        elif key == VOICE_MODEL_FIELD:
            settings.append((ELEVENLABS_SETTINGS_MOVES[key], sub, notes))
        elif key == VOICE_ELEVENLABS_FIELD:
            if not isinstance(sub, cst.Dict):
                plan.mark(
                    "map `elevenlabs_settings` into `avatar_persona.voice_settings` by hand",
                    element,
                )
                continue
            for inner in sub.elements:
                inner_key = string_value(inner.key) if isinstance(inner, cst.DictElement) else None
                if inner_key in ELEVENLABS_SETTINGS_MOVES and isinstance(inner, cst.DictElement):
                    settings.append((ELEVENLABS_SETTINGS_MOVES[inner_key], inner.value, notes))
                    notes = FieldComments()  # the entry's comments go with its first setting
                else:
                    plan.mark("map this ElevenLabs setting by hand", inner)
        else:
            plan.mark(f"`voice.{key}` has no LiveAvatar field", element)
    if settings:
        provider_key, provider = ELEVENLABS_PROVIDER
        plan.group.put((*PERSONA_VOICE_SETTINGS, provider_key), cst.SimpleString(f'"{provider}"'))
        first = first or plan.group.touched[:1]
        for key, sub, notes in settings:
            plan.group.touched = []
            plan.group.put((*PERSONA_VOICE_SETTINGS, key), sub)
            plan.group.land(notes)
    plan.group.touched = first


def _speed(plan: BodyPlan, value: cst.BaseExpression, where: cst.CSTNode) -> cst.BaseExpression:
    low, high = VOICE_SPEED_RANGE
    if isinstance(value, (cst.Integer, cst.Float)):
        number = float(value.evaluated_value)
        if low <= number <= high:
            return value
        clamped = min(max(number, low), high)
        plan.mark(
            f"voice rate {value.value} is outside LiveAvatar's speed range {low}-{high}: "
            f"clamped to {clamped}",
            where,
        )
        return cst.Float(str(clamped))
    plan.mark(
        f"`voice_settings.speed` must lie within {low}-{high} (HeyGen's rate had no such limit)",
        where,
    )
    return value


def _plan_stt(plan: BodyPlan, value: cst.BaseExpression, where: cst.CSTNode) -> None:
    if not isinstance(value, cst.Dict):
        plan.group.put((STT_SETTINGS_FIELD,), value)
        plan.mark(
            "map `stt_settings` by hand: `provider` -> `avatar_persona.stt_config.provider`", where
        )
        return
    for element in value.elements:
        key = string_value(element.key) if isinstance(element, cst.DictElement) else None
        if key == STT_PROVIDER_FIELD and isinstance(element, cst.DictElement):
            plan.group.put(PERSONA_STT_PROVIDER, element.value)
        elif key == "confidence":
            plan.dropped.append(element.value)
            plan.mark(f"`stt_settings.confidence` is dropped: {STT_CONFIDENCE_NOTE}", element)
        else:
            plan.mark("map this `stt_settings` entry by hand", element)


def id_elements(node: cst.Dict) -> list[cst.DictElement]:
    """The entries of a HeyGen body that name an avatar, voice or knowledge base by id."""
    found: list[cst.DictElement] = []
    for element in node.elements:
        if not isinstance(element, cst.DictElement):
            continue
        key = string_value(element.key)
        if key in ID_FIELD_NOTES and key != VOICE_ID_FIELD:
            found.append(element)
        elif key == VOICE_FIELD and isinstance(element.value, cst.Dict):
            for inner in element.value.elements:
                if isinstance(inner, cst.DictElement) and string_value(inner.key) == VOICE_ID_FIELD:
                    found.append(inner)
    return found


def is_literal(value: object) -> bool:
    """A string, number or ``True``/``False``/``None``: a value that is the same on every call."""
    return isinstance(value, (cst.SimpleString, cst.Integer, cst.Float, cst.Name)) and not (
        isinstance(value, cst.Name) and value.value not in ("True", "False", "None")
    )


__all__ = [
    "BodyGroup",
    "BodyNote",
    "BodyPlan",
    "id_elements",
    "is_literal",
    "plan_body",
    "spreads_unknown_fields",
]
