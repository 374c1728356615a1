"""HeyGen host literals: the path after the host, bases completed by their requests, and
where a literal is assigned or passed (read by H2L401, which decides what becomes of them)."""

from __future__ import annotations

import libcst as cst

from ..apispec import HEYGEN_HOST
from .endpoints import HostLiteral
from .index import ModuleIndex, dotted_name


def path_after_host(value: str) -> str:
    after = value.split(HEYGEN_HOST, 1)[1]
    return after.split("?", 1)[0].split("#", 1)[0]


def is_split_base(host: HostLiteral) -> bool:
    """A base every request built on completes with an operation (``f"{STREAMING}.new"``)."""
    node = host.site.node
    return bool(host.requests) and all(
        any(use.base is not None and use.base.node is node for use in request.endpoint_uses)
        for request in host.requests
    )


def is_base_only(value: str) -> bool:
    """``https://api.heygen.com``, ``.../``, ``.../v1`` or ``.../v2``: a base, not an endpoint."""
    return path_after_host(value).strip("/") in ("", "v1", "v2")


def keyword_of(index: ModuleIndex, node: cst.CSTNode) -> str | None:
    """``base_url=os.environ.get("X", "https://api.heygen.com")``: the keyword it is passed as
    (or the parameter it is the default of: ``def __init__(self, base_url="https://...")``)."""
    current = index.parent_of(node)
    while current is not None and not isinstance(current, cst.BaseStatement):
        if isinstance(current, cst.Arg) and current.keyword is not None:
            return current.keyword.value
        if isinstance(current, cst.Param) and current.default is not None:
            return current.name.value
        current = index.parent_of(current)
    return None


def simple_assignment_target(statement: cst.CSTNode, literal: cst.CSTNode) -> str | None:
    """``NAME`` or ``self.NAME`` when ``statement`` is ``target = <literal>``."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    small = statement.body[0]
    if isinstance(small, cst.Assign) and len(small.targets) == 1 and small.value is literal:
        target = small.targets[0].target
    elif isinstance(small, cst.AnnAssign) and small.value is literal:
        target = small.target
    else:
        return None
    name = dotted_name(target)
    if name is None or name.count(".") > 1 or ("." in name and not name.startswith("self.")):
        return None
    return name


def streaming_references(host: HostLiteral) -> list[cst.BaseExpression]:
    """The innermost name references through which streaming requests reach the base."""
    references: dict[int, cst.BaseExpression] = {}
    for request in host.requests:
        if not request.is_streaming:
            continue
        for piece in request.pieces:
            if piece.node is host.site.node:
                if not piece.via:
                    return []
                reference = piece.via[-1]
                references[id(reference)] = reference
    return list(references.values())


__all__ = [
    "is_base_only",
    "is_split_base",
    "keyword_of",
    "path_after_host",
    "simple_assignment_target",
    "streaming_references",
]
