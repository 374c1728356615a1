"""A provider switch: a project that keeps its HeyGen backend beside a LiveAvatar one.

``providers/heygen.py`` and ``providers/liveavatar.py`` behind a factory that picks one by
configuration (``{"heygen": HeyGenProvider, "liveavatar": LiveAvatarProvider}[name]``, an
``if``/``else``) is a project that has already migrated and keeps HeyGen on purpose, for
customers who have not moved yet. Rewriting the HeyGen backend in place would make both
branches LiveAvatar's and break the customers the switch exists for, so the backend is left
as it is with one finding that says why.

Read with ``ast`` only, from the importer (the switch): the runner calls this while it
scans the project, before anything is migrated. A switch is recognised when two names it
imports are *alternatives* (values of one dict literal, the branches of one ``if`` /
conditional expression / ``match``), one naming HeyGen and the other LiveAvatar (in the
imported name or its module path), both playing the same role (``HeyGenProvider`` and
``LiveAvatarProvider``). Names alone would also match a script comparing both APIs,
alternatives alone a partly migrated project whose ``main`` calls a migrated module in one
branch and an unmigrated one in the other: all three together are a switch.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterable, Iterator

ImportRef = tuple[int, str, str]
"""An imported name: (relative level, module, name); ``from . import heygen`` ->
``(1, "", "heygen")``, ``import providers.heygen as hg`` -> ``(0, "providers.heygen", "")``."""

Choice = tuple[ImportRef, ImportRef]
"""Two imported names a switch chooses between: (the HeyGen one, the LiveAvatar one)."""

_HEYGEN = re.compile(r"hey_?gen", re.IGNORECASE)
_LIVEAVATAR = re.compile(r"live_?avatar", re.IGNORECASE)
MAY_SWITCH = re.compile(rb"(?i)live_?avatar")
"""A file without this word cannot import a LiveAvatar backend by name: no walk for it."""
_MAX_CHOICES = 32  # a switch has a handful of providers; more is a table of something else


def _names(ref: ImportRef) -> str:
    return f"{ref[1]}.{ref[2]}"


def names_heygen(ref: ImportRef) -> bool:
    text = _names(ref)
    return _HEYGEN.search(text) is not None and _LIVEAVATAR.search(text) is None


def names_liveavatar(ref: ImportRef) -> bool:
    text = _names(ref)
    return _LIVEAVATAR.search(text) is not None and _HEYGEN.search(text) is None


def choices(tree: ast.Module) -> list[Choice]:
    """The (HeyGen, LiveAvatar) pairs of imported names that ``tree`` chooses between."""
    bindings = _import_bindings(tree)
    if not bindings:
        return []
    found: list[Choice] = []
    for alternatives in _alternatives(tree):
        sides = [_refs(nodes, bindings) for nodes in alternatives]
        for i, first in enumerate(sides):
            for second in sides[i + 1 :]:
                for a in sorted(first - second):
                    for b in sorted(second - first):
                        pair = _oriented(a, b)
                        if pair is not None and pair not in found:
                            found.append(pair)
                            if len(found) >= _MAX_CHOICES:
                                return found
    return found


def _oriented(a: ImportRef, b: ImportRef) -> Choice | None:
    if _role(a) != _role(b):
        return None
    if names_heygen(a) and names_liveavatar(b):
        return (a, b)
    if names_heygen(b) and names_liveavatar(a):
        return (b, a)
    return None


def _role(ref: ImportRef) -> str:
    """What an imported name is without its provider: ``HeyGenProvider`` and
    ``LiveAvatarProvider`` are both ``provider``, the modules ``heygen`` and ``liveavatar``
    both ``""``. Two alternatives of a switch play the same role; ``heygen_tasks.speak``
    and ``liveavatar_session.open_session`` in two branches are two steps of a project
    migrated one module at a time, whose HeyGen module still has to be migrated."""
    name = ref[2] or ref[1].rsplit(".", 1)[-1]
    return _LIVEAVATAR.sub("", _HEYGEN.sub("", name)).strip("_").replace("_", "").lower()


def _imported(node: ast.AST) -> Iterator[tuple[str, ImportRef]]:
    """(local name, what it imports) for an import statement."""
    if isinstance(node, ast.ImportFrom):
        for alias in node.names:
            if alias.name != "*":
                yield alias.asname or alias.name, (node.level, node.module or "", alias.name)
    elif isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                yield alias.asname, (0, alias.name, "")


def _import_bindings(tree: ast.Module) -> dict[str, set[ImportRef]]:
    """Local name -> what it may import, for every import of the file (functions' too; a
    name imported in both branches of an ``if`` imports either)."""
    bindings: dict[str, set[ImportRef]] = {}
    for node in ast.walk(tree):
        for name, ref in _imported(node):
            bindings.setdefault(name, set()).add(ref)
    return bindings


def _alternatives(tree: ast.Module) -> Iterator[list[list[ast.AST]]]:
    """Groups of alternatives, each the nodes of one alternative."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            yield [[value] for value in node.values]
        elif isinstance(node, ast.IfExp):
            yield [[node.body], [node.orelse]]
        elif isinstance(node, ast.If):
            yield [list(node.body), list(node.orelse)]
        elif isinstance(node, ast.Match):
            yield [list(case.body) for case in node.cases]
        body = getattr(node, "body", None)
        if isinstance(body, list):
            yield from _early_exits(body)


