"""Reads of a local name: where a rule follows a value bound to a variable."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .index import STATEMENT_TYPES, ModuleIndex, walk_nodes

# Parents under which a Name is not a read of the variable of that name.
_NOT_READS = (cst.AssignTarget, cst.AsName, cst.Param, cst.ImportAlias, cst.FunctionDef)


def name_reads(index: ModuleIndex, root: cst.CSTNode, name: str) -> list[cst.Name]:
    """Every read of ``name`` under ``root`` (a function or the module), nested scopes excluded,
    in source order."""
    found = []
    for node in walk_nodes(root, into_scopes=False):
        if type(node) is not cst.Name or node.value != name:
            continue
        if _is_read_of_variable(index, node):
            found.append(node)
    found.sort(key=index.position_of)
    return found


@dataclass(frozen=True)
class BindingReads:
    """The reads of a name after one binding of it, as far as that binding's value flows."""

    every: list[cst.Name]
    """In source order."""
    uncertain: list[cst.Name]
    """Those after a later binding of the name that not every path passes (in a branch, a loop
    body, an ``except``): they may see either value."""


def binding_reads(
    index: ModuleIndex, root: cst.CSTNode, binding: cst.CSTNode, name: str
) -> BindingReads:
    """The reads of ``name`` under ``root`` (nested scopes excluded) after ``binding`` (the
    ``Assign``, ``With``... that bound it), up to the next binding of ``name`` (an assignment,
    an ``as`` target, a ``for`` target, a parameter...): the reads after one that every path
    to them passes see another value and are left out; ``resp`` is often reused for the next
    request's response."""
    after = index.position_of(binding)
    reads: list[cst.Name] = []
    stores: list[tuple[tuple[int, int], _Store]] = []
    for node in walk_nodes(root, into_scopes=False):
        kind = type(node)
        if kind is cst.Name:
            assert isinstance(node, cst.Name)
            if node.value != name or index.position_of(node) <= after:
                continue
            store = _store_of(index, node)
            if store is None:
                if _is_read_of_variable(index, node):
                    reads.append(node)
            elif store.header is not binding and index.parent_of(store.header) is not binding:
                stores.append((index.position_of(node), store))
        elif kind is cst.FunctionDef or kind is cst.ClassDef:
            assert isinstance(node, (cst.FunctionDef, cst.ClassDef))
            if node is not root and node.name.value == name:
                where = index.position_of(node.name)
                if where > after:
                    stores.append((where, _Store(node, None, _block_after(index, node))))
    every: list[cst.Name] = []
    uncertain: list[cst.Name] = []
    for read in sorted(reads, key=index.position_of):
        at = index.position_of(read)
        between = [s for where, s in stores if where < at and not _inside(index, read, s.value)]
        if any(s.region is not None and _inside(index, read, s.region) for s in between):
            continue  # the later binding's value
        every.append(read)
        if between:
            uncertain.append(read)
    return BindingReads(every, uncertain)


@dataclass(frozen=True)
class _Store:
    header: cst.CSTNode
    """The node that binds: ``Assign``, ``WithItem``, ``For``, ``ExceptHandler``, ``Param``..."""
    value: cst.CSTNode | None
    """What is evaluated before the name is bound (``r = r.json()`` reads the old ``r``)."""
    region: cst.CSTNode | None
    """Where the code after the binding runs only once the name is bound (the rest of its
    block, a ``for`` or ``except`` body); ``None`` when no code is sure to (a ``:=`` in a
    condition)."""


def _store_of(index: ModuleIndex, name: cst.Name) -> _Store | None:
    """The binding ``name`` is the target of, if it is one."""
    child: cst.CSTNode = name
    parent = index.parent_of(name)
    while isinstance(parent, (cst.Element, cst.StarredElement, cst.Tuple, cst.List)):
        child, parent = parent, index.parent_of(parent)  # ``a, r = ...``
    if isinstance(parent, cst.AssignTarget) and parent.target is child:
        assign = index.parent_of(parent)
        assert isinstance(assign, cst.Assign)
        return _Store(assign, assign.value, _block_after(index, assign))
    if isinstance(parent, (cst.AnnAssign, cst.AugAssign)) and parent.target is child:
        if isinstance(parent, cst.AnnAssign) and parent.value is None:
            return None  # ``r: int`` binds nothing
        return _Store(parent, parent.value, _block_after(index, parent))
    if isinstance(parent, cst.For) and parent.target is child:
        return _Store(parent, parent.iter, parent.body)  # no binding when the loop runs none
    if isinstance(parent, cst.NamedExpr) and parent.target is child:
        return _Store(parent, parent.value, None)  # perhaps in a condition not evaluated
    if isinstance(parent, cst.Param) and parent.name is child:
        return _Store(parent, None, index.parent_of(index.parent_of(parent) or parent))
    if isinstance(parent, cst.AsName) and parent.name is child:
        holder = index.parent_of(parent)
        if isinstance(holder, cst.WithItem):
            return _Store(holder, holder.item, _block_after(index, holder))
        if isinstance(holder, cst.ExceptHandler):
            return _Store(holder, None, holder.body)
        if isinstance(holder, cst.ImportAlias):
            return _Store(holder, None, _block_after(index, holder))
    if isinstance(parent, cst.ImportAlias) and parent.name is child and parent.asname is None:
        return _Store(parent, None, _block_after(index, parent))
    return None


def _block_after(index: ModuleIndex, node: cst.CSTNode) -> cst.CSTNode | None:
    """The block whose code after ``node``'s statement runs only once that statement did: the
    body holding the statement (``if ok: r = x`` holds it in a one-line suite)."""
    current = index.parent_of(node)
    while current is not None:
        if type(current) is cst.SimpleStatementSuite:
            return current
        if type(current) in STATEMENT_TYPES:
            return index.parent_of(current)
        current = index.parent_of(current)
    return None


def _inside(index: ModuleIndex, node: cst.CSTNode, ancestor: cst.CSTNode | None) -> bool:
    current: cst.CSTNode | None = node
    while current is not None:
        if current is ancestor:
            return True
        current = index.parent_of(current)
    return False


def _is_read_of_variable(index: ModuleIndex, node: cst.Name) -> bool:
    """Not a target, a parameter, an attribute's name or a keyword."""
    parent = index.parent_of(node)
    if isinstance(parent, _NOT_READS):
        return False
    if isinstance(parent, cst.Attribute) and parent.attr is node:
        return False
    if isinstance(parent, cst.Arg) and parent.keyword is node:
        return False
    return not (isinstance(parent, (cst.AugAssign, cst.For)) and parent.target is node)


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
    return access_chain(index, reads[0], root)


def access_chain(index: ModuleIndex, node: cst.CSTNode, root: cst.BaseExpression) -> cst.CSTNode:
    """``node`` with the subscripts, attributes, calls and awaits applied to it, up to
    ``root`` at most: ``data["data"]["token"]`` for ``data``."""
    read = node
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
