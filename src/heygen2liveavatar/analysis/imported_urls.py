"""Module constants holding a whole streaming URL that other modules of the run import.

``constants.py`` writes ``STREAMING_NEW_URL = f"{HEYGEN_BASE_URL}/v1/streaming.new"`` and
sends nothing itself; ``routes.py`` imports the name and posts to it. The routes' migration
reads the constant's text from the project facts (``ProjectFacts.url_constants``, through
``analysis/values.py``) and migrates the request there; the literal, written here, is edited
here: the token path becomes LiveAvatar's (``/v1/sessions/token``, the request now being the
bridge's token call), and an endpoint whose requests became events or were retired (start,
task, interrupt) is said to be unused once the importers are migrated, not "not followed".
"""

from __future__ import annotations

import os

import libcst as cst

from ..model import ProjectFacts
from .endpoints import EndpointLiteral
from .index import ModuleIndex, string_value


def imported_url_constant(
    index: ModuleIndex, project: ProjectFacts | None, literal: EndpointLiteral, filename: str = ""
) -> str | None:
    """The name of the module constant ``literal`` is (part of) the value of (as code reads
    it: ``ENDPOINTS["new"]``), when another
    module of the run imports that name and the project facts hold the constant's URL
    (so that the importer resolves its requests to it); else ``None``. The constant may be
    a module-level name (``NEW_URL``), an entry of a module-level dict (``ENDPOINTS[new]``)
    or a member of a module-level class (``Urls.NEW``), as ``engine/url_constant_facts``
    names them."""
    if project is None or not project.url_constants or literal.requests:
        return None
    site = literal.site
    context = site.context
    name = site.assigned_to
    if context.function is not None or not name or "." in name:
        return None
    imported = name
    key = None
    if context.class_def is not None:
        owner = context.class_def
        if index.parent_of(index.parent_of(owner) or owner) is not None:
            return None  # a nested class
        imported = owner.name.value
        name = f"{imported}.{name}"
    else:
        key = _dict_key(index, literal.node, context.statement)
        if key is not None:
            name = f"{name}[{key}]"
    if imported not in project.imported_names and not _star_imported(project, filename):
        return None
    if not any(constant == name for _module, constant, _text in project.url_constants):
        return None
    return name if key is None else f'{name.partition("[")[0]}["{key}"]'


def _star_imported(project: ProjectFacts, filename: str) -> bool:
    """Some module does ``from .<this module> import *``."""
    if not filename or not project.star_imported:
        return False
    stem = os.path.splitext(os.path.basename(filename))[0]
    if stem == "__init__":
        stem = os.path.basename(os.path.dirname(filename))
    return stem in project.star_imported


def _dict_key(index: ModuleIndex, node: cst.CSTNode, statement: cst.CSTNode | None) -> str | None:
    """The string key of the entry of the dict assigned by ``statement`` that holds ``node``."""
    current: cst.CSTNode | None = node
    while current is not None and current is not statement:
        parent = index.parent_of(current)
        if isinstance(current, cst.DictElement) and isinstance(parent, cst.Dict):
            grand = index.parent_of(parent)
            if isinstance(grand, (cst.Assign, cst.AnnAssign)):
                return string_value(current.key)
        current = parent
    return None