def _early_exits(body: list[ast.stmt]) -> Iterator[list[list[ast.AST]]]:
    """``if heygen: return HeyGen(...)`` followed by ``return LiveAvatar(...)``: the rest of
    the block is the other branch."""
    for position, statement in enumerate(body):
        if (
            isinstance(statement, ast.If)
            and not statement.orelse
            and statement.body
            and isinstance(statement.body[-1], (ast.Return, ast.Raise))
        ):
            yield [list(statement.body), list(body[position + 1 :])]


def _refs(nodes: Iterable[ast.AST], bindings: dict[str, set[ImportRef]]) -> set[ImportRef]:
    """What one alternative imports or reads of the file's imports."""
    refs: set[ImportRef] = set()
    for node in nodes:
        for inner in ast.walk(node):
            if isinstance(inner, ast.Name):
                refs |= bindings.get(inner.id, set())
            else:
                refs.update(ref for _name, ref in _imported(inner))
    return refs


def target_paths(importer: str, ref: ImportRef) -> tuple[set[str], set[str]]:
    """Where the module of ``ref`` may live: (absolute paths for a relative import, path
    suffixes such as ``/providers/heygen.py`` for an absolute one); the module itself or,
    for ``from pkg import name``, the module ``pkg/name.py``."""
    level, module, name = ref
    parts = [p for p in module.split(".") if p]
    stems: list[list[str]] = [parts] + ([[*parts, name]] if name else [])
    exact: set[str] = set()
    suffixes: set[str] = set()
    if level:
        base = os.path.dirname(os.path.abspath(importer))
        for _ in range(level - 1):
            base = os.path.dirname(base)
        for stem in stems:
            target = os.path.join(base, *stem)
            exact.update((target + ".py", os.path.join(target, "__init__.py")))
    else:
        for stem in stems:
            if stem:
                suffix = "/" + "/".join(stem)
                suffixes.update((suffix + ".py", suffix + "/__init__.py"))
    return exact, suffixes


def kept_backends(
    switches: dict[str, list[Choice]], streaming_files: Iterable[str]
) -> dict[str, str]:
    """HeyGen streaming modules that a switch chooses against a LiveAvatar backend:
    path -> why it is left alone (one sentence naming the switch and the alternative)."""
    streaming = sorted(os.path.realpath(path) for path in streaming_files)
    kept: dict[str, str] = {}
    for importer, pairs in sorted(switches.items()):
        for heygen, liveavatar in pairs:
            exact, suffixes = target_paths(importer, heygen)
            for path in streaming:
                if path in kept or path == os.path.realpath(importer):
                    continue
                if path in exact or path.replace(os.sep, "/").endswith(tuple(suffixes)):
                    kept[path] = _reason(importer, path, liveavatar)
    return kept


def _reason(importer: str, backend: str, liveavatar: ImportRef) -> str:
    # Relative to the backend's package's parent: ``providers/__init__.py``, the same
    # whichever file of the project the run was given.
    above = os.path.dirname(os.path.dirname(backend))
    switch = os.path.relpath(importer, above).replace(os.sep, "/")
    other = liveavatar[2] or liveavatar[1]
    return (
        f"this module is the HeyGen backend of a provider switch (`{switch}` chooses between it "
        f"and `{other}`): left as it is on purpose; delete it with its branch of the switch "
        "once no configuration selects HeyGen"
    )


__all__ = ["MAY_SWITCH", "Choice", "ImportRef", "choices", "kept_backends", "target_paths"]
