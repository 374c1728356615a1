"""Facts read from the project's files with ``ast`` only (never LibCST): the session model
across modules.

A HeyGen flow is often split: ``heygen_client.create_session()`` calls ``streaming.new`` and
returns its ``data``; ``service.py`` calls it and reads ``data["url"]``. The migration changes
both (the token response merged with start's data, ``url`` -> ``livekit_url``), so the run
learns which functions open sessions before any file is migrated.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

_NEW_PATH = "streaming.new"


@dataclass
class FileFacts:
    """What one candidate file contributes to the project's facts (one ``ast`` parse)."""

    openers: set[str] = field(default_factory=set)
    wrappers: dict[str, tuple[str, int]] = field(default_factory=dict)
    aliases: list[tuple[str, set[str]]] = field(default_factory=list)
    """``self._base = settings.heygen_base_url``: (target name, names its value reads)."""


_MAX_PARSED = 4 * 1024 * 1024
"""The engine refuses larger files (``transform.MAX_SOURCE_CHARS``): no facts from them either."""


def file_facts(data: bytes) -> FileFacts:
    if len(data) > _MAX_PARSED:
        return FileFacts()
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return FileFacts()
    return FileFacts(
        _openers(tree) if _NEW_PATH.encode() in data else set(),
        _wrapper_bodies(tree),
        _aliases(tree),
    )


def _aliases(tree: ast.Module) -> list[tuple[str, set[str]]]:
    edges: list[tuple[str, set[str]]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        target = node.targets[0]
        name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", None)
        if not name:
            continue
        sources = {
            n.id if isinstance(n, ast.Name) else n.attr
            for n in ast.walk(node.value)
            if isinstance(n, (ast.Name, ast.Attribute))
        }
        if sources:
            edges.append((name, sources))
    return edges


def expand_base_names(names: set[str], edges: list[tuple[str, set[str]]]) -> set[str]:
    """Names whose value flows into a streaming base name (``self._base = s.base_url``)."""
    result = set(names)
    for _round in range(3):
        grown = {source for target, sources in edges if target in result for source in sources}
        grown -= {"self", "os", "environ", "getenv", "get", "rstrip", "strip", "settings"}
        if grown <= result:
            break
        result |= grown
    return result


def _openers(tree: ast.Module) -> set[str]:
    """Names of the functions and methods that call ``streaming.new`` and return something
    other than a literal tuple or dict (the response, its JSON or its ``data``)."""
    url_names = _names_holding_new_path(tree)
    openers: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        if not _mentions_new_path(node, url_names):
            continue
        returns = [
            n.value for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None
        ]
        if returns and not any(isinstance(v, (ast.Tuple, ast.Dict, ast.Constant)) for v in returns):
            openers.add(node.name)
    return openers


def _names_holding_new_path(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _has_new_path(node.value):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    names.add(target.id)
                elif isinstance(target, ast.Attribute):
                    names.add(target.attr)
    return names


def _has_new_path(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.Constant) and isinstance(n.value, str) and _NEW_PATH in n.value
        for n in ast.walk(node)
    )


def _mentions_new_path(function: ast.AST, url_names: set[str]) -> bool:
    for n in ast.walk(function):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and _NEW_PATH in n.value:
            return True
        if isinstance(n, ast.Name) and n.id in url_names:
            return True
        if isinstance(n, ast.Attribute) and n.attr in url_names:
            return True
    return False


_BODY_KEYWORDS = ("json", "data", "content", "body")


def _wrapper_bodies(tree: ast.Module) -> dict[str, tuple[str, int]]:
    """Request wrappers defined in ``data``: function name -> the parameter sent as the body
    and its position among the positional parameters (``self`` not counted).

    ``post_json(url, api_key, payload, auth_mode)`` passes ``payload`` as ``json=`` (or
    ``data=json.dumps(payload)``) to the HTTP call it makes; callers in other modules call it
    with their own positional order, which only the wrapper's code tells.
    """
    found: dict[str, tuple[str, int]] = {}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        positional = [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
        if positional and positional[0] in ("self", "cls"):
            positional = positional[1:]
        params = {*positional, *(a.arg for a in node.args.kwonlyargs)}
        for call in ast.walk(node):
            if not isinstance(call, ast.Call):
                continue
            for keyword in call.keywords:
                if keyword.arg not in _BODY_KEYWORDS:
                    continue
                value: ast.AST = keyword.value
                while isinstance(value, ast.Call) and value.args:
                    value = value.args[0]  # json.dumps(payload).encode()
                if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Call):
                    inner = value.value
                    value = inner.args[0] if inner.args else value
                if isinstance(value, ast.Name) and value.id in params:
                    position = positional.index(value.id) if value.id in positional else -1
                    found.setdefault(node.name, (value.id, position))
    return found


__all__ = ["FileFacts", "expand_base_names", "file_facts"]
