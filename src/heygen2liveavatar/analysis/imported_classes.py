"""Classes a module imports from the project's other modules, read from their source.

A response model is often defined in ``models.py`` / ``schemas.py`` and built where the
request is made (``SessionInfo(**r.json()["data"])``). Such a file has no HeyGen text, so the
run neither migrates it nor keeps facts about it; the construction still has to know the
model's fields. The import is resolved on the file system next to the importing file (as
Python would for a package or a script folder) and the class is read with ``ast``: cheap, and
only done for the rare construction that needs it.
"""

from __future__ import annotations

import ast
import functools
import os

# How far up an absolute import's top package is looked for (a src layout, a nested app).
_MAX_LEVELS_UP = 6


def _module_file(directory: str, parts: list[str]) -> str | None:
    base = os.path.join(directory, *parts)
    for candidate in (base + ".py", os.path.join(base, "__init__.py")):
        if os.path.isfile(candidate):
            return candidate
    return None


def resolve_import(importer: str, target: str) -> tuple[str, str] | None:
    """(file, class name) for ``target`` as ``ModuleIndex.imports`` spells it
    (``.models.SessionInfo``, ``app.schemas.SessionInfo``) from the file ``importer``."""
    if not os.path.isfile(importer) or "." not in target.lstrip("."):
        return None
    dots = len(target) - len(target.lstrip("."))
    *module, name = target.lstrip(".").split(".")
    directory = os.path.dirname(os.path.abspath(importer))
    if dots:
        for _ in range(dots - 1):
            directory = os.path.dirname(directory)
        found = _module_file(directory, module) if module else None
        return (found, name) if found else None
    for _ in range(_MAX_LEVELS_UP):
        found = _module_file(directory, module)
        if found is not None:
            return found, name
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return None


def parsed_module(path: str) -> ast.Module | None:
    """The ``ast`` of the file ``path`` (read once per version of the file: a run reads the
    same models file for many importers); ``None`` when it cannot be read or parsed."""
    try:
        modified = os.stat(path).st_mtime_ns
    except OSError:
        return None
    return _parsed(path, modified)


@functools.lru_cache(maxsize=256)
def _parsed(path: str, modified: int) -> ast.Module | None:
    try:
        with open(path, "rb") as handle:
            return ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError):
        return None


def class_fields(path: str, name: str) -> tuple[tuple[str, bool], ...] | None:
    """The annotated fields (name, has a default) of class ``name`` in the file ``path``."""
    tree = parsed_module(path)
    if tree is None:
        return None
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return tuple(
                (item.target.id, item.value is not None)
                for item in node.body
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
            )
    return None


__all__ = ["class_fields", "parsed_module", "resolve_import"]
