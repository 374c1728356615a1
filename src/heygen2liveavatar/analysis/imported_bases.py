"""A HeyGen base constant of a settings module that streaming requests and requests to
HeyGen's other APIs of other modules are built on.

``config.py`` writes ``BASE_URL = "https://api.heygen.com"``; ``live.py`` posts
``BASE_URL + "/v1/streaming.new"`` and ``videos.py`` ``f"{BASE_URL}/v2/video/generate"``. The
base cannot move as a whole. As for a shared key (H2L402's ``LIVEAVATAR_API_KEY`` sibling), the
settings module gets a sibling, ``LIVEAVATAR_BASE_URL = "https://api.liveavatar.com"``, and
each migrated streaming request of an importing module is built on the sibling instead
(imported from the same module); requests to HeyGen's other APIs keep the base. Both sides
read the same project facts (``ProjectFacts.base_constants`` and ``base_role``), so that the
sibling an importer imports is the one the settings module writes.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from ..model import ProjectFacts
from .http import RequestSite
from .imported_constants import imported_constant
from .index import ModuleIndex, walk_nodes
from .shared_clients import liveavatar_name


@dataclass(frozen=True)
class ImportedBaseReference:
    node: cst.Name | cst.Attribute
    """``BASE_URL`` (imported by name) or ``config.BASE_URL`` in a streaming request's URL."""
    module: str
    """The module the import names (``.config``), for a name imported by name; ``""`` for
    an attribute of an imported module (nothing to import)."""
    sibling: str


def shared_imported_base(
    index: ModuleIndex, project: ProjectFacts, node: cst.BaseExpression
) -> ImportedBaseReference | None:
    """``node`` reads a base constant of another module that serves streaming and HeyGen's
    other APIs (by the facts)."""
    if type(node) is cst.Name:
        qualified = index.imports.get(node.value)
        if qualified is None:
            return None
        module, _, name = qualified.rpartition(".")
        if name != node.value or not module:
            return None  # imported under another name
    elif type(node) is cst.Attribute and type(node.value) is cst.Name:
        if node.value.value not in index.imports:
            return None
        module, name = "", node.attr.value
    else:
        return None
    if project.base_role(name) != "shared":
        return None
    if imported_constant(index, node, project.base_constants) is None:
        return None
    sibling = liveavatar_name(name)
    bound = index.imports.get(sibling)
    if sibling in index.module_scope.assignments or (
        bound is not None and bound != f"{module}.{sibling}"
    ):
        return None
    return ImportedBaseReference(node, module, sibling)


def imported_base_references(
    index: ModuleIndex, project: ProjectFacts | None, requests: list[RequestSite]
) -> list[ImportedBaseReference]:
    """The shared imported bases the migrated streaming requests' URLs are built on (the
    URL expression, or the one value of a local name it reads)."""
    if project is None or not project.base_constants:
        return []
    found: dict[int, ImportedBaseReference] = {}
    for request in requests:
        endpoint = request.endpoint
        if endpoint is None or endpoint.liveavatar_path is None:
            continue
        expressions = [request.url_expr]
        if type(request.url_expr) is cst.Name:
            values = index.lookup(request.url_expr.value, request.call.context.scope)
            expressions = list(values) if len(values) == 1 else []
        for expression in expressions:
            for node in walk_nodes(expression):
                if not isinstance(node, (cst.Name, cst.Attribute)) or id(node) in found:
                    continue
                parent = index.parent_of(node)
                if isinstance(parent, cst.Attribute) and parent.attr is node:
                    continue
                if type(node) is cst.Name and index.lookup(node.value, request.call.context.scope):
                    continue  # bound here: not the import
                reference = shared_imported_base(index, project, node)
                if reference is not None:
                    found[id(node)] = reference
    return list(found.values())
