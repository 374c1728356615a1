"""Plain name references: every ``Name`` spelling a given local name, and what role it plays.

``ModuleIndex`` records imports and calls but not plain name references, so this module does
one extra walk collecting ``Name`` nodes, only for the names asked for (the framework rules ask
for the names their framework imports bind, and so only in the rare modules that import one).
Each node's role tells a reference to the imported name (which must follow it when the import
moves) from an attribute, a keyword, the import itself, or a new binding of the same name
(which shadows it, so the import cannot move safely).
"""

from __future__ import annotations

from collections.abc import Collection

import libcst as cst

from .index import ModuleIndex, fast_visit

ROLE_REFERENCE = "reference"
ROLE_ATTRIBUTE = "attribute"
"""The ``attr`` of ``x.attr``: not a reference to a local name."""
ROLE_KEYWORD = "keyword"
ROLE_IMPORT = "import"
ROLE_BINDING = "binding"
"""Assigned, a parameter, a def/class name...: the local name is shadowed somewhere."""


class _NameCollector(cst.CSTVisitor):
    def __init__(self, wanted: frozenset[str]) -> None:
        super().__init__()
        self.wanted = wanted
        self.found: dict[str, list[cst.Name]] = {}

    def visit_Name(self, node: cst.Name) -> None:
        if node.value in self.wanted:
            self.found.setdefault(node.value, []).append(node)


def name_nodes(module: cst.Module, names: frozenset[str]) -> dict[str, list[cst.Name]]:
    """Every ``Name`` node spelling one of ``names``, in source order."""
    if not names:
        return {}
    collector = _NameCollector(names)
    fast_visit(module, collector)
    return collector.found


def name_role(index: ModuleIndex, node: cst.Name) -> str:
    """One of the ``ROLE_*`` values for ``node``."""
    parent = index.parent_of(node)
    if isinstance(parent, cst.Attribute) and parent.attr is node:
        return ROLE_ATTRIBUTE
    if isinstance(parent, cst.Arg) and parent.keyword is node:
        return ROLE_KEYWORD
    # Inside an import statement (the imported name, a dotted module path, or its alias).
    current: cst.CSTNode | None = parent
    while isinstance(current, (cst.Attribute, cst.ImportAlias, cst.AsName)):
        current = index.parent_of(current)
    if isinstance(current, (cst.Import, cst.ImportFrom)):
        return ROLE_IMPORT
    if isinstance(parent, (cst.Param, cst.FunctionDef, cst.ClassDef)) and parent.name is node:
        return ROLE_BINDING
    if isinstance(parent, (cst.AsName, cst.NameItem)):
        return ROLE_BINDING
    # Assignment targets, also nested in tuples and lists: ``heygen, x = ...``.
    child: cst.CSTNode = node
    current = parent
    while isinstance(current, (cst.Element, cst.StarredElement, cst.Tuple, cst.List)):
        child = current
        current = index.parent_of(current)
    target = getattr(current, "target", None)
    if (
        isinstance(
            current,
            (cst.AssignTarget, cst.AnnAssign, cst.AugAssign, cst.For, cst.CompFor, cst.NamedExpr),
        )
        and target is child
    ):
        return ROLE_BINDING
    if isinstance(current, cst.Del):
        return ROLE_BINDING
    return ROLE_REFERENCE


def is_inside(index: ModuleIndex, node: cst.CSTNode, ancestors: set[int]) -> bool:
    """``node`` is, or lies inside, one of the nodes whose ids are ``ancestors``."""
    current: cst.CSTNode | None = node
    while current is not None:
        if id(current) in ancestors:
            return True
        current = index.parent_of(current)
    return False


def attribute_of(index: ModuleIndex, node: cst.BaseExpression) -> cst.Attribute | None:
    """The ``node.attr`` whose value ``node`` is, if any."""
    parent = index.parent_of(node)
    if isinstance(parent, cst.Attribute) and parent.value is node:
        return parent
    return None


def uses_of(
    index: ModuleIndex, module: cst.Module, names: frozenset[str]
) -> dict[str, tuple[list[cst.Name], list[cst.Name]]]:
    """Name -> (its references, the nodes that bind it again), in source order."""
    uses: dict[str, tuple[list[cst.Name], list[cst.Name]]] = {}
    for name, nodes in name_nodes(module, names).items():
        references, rebindings = uses.setdefault(name, ([], []))
        for node in nodes:
            role = name_role(index, node)
            if role == ROLE_REFERENCE:
                references.append(node)
            elif role == ROLE_BINDING:
                rebindings.append(node)
    return uses


def member_read(
    index: ModuleIndex, node: cst.BaseExpression, members: Collection[str]
) -> cst.Attribute | None:
    """``node.MEMBER`` where MEMBER is one of ``members`` (an enum member with a literal)."""
    if not members:
        return None
    attribute = attribute_of(index, node)
    return attribute if attribute is not None and attribute.attr.value in members else None
