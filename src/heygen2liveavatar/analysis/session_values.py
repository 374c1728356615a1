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

from ..apispec.session_fields import ID_FIELD_NOTES, REGION_LANGUAGE, VOICE_ID_FIELD
from .imported_constants import imported_constant as imported_constant
from .index import Context, ModuleIndex, dotted_name, string_value
from .wrapper_params import callee_definitions

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
LANGUAGE_FIELD = "language"


def base_language(code: str) -> str | None:
    """``pt`` for ``pt-BR`` (or ``pt_BR``); ``None`` for a code LiveAvatar takes as it is."""
    match = REGION_LANGUAGE.match(code)
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


_CLI_OPTIONS = frozenset({"click.option", "click.argument"})
_TYPER_PARAMETERS = frozenset({"typer.Option", "typer.Argument"})


def option_default(
    index: ModuleIndex, function: cst.FunctionDef | None, parameter: cst.BaseExpression
) -> cst.BaseExpression | None:
    """The default a command-line option gives ``parameter`` of a command (its caller is the
    command-line parser, whose value comes from the user or this default):
    ``@click.option("--avatar", default="Wayne_20240711")`` over ``def new(avatar)`` (click
    names the parameter after a bare identifier among the declarations, else the longest
    option, dashes as underscores), or ``avatar: str = typer.Option("Wayne_20240711")``."""
    if function is None or type(parameter) is not cst.Name:
        return None
    name = parameter.value
    for decorator in function.decorators:
        call = decorator.decorator
        if not isinstance(call, cst.Call):
            continue
        if index.qualified_name(dotted_name(call.func)) not in _CLI_OPTIONS:
            continue
        declared = [string_value(a.value) for a in call.args if a.keyword is None]
        if _click_parameter_name([d for d in declared if d]) != name:
            continue
        return _keyword_value(call, "default")
    params = function.params
    for param in [*params.posonly_params, *params.params, *params.kwonly_params]:
        default = param.default
        if param.name.value != name or not isinstance(default, cst.Call):
            continue
        if index.qualified_name(dotted_name(default.func)) not in _TYPER_PARAMETERS:
            return None
        first = default.args[0] if default.args and default.args[0].keyword is None else None
        if first is not None and not isinstance(first.value, cst.Ellipsis):
            return first.value
        return _keyword_value(default, "default")
    return None


def _click_parameter_name(declarations: list[str]) -> str | None:
    for declaration in declarations:
        if declaration.isidentifier():
            return declaration
    options = [d for d in declarations if d.startswith("-")]
    if not options:
        return None
    longest = max(options, key=lambda d: (d.startswith("--"), len(d)))
    return longest.lstrip("-").replace("-", "_").lower()


def _keyword_value(call: cst.Call, keyword: str) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    return None


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


@dataclass(frozen=True)
class ForeignIdArgument:
    """A value this module passes for the id parameter of another module's function."""

    value: cst.BaseExpression
    context: Context
    function: str
    key: str
    """The HeyGen field the function sends the value as."""


def foreign_id_arguments(
    index: ModuleIndex, id_parameters: tuple[tuple[str, str, int, str], ...]
) -> list[ForeignIdArgument]:
    """What calls in this module pass for the id parameters of functions defined in other
    modules (``ProjectFacts.id_parameters``): ``client.new_session(key, "Wayne_20240711")``
    decides the avatar ``client.py`` sends. A function is called by the name this module
    imports it under (or on the module it imports), a method (``Kiosk.open``) on a receiver
    other than a module where this module uses the class: a builtin ``open(path)`` or
    ``webbrowser.open(url)`` is no ``Kiosk.open``. A function of that name defined here is
    :func:`caller_arguments`' (or another one)."""
    by_name: dict[str, list[tuple[str, str, int, str]]] = {}
    for qualified, parameter, position, key in id_parameters:
        owner, _, name = qualified.rpartition(".")
        by_name.setdefault(name, []).append((owner, parameter, position, key))
    found: list[ForeignIdArgument] = []
    for site in index.calls:
        func = site.node.func
        if isinstance(func, cst.Attribute):
            name = func.attr.value
        else:
            imported = index.imports.get(site.name or "")
            name = imported.rpartition(".")[2] if imported else ""
        candidates = by_name.get(name)
        if not candidates or callee_definitions(index, site.node)[1]:
            continue
        on_module = (site.name or "").partition(".")[0] in index.imports
        for owner, parameter, position, key in candidates:
            if (not owner and not on_module) or (
                owner and (on_module or not _uses_class(index, owner))
            ):
                continue
            argument = _bound_argument(site.node, parameter, position)
            if argument is not None:
                shown = f"{owner}.{name}" if owner else name
                found.append(ForeignIdArgument(argument, site.context, shown, key))
    return found


def _uses_class(index: ModuleIndex, name: str) -> bool:
    """This module imports class ``name`` or calls it (``client.Kiosk(key)``)."""
    suffix = f".{name}"
    return any(q == name or q.endswith(suffix) for q in index.imports.values()) or any(
        (call.name or "").rpartition(".")[2] == name for call in index.calls
    )


def _bound_argument(call: cst.Call, parameter: str, position: int) -> cst.BaseExpression | None:
    """The argument ``call`` passes for ``parameter`` (by keyword, or at ``position``)."""
    for index, arg in enumerate(call.args):
        if arg.star:
            return None  # ``*args`` / ``**kwargs``: positions past here are unknown
        if arg.keyword is not None:
            if arg.keyword.value == parameter:
                return arg.value
        elif index == position:
            return arg.value
    return None


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
