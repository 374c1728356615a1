"""Module constants holding a whole HeyGen streaming URL, read with ``ast`` for the project
facts.

``constants.py`` writes ``STREAMING_NEW_URL = f"{HEYGEN_BASE_URL}/v1/streaming.new"``; a
route module does ``from .constants import STREAMING_NEW_URL`` and sends
``api_post(STREAMING_NEW_URL, {...})``. Within one module the resolver follows the name to
its literal (``analysis/values.py``); from another module it reads the constant's text here
(``ProjectFacts.url_constants``), so that the request is recognised as ``streaming.new``
where it is sent. The literal itself is edited in its own module, whose migration knows from
the same facts that the constant is sent elsewhere (``analysis/imported_urls.py``).

The text is resolved as the module's own constants spell it: literals, f-strings and ``+``
of names bound once at module level, the default of an environment read
(``os.getenv("HEYGEN_BASE_URL", "https://api.heygen.com")``); anything else is a hole
(``\\x00``), as the resolver has it.
"""

from __future__ import annotations

import ast
import re

from ..apispec import STREAMING_PATH_PATTERN
from .id_parameter_facts import env_default, name_bindings

HOLE = "\x00"
_ENV_READERS = frozenset({"getenv", "get", "setdefault"})
_MAX_DEPTH = 8


def url_constants(tree: ast.Module) -> dict[str, str]:
    """Name -> text (holes as ``\\x00``) of each module constant whose value names a HeyGen
    streaming endpoint; also each such entry of a module-level dict (``ENDPOINTS[new]`` for
    ``ENDPOINTS = {"new": f"{BASE}/streaming.new"}``) and member of a module-level class
    (``Urls.NEW``). A name bound twice at its level is left out."""
    values = _single_bindings(tree.body)
    found: dict[str, str] = {}
    for name, value in values.items():
        if isinstance(value, ast.Dict):
            for key, entry in zip(value.keys, value.values):
                if isinstance(key, ast.Constant) and isinstance(key.value, str):
                    _add(found, f"{name}[{key.value}]", entry, values)
        else:
            _add(found, name, value, values)
    for statement in tree.body:
        if isinstance(statement, ast.ClassDef):
            members = _single_bindings(statement.body)
            scope = {**values, **members}  # a class body reads its own names first
            for name, value in members.items():
                _add(found, f"{statement.name}.{name}", value, scope)
    return found


def _single_bindings(body: list[ast.stmt]) -> dict[str, ast.expr]:
    values: dict[str, ast.expr] = {}
    bound_twice: set[str] = set()
    for target, value in name_bindings(body):
        if target.id in values:
            bound_twice.add(target.id)
        values[target.id] = value
    for name in bound_twice:
        values.pop(name, None)
    return values


def _add(found: dict[str, str], name: str, value: ast.expr, values: dict[str, ast.expr]) -> None:
    if not _may_name_streaming(value) and not _extends_constant(value, found):
        return
    text = _text(value, values, 0)
    if STREAMING_PATH_PATTERN.search(text.encode("utf-8", "replace")):
        found[name] = text


def _may_name_streaming(value: ast.expr) -> bool:
    """The value's own literals hold ``streaming`` (the endpoint is written here)."""
    return any(
        isinstance(node, ast.Constant) and isinstance(node.value, str) and "streaming" in node.value
        for node in ast.walk(value)
    )


def _extends_constant(value: ast.expr, found: dict[str, str]) -> bool:
    """The value builds on a constant of this module already found
    (``KB_DELETE = KB_ITEM + "/delete"``): importers send it as they send the other."""
    return any(isinstance(node, ast.Name) and node.id in found for node in ast.walk(value))


