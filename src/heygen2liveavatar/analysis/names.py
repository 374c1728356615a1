"""Reads of a local name: where a rule follows a value bound to a variable."""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex, walk_nodes

# Parents under which a Name is not a read of the variable of that name.
_NOT_READS = (cst.AssignTarget, cst.AsName, cst.Param, cst.ImportAlias, cst.FunctionDef)


def name_reads(index: ModuleIndex, root: cst.CSTNode, name: str) -> list[cst.Name]:
    """Every read of ``name`` under ``root`` (a function or the module), nested scopes excluded,
    in source order."""
    found = []
    for node in walk_nodes(root, into_scopes=False):
        if type(node) is not cst.Name or node.value != name:
            continue
        parent = index.parent_of(node)
        if isinstance(parent, _NOT_READS):
            continue
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            continue
        if isinstance(parent, cst.Arg) and parent.keyword is node:
            continue
        if isinstance(parent, (cst.AugAssign, cst.For)) and parent.target is node:
            continue
        found.append(node)
    found.sort(key=index.position_of)
    return found
