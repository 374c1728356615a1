"""Parameters that a session opener sends as a HeyGen asset id, read with ``ast`` for the
project facts.

``def new_session(api_key, avatar_id)`` putting ``{"avatar_id": avatar_id}`` in its
``streaming.new`` body sends whatever its callers pass: ``client.new_session(key,
"Wayne_20240711")`` in ``main.py`` chooses a HeyGen avatar whose LiveAvatar copy has a new
UUID. The literal is marked where it is written, in the caller's module
(``analysis.session_values.foreign_id_arguments``); within one module
``analysis.session_values.caller_arguments`` reads the calls from the definition itself.
"""

from __future__ import annotations

import ast

from ..apispec.session_fields import ID_FIELD_NOTES, VOICE_ID_FIELD
from .wrapper_facts import own_nodes


def id_parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[str, int, str]]:
    """``(parameter, position, HeyGen field)`` for each parameter of ``function`` that a dict
    of its own puts in an id field (``voice_id`` inside ``voice``); the position counts
    positional parameters without ``self``/``cls``, ``-1`` for a keyword-only one."""
    arguments = function.args
    positional = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
    if positional and positional[0] in ("self", "cls"):
        positional = positional[1:]
    keyword_only = {a.arg for a in arguments.kwonlyargs}
    found: list[tuple[str, int, str]] = []
    for node in own_nodes(function):
        if not isinstance(node, ast.Dict):
            continue
        for field_name, value in _id_fields(node):
            if not isinstance(value, ast.Name):
                continue
            if value.id in positional:
                entry = (value.id, positional.index(value.id), field_name)
            elif value.id in keyword_only:
                entry = (value.id, -1, field_name)
            else:
                continue
            if entry not in found:
                found.append(entry)
    return found


def _id_fields(node: ast.Dict) -> list[tuple[str, ast.expr]]:
    """The id fields of a dict, as ``analysis.session_values.id_values`` reads a body."""
    fields: list[tuple[str, ast.expr]] = []
    for key, value in zip(node.keys, node.values):
        name = key.value if isinstance(key, ast.Constant) else None
        if not isinstance(name, str):
            continue
        if name in ID_FIELD_NOTES and name != VOICE_ID_FIELD:
            fields.append((name, value))
        elif name == "voice" and isinstance(value, ast.Dict):
            fields.extend(
                (VOICE_ID_FIELD, inner)
                for inner_key, inner in zip(value.keys, value.values)
                if isinstance(inner_key, ast.Constant) and inner_key.value == VOICE_ID_FIELD
            )
    return fields
