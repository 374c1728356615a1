"""Parameters that a session opener sends as a HeyGen asset id, read with ``ast`` for the
project facts.

``def new_session(api_key, avatar_id)`` putting ``{"avatar_id": avatar_id}`` in its
``streaming.new`` body sends whatever its callers pass: ``client.new_session(key,
"Wayne_20240711")`` in ``main.py`` chooses a HeyGen avatar whose LiveAvatar copy has a new
UUID. The literal is marked where it is written, in the caller's module
(``analysis.session_values.foreign_id_arguments``); within one module
``analysis.session_values.caller_arguments`` reads the calls from the definition itself.
A caller may pass a constant of a third module instead, ``new_session(settings.AVATAR_ID)``
with ``AVATAR_ID = os.getenv("AVATAR_ID", "Wayne_20240711")`` in ``settings.py``: the text
of such constants is kept too (:func:`string_constants`), so that the call is marked.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence

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


_ENV_READERS = frozenset({"getenv", "get"})  # os.getenv(NAME, default), os.environ.get(...)
_MAX_CONSTANT = 120  # characters: an asset id, not a prompt or a template


def name_bindings(body: Sequence[ast.stmt]) -> Iterator[tuple[ast.Name, ast.expr]]:
    """(name, value) of each statement of ``body`` binding one name, annotated or not."""
    for statement in body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name):
            yield target, value


def string_constants(tree: ast.Module) -> dict[str, str]:
    """Module constants whose value is a short word-like string, written as a literal or as
    the default of an environment read (``os.getenv("AVATAR_ID", "Wayne_20240711")``,
    ``os.environ.get(...)``): name -> text. A name bound twice at module level is left out
    (the value depends on which binding runs)."""
    found: dict[str, str] = {}
    bound_twice: set[str] = set()
    for target, value in name_bindings(tree.body):
        text = _constant_text(value)
        if target.id in found or target.id in bound_twice:
            found.pop(target.id, None)
            bound_twice.add(target.id)
        elif text is not None:
            found[target.id] = text
    return found


def env_default(value: ast.expr, readers: frozenset[str] = _ENV_READERS) -> ast.expr | None:
    """The default of an environment read, ``os.getenv(NAME, default)`` (a method of
    ``readers`` called with a name and a default only); ``None`` for anything else."""
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr in readers
        and len(value.args) == 2
        and not value.keywords
    ):
        return value.args[1]
    return None


def _constant_text(value: ast.expr) -> str | None:
    value = env_default(value) or value
    if not isinstance(value, ast.Constant) or not isinstance(value.value, str):
        return None
    text = value.value
    if not text or len(text) > _MAX_CONSTANT or any(c.isspace() for c in text) or "/" in text:
        return None
    return text
