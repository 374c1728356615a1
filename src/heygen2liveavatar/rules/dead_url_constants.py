"""A module constant holding a HeyGen URL whose every use the tool replaced is deleted.

``TASK_URL = f"{BASE}/streaming.task"`` read only by ``requests.post(TASK_URL, ...)`` calls that
became ``liveavatar_bridge`` events would otherwise stay behind, pointing at a URL that exists
on neither API (and, once ``BASE`` is LiveAvatar's, a half-migrated one). It is deleted when the
tool made it dead: assigned once, at module level, read only inside replaced calls, not listed in
``__all__``, and imported or read as an attribute by no file of the run
(``ProjectFacts.imported_names``). Otherwise its rule marks it as before.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.call_arguments import without_dict_key
from ..analysis.dead_code import names_in
from ..analysis.endpoints import EndpointLiteral
from ..analysis.http import RequestSite
from ..analysis.index import string_value, walk_nodes
from .base import RuleContext


def remove_dead_url_constants(ctx: RuleContext, key: str, retired: list[RequestSite]) -> None:
    """``START_URL = f"{BASE}/streaming.start"`` (or a ``TOKEN_URL``) read only by calls this
    run removed or replaced (``retired``, requests to endpoint ``key``) is deleted with them."""
    if not retired:
        return
    # A retired call is gone: its statement removed, or the call replaced by an answer.
    gone = ctx.edits.removed | {id(r.node) for r in retired}
    for literal in ctx.literals.endpoint_literals(key):
        if literal.requests and all(r in retired for r in literal.requests):
            remove_dead_constant(ctx, literal, gone)


def remove_dead_constant(ctx: RuleContext, literal: EndpointLiteral, replaced: set[int]) -> bool:
    """Delete the constant ``literal`` is the value of, if the tool made it dead."""
    site = literal.site
    if not literal.requests or site.context.function is not None:
        return False
    element = ctx.index.parent_of(literal.node)
    if isinstance(element, cst.DictElement) and element.value is literal.node:
        return _remove_dead_entry(ctx, literal, element, replaced)
    if site.context.class_def is not None:
        return _remove_dead_member(ctx, literal, site.context.class_def, replaced)
    statement = site.context.statement
    target = _assigned_name(statement)
    if target is None or site.assigned_to != target.value:
        return False
    if not _remove_dead_name(ctx, statement, target, replaced):
        return False
    ctx.fixed(literal.node, f"`{target.value}` is deleted: every call that used it was migrated")
    return True


def remove_dead_dict_constant(ctx: RuleContext, name: cst.Name, replaced: set[int]) -> bool:
    """``TASK_DEFAULTS = {"task_mode": "sync"}`` merged into task bodies
    (``TASK_DEFAULTS | {...}``, ``{**TASK_DEFAULTS, ...}``) whose every request became an
    event: HeyGen's task fields, sent nowhere now, are deleted under the same conditions as a
    URL constant (``name`` is a read of it inside a replaced call)."""
    values = ctx.index.module_scope.assignments.get(name.value, [])
    if len(values) != 1 or not isinstance(value := values[0], cst.Dict):
        return False
    statement = ctx.statement_of(value)
    target = _assigned_name(statement)
    if target is None or target.value != name.value or statement not in ctx.index.module.body:
        return False
    if not _remove_dead_name(ctx, statement, target, replaced):
        return False
    ctx.fixed(value, f"`{name.value}` is deleted: every request that merged it became an event")
    return True


def _remove_dead_name(
    ctx: RuleContext, statement: cst.CSTNode | None, target: cst.Name, replaced: set[int]
) -> bool:
    """Delete ``statement`` (``NAME = value`` at module level) when every read of ``NAME`` is
    inside a ``replaced`` call and nothing outside the module may read it."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    name = target.value
    if len(ctx.index.module_scope.assignments.get(name, ())) != 1:
        return False
    if ctx.project is not None and name in ctx.project.imported_names:
        return False  # another module may read it
    if any(s.value == name and not s.is_docstring for s in ctx.index.strings):
        return False  # ``__all__`` (or a getattr) names it
    for node in walk_nodes(ctx.index.module):
        if type(node) is not cst.Name or node.value != name or node is target:
            continue
        parent = ctx.index.parent_of(node)
        if isinstance(parent, cst.Attribute) and parent.attr is node:
            continue
        if not _inside(ctx, node, replaced):
            return False
    if ctx.edits.markers.get(id(statement)) or ctx.is_suppressed(statement):
        return False
    ctx.edits.remove(statement)
    ctx.prune_if_unused(names_in(statement))  # ``from urllib.parse import urljoin`` it used
    return True


