"""How deep LibCST would nest a module, measured with ``ast`` (CPython's parser).

Used by the engine before LibCST sees a file (``transform.check_complexity``) and by the
project facts, which parse every candidate with ``ast`` anyway: a whole-project run measures
each file once, and the facts cache keeps the measure with the file's other facts. Imports
nothing but ``ast`` (the facts scan never loads LibCST).
"""

from __future__ import annotations

import ast

# LibCST's memory grows with the square of an expression's nesting depth (a 2,000-term
# conditional chain, 24 KB that CPython compiles, needs 1.4 GB; 4,000 terms 5.6 GB) and
# linearly with the file (a 20 MB file, 3.2 GB). So a file is measured with CPython's parser
# (a few percent of LibCST's time) before LibCST sees it, and refused when it is beyond what
# hand-written code contains: the deepest expression in 3,000 files of site-packages is 86
# levels. Within these limits one file costs LibCST at most a few hundred megabytes.
MAX_EXPRESSION_DEPTH = 300
MAX_SOURCE_CHARS = 4 * 1024 * 1024

Nesting = tuple[int, int]
"""``(depth, line)``: the deepest nesting of a module as LibCST builds it, and its line."""


def deepest_nesting(tree: ast.AST) -> tuple[int, int]:
    """The depth of the deepest node as LibCST will nest it, and the line of the statement
    holding it. LibCST nests ``a or b or c`` and ``a < b < c`` pairwise where ``ast`` keeps
    one node with a list: those count one level per operand. Iterative: the point is to
    measure trees too deep to recurse over.

    This runs on every file migrated, so the walk is written out (``ast.iter_child_nodes``
    is two generators per node), and the leaves that are a quarter of the nodes (the
    ``Load``/``Store`` context of every name, operators) are counted where their parent is
    expanded instead of being pushed: they are on their statement's line like their
    siblings, so the deepest depth and its line come out as from the plain walk.
    """
    best, best_line = 0, 0
    stack: list[tuple[ast.AST, int, int]] = [(tree, 0, 0)]
    pop = stack.pop
    push = stack.append
    # One dictionary lookup per node and per child instead of up to five ``isinstance``
    # tests (a module-sized file has some 20,000 nodes and fields).
    kinds = _NODE_KINDS
    roles = _CHILD_ROLES
    while stack:
        node, depth, line = pop()
        kind = kinds.get(type(node)) or _node_kind(type(node))
        fields, role = kind
        if role is _STATEMENT:
            line = node.lineno  # type: ignore[attr-defined]
        elif role is _BOOLEAN:
            depth += len(node.values) - 1  # type: ignore[attr-defined]
        elif role is _COMPARE:
            depth += len(node.ops) - 1  # type: ignore[attr-defined]
        if depth > best:
            best, best_line = depth, line
        below = depth + 1
        for name in fields:
            value = getattr(node, name, None)
            if type(value) is list:
                for item in value:
                    child = roles.get(type(item))
                    if child is None:
                        child = _child_role(type(item))
                    if child is _BRANCH:
                        push((item, below, line))
                    elif child is _LEAF and below > best:
                        best, best_line = below, line
            else:
                child = roles.get(type(value))
                if child is None:
                    child = _child_role(type(value))
                if child is _BRANCH:
                    push((value, below, line))  # type: ignore[arg-type]
                elif child is _LEAF and below > best:
                    best, best_line = below, line
    return best, best_line


_OTHER, _STATEMENT, _BOOLEAN, _COMPARE = "other", "statement", "boolean", "compare"
_NODE_KINDS: dict[type, tuple[tuple[str, ...], str]] = {}
"""A node type's fields and how it counts (see :func:`deepest_nesting`), filled as types are met."""
_NOT_A_NODE, _LEAF, _BRANCH = "not a node", "leaf", "branch"
_CHILD_ROLES: dict[type, str] = {}
"""A field value's type: not a node (a name, a constant, ``None``), a leaf or a node to walk."""


def _node_kind(kind: type) -> tuple[tuple[str, ...], str]:
    if issubclass(kind, ast.stmt):
        role = _STATEMENT
    elif issubclass(kind, ast.BoolOp):
        role = _BOOLEAN
    elif issubclass(kind, ast.Compare):
        role = _COMPARE
    else:
        role = _OTHER
    found = _NODE_KINDS[kind] = (tuple(kind._fields), role)  # type: ignore[attr-defined]
    return found


def _child_role(kind: type) -> str:
    if not issubclass(kind, ast.AST):
        role = _NOT_A_NODE
    elif issubclass(kind, _LEAF_TYPES):
        role = _LEAF
    else:
        role = _BRANCH
    _CHILD_ROLES[kind] = role
    return role


# Nodes without children that are never statements: the context of a name and operators.
_LEAF_TYPES = (ast.expr_context, ast.operator, ast.unaryop, ast.cmpop, ast.boolop)
