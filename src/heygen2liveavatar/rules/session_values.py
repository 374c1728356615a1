"""Findings and fixes for the values of a ``streaming.new`` body (H2L101): ids that name
HeyGen assets, and region language codes LiveAvatar rejects. See
``analysis/session_values.py`` for the recognition."""

from __future__ import annotations

import libcst as cst

from ..analysis.index import Context, Statement
from ..analysis.session_values import (
    base_language,
    caller_arguments,
    foreign_id_arguments,
    id_values,
    imported_constant,
    is_parameter,
    is_uuid,
    language_values,
    option_default,
    with_base_language,
)
from ..apispec.session_fields import (
    AVATAR_ID,
    ID_FIELD_NOTES,
    MODE_LITE,
    NEW_BODY_MOVES,
    VOICE_ID_FIELD,
)
from .base import RuleContext

_SHOWN = 60  # characters of a non-literal value quoted in a finding


def body_value_findings(
    ctx: RuleContext, node: cst.Dict, statement: Statement | None, mode: str
) -> None:
    context = ctx.index.context_of(statement) if statement is not None else None
    if context is None:
        return
    for value in id_values(node):
        if mode == MODE_LITE and NEW_BODY_MOVES.get(value.key) != AVATAR_ID:
            continue  # LITE drops voices and knowledge bases: only the avatar id matters
        expression = value.element.value
        callers_marked = False
        if is_parameter(expression, context.function):
            callers_marked = _caller_literals(ctx, value.key, value.note, expression, context)
        text = literal_text(ctx, expression, context)
        if text is not None and is_uuid(text):
            continue  # already a LiveAvatar id
        if text:
            ctx.manual(expression, f"`{value.key}` `{text}`: {value.note}", statement)
            continue
        default = option_default(ctx.index, context.function, expression)
        text = literal_text(ctx, default, context) if default is not None else None
        if text and not is_uuid(text):
            # The command-line parser calls the command: its option's default is the value.
            ctx.manual(
                expression,
                f"`{value.key}` `{text}` (the default of its command-line option): {value.note}",
                statement,
            )
            continue
        if is_parameter(expression, context.function):
            if value.key == VOICE_ID_FIELD and not callers_marked:
                # Unlike an avatar's copy, no voice carries over: whatever the callers pass
                # was chosen among HeyGen's voices.
                assert isinstance(expression, cst.Name)
                ctx.manual(
                    expression,
                    f"`{value.key}` (from the parameter `{expression.value}`): its callers "
                    "chose a HeyGen voice, and voices are not migrated: pass a LiveAvatar "
                    "voice UUID (GET /v1/voices)",
                    statement,
                )
            continue  # the caller's value: marked above where it is a literal
        source = " ".join(cst.Module([]).code_for_node(expression).split())
        if len(source) > _SHOWN:
            source = source[: _SHOWN - 3] + "..."
        ctx.manual(expression, f"`{value.key}` (from `{source}`): {value.note}", statement)
    if mode == MODE_LITE:
        return  # LITE drops the language with the rest of the persona
    for element in language_values(node):
        _language(ctx, element, context, statement)


def _caller_literals(
    ctx: RuleContext, key: str, note: str, parameter: cst.BaseExpression, context: Context
) -> bool:
    """The caller's value: marked where a call in this module passes a literal HeyGen id (the
    request fails inside the function, one frame below the call that chose the id). True
    when the module calls the function and every call passes a literal id (a HeyGen one
    marked there, or a UUID)."""
    assert isinstance(parameter, cst.Name) and context.function is not None
    function = context.function
    arguments = caller_arguments(ctx.index, function, parameter.value)
    every = bool(arguments)
    for argument, call_context in arguments:
        found = caller_text(ctx, argument, call_context)
        if found is None:
            every = False
        elif not is_uuid(found[0]):
            ctx.manual(
                argument,
                f"{found[1]} passed to `{function.name.value}` is sent as `{key}`: {note}",
                call_context.statement,
            )
    return every


def foreign_caller_literals(ctx: RuleContext) -> None:
    """:func:`_caller_literals` for a function of another module: a literal HeyGen id this
    module passes to a session opener defined elsewhere in the project is marked here, at
    the call (the project facts say which parameter the opener sends as which id)."""
    project = ctx.project
    if project is None or not project.id_parameters:
        return
    for argument in foreign_id_arguments(ctx.index, project.id_parameters):
        if project.sends_audio and NEW_BODY_MOVES.get(argument.key) != AVATAR_ID:
            continue  # LITE drops voices and knowledge bases: only the avatar id matters
        found = caller_text(ctx, argument.value, argument.context)
        if found is not None and not is_uuid(found[0]):
            ctx.manual(
                argument.value,
                f"{found[1]} passed to `{argument.function}` is sent as `{argument.key}`: "
                f"{ID_FIELD_NOTES[argument.key]}",
                argument.context.statement,
            )


def _language(
    ctx: RuleContext, element: cst.DictElement, context: Context, statement: Statement | None
) -> None:
    expression = element.value
    if isinstance(expression, cst.SimpleString):
        replacement = with_base_language(expression)
        if replacement is None:
            return
        old = str(expression.evaluated_value)

        def replace(_updated: cst.CSTNode, new: cst.SimpleString = replacement) -> cst.CSTNode:
            return new

        if ctx.transform(expression, replace):
            ctx.fixed(
                expression,
                f"`language` `{old}` becomes `{base_language(old)}`: LiveAvatar takes "
                "ISO-639 language codes, without a region",
            )
        return
    # Also a constant of another module (``config.IDIOMA = os.getenv("IDIOMA", "pt-BR")``).
    found = caller_text(ctx, expression, context)
    text = found[0] if found is not None else None
    base = base_language(text) if text else None
    if base is not None:
        ctx.manual(
            expression,
            f"`language` `{text}`: LiveAvatar takes ISO-639 language codes without a region "
            f"(send `{base}`)",
            statement,
        )


def caller_text(
    ctx: RuleContext, value: cst.BaseExpression, context: Context
) -> tuple[str, str] | None:
    """What a caller passes as an id, and how a finding quotes it: the literal
    (``Wayne_20240711``), or a constant of another module that holds one (also as an
    environment default), with where it comes from."""
    text = literal_text(ctx, value, context)
    if text:
        return text, f"`{text}`"
    project = ctx.project
    text = imported_constant(ctx.index, value, project.string_constants) if project else None
    if text is None:
        return None
    return text, f"`{text}` (from `{cst.Module([]).code_for_node(value)}`)"


def literal_text(ctx: RuleContext, value: cst.BaseExpression, context: Context) -> str | None:
    pieces = ctx.resolver.resolve(value, context)
    if not pieces or not all(p.known for p in pieces):
        return None
    text = "".join(p.text or "" for p in pieces)
    return text or None
