"""H2L101: reads of the ``streaming.new`` body's own fields after it was mapped.

Programs read the body they sent, ``log.info("idle timeout %ss", payload["activity_idle_timeout"])``;
once the body is LiveAvatar's, a HeyGen field that moved into a nested object (``quality`` ->
``video_settings.quality``) or was dropped (``activity_idle_timeout``) is not there, and the read
raises ``KeyError`` (or ``.get`` returns ``None``). A literal value is written where it is read
(the program keeps what it logged or compared); any other value is marked.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from ..analysis.payloads import dict_keys, key_reads
from ..analysis.session_config import is_literal
from ..apispec.session_fields import (
    NEW_BODY_DROPPED,
    NEW_BODY_MOVES,
    STT_SETTINGS_FIELD,
    VOICE_FIELD,
)
from .base import RuleContext


def _leaves_top_level(key: str) -> bool:
    """A HeyGen field the LiveAvatar body does not hold under the same name."""
    moved = NEW_BODY_MOVES.get(key)
    if moved is not None:
        return moved != (key,)
    return key in NEW_BODY_DROPPED or key in (VOICE_FIELD, STT_SETTINGS_FIELD)


def _written(literal: cst.BaseExpression) -> Callable[[cst.CSTNode], cst.CSTNode]:
    def write(_updated: cst.CSTNode) -> cst.CSTNode:
        return literal.deep_clone()

    return write


def map_body_reads(
    ctx: RuleContext,
    name: str,
    node: cst.Dict,
    lines: list[tuple[str, cst.SimpleStatementLine]],
) -> None:
    """Fix or mark the reads of ``name``'s fields that the mapped body no longer has."""
    values: dict[str, list[cst.BaseExpression]] = {
        key: [element.value] for key, element in dict_keys(node).items()
    }
    for key, line in lines:
        assign = line.body[0]
        if isinstance(assign, cst.Assign):
            values.setdefault(key, []).append(assign.value)
    for key, read in key_reads(ctx.index, name, node):
        if key not in values or not _leaves_top_level(key):
            continue
        sent = values[key]
        if len(sent) == 1 and is_literal(sent[0]):
            if ctx.transform(read, _written(sent[0])):
                ctx.fixed(
                    read,
                    f"`{key}` is not a field of the LiveAvatar session body: the value it was "
                    "sent with is written where the program reads it",
                )
            continue
        ctx.manual(
            read,
            f"`{key}` is not a field of the LiveAvatar session body any more (moved or "
            "dropped): read the value where it comes from, not from the body",
        )
