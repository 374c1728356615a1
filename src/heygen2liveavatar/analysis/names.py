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


def sole_read_chain(index: ModuleIndex, root: cst.BaseExpression, name: str) -> cst.CSTNode | None:
    """The whole access chain of the one read of ``name`` in ``root``: ``data["data"]["token"]``
    in ``jsonify(token=data["data"]["token"])`` (subscripts, attributes, calls and awaits on
    it); ``None`` when ``root`` reads ``name`` more or less than once."""
    reads = [
        n
        for n in walk_nodes(root)
        if type(n) is cst.Name and n.value == name and _is_read(index.parent_of(n), n)
    ]
    if len(reads) != 1:
        return None
    read: cst.CSTNode = reads[0]
    while read is not root:
        parent = index.parent_of(read)
        if not (
            (isinstance(parent, (cst.Subscript, cst.Attribute)) and parent.value is read)
            or (isinstance(parent, cst.Call) and parent.func is read)
            or isinstance(parent, cst.Await)
        ):
            break
        read = parent
    return read


def _is_read(parent: cst.CSTNode | None, node: cst.Name) -> bool:
    """Not ``x.name`` (an attribute) nor ``f(name=...)`` (a keyword)."""
    if isinstance(parent, cst.Attribute) and parent.attr is node:
        return False
    return not (isinstance(parent, cst.Arg) and parent.keyword is node)
