"""Values of a ``streaming.new`` body that do not carry over to LiveAvatar as they are.

Avatar, voice and knowledge-base ids name HeyGen assets (the LiveAvatar copies have new UUIDs;
voices are not copied at all), whatever spells them: a literal, a constant dict, an
environment default, a settings attribute. Languages are ISO-639 codes on LiveAvatar: a
region variant such as ``pt-BR`` is rejected, and a maintainer's hand migration sends ``pt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from ..apispec.session_fields import ID_FIELD_NOTES, VOICE_ID_FIELD
from .index import Context, ModuleIndex, string_value
from .wrapper_params import callee_definitions

_REGION_LANGUAGE = re.compile(r"^(?P<base>[a-z]{2,3})[-_](?:[A-Za-z]{2}|\d{3}|[A-Za-z]{4})$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
LANGUAGE_FIELD = "language"


def base_language(code: str) -> str | None:
    """``pt`` for ``pt-BR`` (or ``pt_BR``); ``None`` for a code LiveAvatar takes as it is."""
    match = _REGION_LANGUAGE.match(code)
    return match.group("base").lower() if match else None


def is_uuid(text: str) -> bool:
    """A UUID: already a LiveAvatar id (HeyGen's are names or 32 hex digits)."""
    return _UUID.match(text) is not None


@dataclass(frozen=True)
class IdValue:
    key: str
    """The HeyGen field: ``avatar_id``, ``avatar_name``, ``voice_id``, ``knowledge_base_id``..."""
    element: cst.DictElement

    @property
    def note(self) -> str:
        return ID_FIELD_NOTES[self.key]


def is_parameter(expression: cst.BaseExpression, function: cst.FunctionDef | None) -> bool:
    """A bare parameter of ``function``: its callers choose the value, not this code."""
    if function is None or type(expression) is not cst.Name:
        return False
    params = function.params
    every = [*params.posonly_params, *params.params, *params.kwonly_params]
    for extra in (params.star_arg, params.star_kwarg):
        if isinstance(extra, cst.Param):
            every.append(extra)
    return any(param.name.value == expression.value for param in every)


def caller_arguments(
    index: ModuleIndex, function: cst.FunctionDef, parameter: str
) -> list[tuple[cst.BaseExpression, Context]]:
    """What the calls of ``function`` in this module pass for ``parameter`` (by keyword or
    position), with where each call sits: ``new_session("Anna_public")`` in a ``main()``
    decides the avatar the body sends."""
    params = function.params
    positional = [p.name.value for p in (*params.posonly_params, *params.params)]
    found: list[tuple[cst.BaseExpression, Context]] = []
    for site in index.calls:
        name, definitions = callee_definitions(index, site.node)
        if name != function.name.value or definitions != [function]:
            continue
        names = positional
        if isinstance(site.node.func, cst.Attribute) and names[:1] in (["self"], ["cls"]):
            names = names[1:]  # a method called on its instance or class
        for position, arg in enumerate(site.node.args):
            if arg.star:
                break  # ``*args`` / ``**kwargs``: positions past here are unknown
            bound = arg.keyword.value if arg.keyword is not None else None
            if bound is None and position < len(names):
                bound = names[position]
            if bound == parameter:
                found.append((arg.value, site.context))
    return found


def id_values(node: cst.Dict) -> list[IdValue]:
    """The id fields of a ``streaming.new`` body (``voice_id`` inside ``voice``)."""
    found: list[IdValue] = []
    for element in node.elements:
        if not isinstance(element, cst.DictElement):
            continue
        key = string_value(element.key)
        if key in ID_FIELD_NOTES and key != VOICE_ID_FIELD:
            found.append(IdValue(key, element))
        elif key == "voice" and isinstance(element.value, cst.Dict):
            for inner in element.value.elements:
                if (
                    isinstance(inner, cst.DictElement)
                    and string_value(inner.key) == VOICE_ID_FIELD
                    and string_value(inner.value) != ""  # no voice chosen: dropped, no new id
                ):
                    found.append(IdValue(VOICE_ID_FIELD, inner))
    return found


def language_values(node: cst.Dict) -> list[cst.DictElement]:
    """The ``language`` fields of a ``streaming.new`` body."""
    return [
        element
        for element in node.elements
        if isinstance(element, cst.DictElement) and string_value(element.key) == LANGUAGE_FIELD
    ]


def with_base_language(string: cst.SimpleString) -> cst.SimpleString | None:
    """``"pt-BR"`` -> ``"pt"``, in the literal's own quotes and prefix."""
    value = string.evaluated_value
    if not isinstance(value, str):
        return None
    base = base_language(value)
    if base is None:
        return None
    quote = string.quote
    return string.with_changes(value=f"{string.prefix}{quote}{base}{quote}")