def _remove_dead_member(
    ctx: RuleContext, literal: EndpointLiteral, owner: cst.ClassDef, replaced: set[int]
) -> bool:
    """``class Endpoint(str, Enum): TASK = "/v1/streaming.task"`` whose every read
    (``Endpoint.TASK``) is inside a replaced call: the member goes. Only where the class itself
    is read as ``Endpoint.<member>`` alone (not iterated, indexed, called or passed on) and is
    not imported elsewhere, and something else stays in its body."""
    statement = literal.site.context.statement
    body = owner.body
    if (
        not isinstance(statement, cst.SimpleStatementLine)
        or len(statement.body) != 1
        or not isinstance(body, cst.IndentedBlock)
        or statement not in body.body
        or len(body.body) < 2
        or ctx.index.parent_of(ctx.index.parent_of(owner) or owner) is not None
    ):
        return False
    target = _assigned_name(statement)
    if target is None:
        return False
    member = target.value
    owner_name = owner.name.value
    if ctx.project is not None and owner_name in ctx.project.imported_names:
        return False
    for node in walk_nodes(ctx.index.module):
        if type(node) is not cst.Name:
            continue
        parent = ctx.index.parent_of(node)
        if node.value == owner_name and node is not owner.name:
            if not (isinstance(parent, cst.Attribute) and parent.value is node):
                return False  # the class itself is used: its members may be reached by value
            if parent.attr.value == member and not _inside(ctx, parent, replaced):
                return False
        elif (
            node.value in ("self", "cls")
            and isinstance(parent, cst.Attribute)
            and parent.attr.value == member
            and not _inside(ctx, parent, replaced)
        ):
            return False
    if ctx.edits.markers.get(id(statement)) or ctx.is_suppressed(statement):
        return False
    ctx.edits.remove(statement)
    ctx.fixed(
        literal.node, f"`{owner_name}.{member}` is deleted: every call that used it was migrated"
    )
    return True


def remove_dead_table_entry(ctx: RuleContext, literal: EndpointLiteral, replaced: set[int]) -> bool:
    """Only an endpoint table's entry (see :func:`_remove_dead_entry`), nothing else."""
    element = ctx.index.parent_of(literal.node)
    if not literal.requests or not isinstance(element, cst.DictElement):
        return False
    return element.value is literal.node and _remove_dead_entry(ctx, literal, element, replaced)


def _remove_dead_entry(
    ctx: RuleContext, literal: EndpointLiteral, element: cst.DictElement, replaced: set[int]
) -> bool:
    """``ENDPOINTS = {"task": "/v1/streaming.task", ...}`` whose every request (a wrapper
    called with the literal key ``"task"``, see ``analysis/endpoint_tables``, or a call given
    ``ENDPOINTS["task"]``) was replaced: the entry goes, unless some call picks its key at run
    time or the key's text is read elsewhere."""
    table = ctx.index.parent_of(element)
    key = element.key
    if not isinstance(table, cst.Dict) or not isinstance(key, cst.SimpleString):
        return False
    name = string_value(key)
    table_name = _assigned_name(ctx.index.statement_of(table))
    keys = [_table_key(r.url_expr, table_name) for r in literal.requests]
    if name is None or len(table.elements) < 2:
        return False
    if any(k is None or string_value(k) != name for k in keys):
        return False  # not requests through the table's keys
    if ctx.request_finder.table_keys_at_run_time():
        return False
    if any(
        s.value == name and s.node is not key and all(s.node is not k for k in keys)
        for s in ctx.index.strings
    ):
        return False  # the key is spelled elsewhere: it may reach the table at run time
    if ctx.is_suppressed(table):
        return False
    ctx.transform(table, without_dict_key(name))
    ctx.fixed(
        literal.node, f'the `"{name}"` entry is deleted: every call that used it was migrated'
    )
    return True


def _table_key(url: cst.BaseExpression, table: cst.Name | None) -> cst.SimpleString | None:
    """The key literal a request names its table entry by: ``"task"`` passed to a table
    wrapper, or the index of ``ENDPOINTS["task"]`` (``table`` being ``ENDPOINTS``)."""
    if isinstance(url, cst.SimpleString):
        return url
    if (
        isinstance(url, cst.Subscript)
        and table is not None
        and isinstance(url.value, cst.Name)
        and url.value.value == table.value
        and len(url.slice) == 1
        and isinstance(url.slice[0].slice, cst.Index)
        and isinstance(url.slice[0].slice.value, cst.SimpleString)
    ):
        return url.slice[0].slice.value
    return None


def _assigned_name(statement: cst.CSTNode | None) -> cst.Name | None:
    """``NAME = <value>`` alone on its line: the name."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    assign = statement.body[0]
    if (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and isinstance(assign.targets[0].target, cst.Name)
    ):
        return assign.targets[0].target
    return None


def _inside(ctx: RuleContext, node: cst.CSTNode, calls: set[int]) -> bool:
    current = ctx.index.parent_of(node)
    while current is not None:
        if id(current) in calls:
            return True
        current = ctx.index.parent_of(current)
    return False