def _text(value: ast.expr, values: dict[str, ast.expr], depth: int) -> str:
    if depth > _MAX_DEPTH:
        return HOLE
    depth += 1
    if isinstance(value, ast.Constant):
        return value.value if isinstance(value.value, str) else HOLE
    if isinstance(value, ast.JoinedStr):
        parts: list[str] = []
        for part in value.values:
            if isinstance(part, ast.FormattedValue):
                plain = part.conversion == -1 and part.format_spec is None
                parts.append(_text(part.value, values, depth) if plain else HOLE)
            else:
                parts.append(_text(part, values, depth))
        return "".join(parts)
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        return _text(value.left, values, depth) + _text(value.right, values, depth)
    if isinstance(value, ast.Name):
        bound = values.get(value.id)
        return _text(bound, values, depth) if bound is not None else HOLE
    default = env_default(value, _ENV_READERS)
    if default is not None:
        return _text(default, values, depth)
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or) and len(value.values) == 2:
        return _text(value.values[1], values, depth)
    if isinstance(value, ast.Call) and not value.keywords and len(value.args) == 2:
        name = value.func.attr if isinstance(value.func, ast.Attribute) else None
        name = value.func.id if isinstance(value.func, ast.Name) else name
        if name == "urljoin":
            return _urljoin(
                _text(value.args[0], values, depth), _text(value.args[1], values, depth)
            )
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr == "format"
        and not value.keywords
        and isinstance(value.func.value, ast.Constant)
        and isinstance(value.func.value.value, str)
    ):
        # ``"{}/streaming.new".format(BASE)``: positional fields in order
        parts = value.func.value.value.split("{}")
        if len(parts) != len(value.args) + 1 or "{" in "".join(parts):
            return HOLE
        filled = [_text(arg, values, depth) for arg in value.args]
        return "".join(
            part + (filled[i] if i < len(filled) else "") for i, part in enumerate(parts)
        )
    return HOLE


def _urljoin(base: str, path: str) -> str:
    """``urljoin`` of two texts (holes kept) as far as an endpoint's name is concerned."""
    if path.startswith(("http://", "https://")):
        return path
    if path.startswith("/"):
        scheme, separator, rest = base.partition("://")
        return (scheme + separator + rest.split("/", 1)[0] if separator else HOLE) + path
    return (base if base.endswith("/") else base.rsplit("/", 1)[0] + "/") + path


_HEYGEN_BASE = re.compile(r"https?://api\.heygen\.com(?:/v\d)?/?")
_LIVEAVATAR_BASE = re.compile(r"https?://api\.liveavatar\.com(?:/v\d)?/?")


def base_constants(tree: ast.Module) -> set[str]:
    """Module constants whose value is a bare HeyGen API base written as a literal
    (``BASE_URL = "https://api.heygen.com"``, ``"https://api.heygen.com/v1"``): a module
    importing one may build streaming URLs on it while another builds HeyGen's other APIs'
    (``analysis/imported_bases.py``). Kept when the name's LiveAvatar sibling
    (``LIVEAVATAR_BASE_URL``) is free in the module or holds LiveAvatar's base already (a
    first run). A name bound twice is left out."""
    values = _single_bindings(tree.body)
    found: set[str] = set()
    for name, value in values.items():
        if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
            continue
        if _HEYGEN_BASE.fullmatch(value.value) is None:
            continue
        sibling = values.get(sibling_name(name))
        if sibling is None or (
            isinstance(sibling, ast.Constant)
            and isinstance(sibling.value, str)
            and _LIVEAVATAR_BASE.fullmatch(sibling.value) is not None
        ):
            found.add(name)
    return found


def sibling_name(name: str) -> str:
    """``BASE`` -> ``LIVEAVATAR_BASE``, ``HEYGEN_API`` -> ``LIVEAVATAR_API``,
    ``heygen_base`` -> ``liveavatar_base`` (as ``analysis/shared_clients.liveavatar_name``)."""
    if name.isupper():
        return "LIVEAVATAR_" + (name[len("HEYGEN_") :] if name.startswith("HEYGEN_") else name)
    lowered = name.lstrip("_")
    leading = name[: len(name) - len(lowered)]
    core = lowered[len("heygen_") :] if lowered.startswith("heygen_") else lowered
    return f"{leading}liveavatar_{core}"
