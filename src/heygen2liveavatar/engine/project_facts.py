"""Facts read from the project's files with ``ast`` only (never LibCST): the session model
across modules.

A HeyGen flow is often split: ``heygen_client.create_session()`` calls ``streaming.new`` and
returns its ``data``; ``service.py`` calls it and reads ``data["url"]``. The migration changes
both (the token response merged with start's data, ``url`` -> ``livekit_url``), so the run
learns which functions open sessions before any file is migrated.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
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
    """One ``ast`` parse, then a walk over statements only (expressions are read as text
    slices or small sub-walks): this runs on every file that passes the pre-filter."""
    if len(data) > _MAX_PARSED:
        return FileFacts()
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return FileFacts()
    lines = data.splitlines()
    facts = FileFacts()
    functions: list[ast.FunctionDef | ast.AsyncFunctionDef] = []
    url_names: set[str] = set()
    for statement in _statements(tree.body):
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(statement)
        elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", None)
            if not name:
                continue
            text = _text(lines, statement)
            if _NEW_PATH.encode() in text:
                url_names.add(name)
            value = _STRING.sub(b"", text.split(b"=", 1)[-1])  # names, not words in strings
            sources = set(_IDENTIFIER.findall(value.decode("ascii", "replace")))
            if sources:
                facts.aliases.append((name, sources))
    for function in functions:
        text = _text(lines, function)
        _wrapper_body(function, text, facts.wrappers)
        if _NEW_PATH.encode() in data and _opens(function, text, url_names):
            facts.openers.add(function.name)
    return facts


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_STRING = re.compile(rb"([\"'])(?:\\.|(?!\1).)*\1")
_BODY_ARGUMENT = re.compile(
    rb"\b(?:json|data|content|body)\s*=\s*(?:[\w.]*dumps\(\s*)?([A-Za-z_][A-Za-z0-9_]*)"
)
_COMPOUND = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try)


def _statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement, nested ones included, without visiting expressions."""
    stack = list(reversed(body))
    while stack:
        statement = stack.pop()
        yield statement
        nested: list[ast.stmt] = []
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            nested = statement.body
        elif isinstance(statement, _COMPOUND):
            nested = [*statement.body, *getattr(statement, "orelse", [])]
            nested += getattr(statement, "finalbody", [])
            for handler in getattr(statement, "handlers", []):
                nested += handler.body
        elif hasattr(ast, "Match") and isinstance(statement, ast.Match):
            for case in statement.cases:
                nested += case.body
        stack.extend(reversed(nested))


def _text(lines: list[bytes], node: ast.stmt) -> bytes:
    return b"\n".join(lines[node.lineno - 1 : node.end_lineno or node.lineno])


def _opens(function: ast.AST, text: bytes, url_names: set[str]) -> bool:
    """Calls ``streaming.new`` and returns something other than a literal tuple or dict."""
    if _NEW_PATH.encode() not in text and not any(
        re.search(rb"\b" + re.escape(name.encode()) + rb"\b", text) for name in url_names
    ):
        return False
    body = getattr(function, "body", [])
    returns = [s.value for s in _statements(body) if isinstance(s, ast.Return) and s.value]
    return bool(returns) and not any(
        isinstance(v, (ast.Tuple, ast.Dict, ast.Constant)) for v in returns
    )


def _wrapper_body(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    text: bytes,
    found: dict[str, tuple[str, int]],
) -> None:
    """A request wrapper: the parameter it sends as the body and its position among the
    positional parameters (``self`` not counted).

    ``post_json(url, api_key, payload, auth_mode)`` passes ``payload`` as ``json=`` (or
    ``data=json.dumps(payload)``) to the HTTP call it makes; callers in other modules call it
    with their own positional order, which only the wrapper's code tells.
    """
    positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    if positional and positional[0] in ("self", "cls"):
        positional = positional[1:]
    params = {*positional, *(a.arg for a in function.args.kwonlyargs)}
    for match in _BODY_ARGUMENT.finditer(text):
        name = match.group(1).decode("ascii")
        if name in params:
            position = positional.index(name) if name in positional else -1
            found.setdefault(function.name, (name, position))
            return


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


__all__ = ["FileFacts", "expand_base_names", "file_facts"]
