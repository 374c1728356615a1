"""HTTP clients a module builds and hands to the project's streaming code.

``async with httpx.AsyncClient(headers={"Authorization": f"Bearer {key}"}) as http:
control = AvatarControl(http)``: this module sends no streaming request itself, but the client
it configures does, in ``AvatarControl``'s methods in another module
(``ProjectFacts.streaming_definitions``: the classes and functions of modules that call
streaming endpoints). Its headers are streaming headers.
"""

from __future__ import annotations

import libcst as cst

from ..model import ProjectFacts
from .http import CLIENT_CONSTRUCTORS
from .index import ModuleIndex, dotted_name


def handed_client_headers(index: ModuleIndex, project: ProjectFacts | None) -> set[int]:
    """``id`` of each dict literal that is the ``headers=`` of a client this module passes
    to a class or function of a streaming module (by name, in the function that builds it)."""
    if project is None or not project.streaming_definitions:
        return set()
    found: set[int] = set()
    for site in index.calls:
        if (index.qualified_name(site.name) or "") not in CLIENT_CONSTRUCTORS:
            continue
        headers = next(
            (
                a.value
                for a in site.node.args
                if a.keyword is not None and a.keyword.value == "headers"
            ),
            None,
        )
        client = _bound_name(index, site.node)
        if headers is None or client is None:
            continue
        if not _handed_on(index, site.context.function, client, project.streaming_definitions):
            continue
        if isinstance(headers, cst.Name):
            values = index.lookup(headers.value, site.context.scope)
            headers = values[0] if len(values) == 1 else headers
        if isinstance(headers, cst.Dict):
            found.add(id(headers))
    return found


def _bound_name(index: ModuleIndex, call: cst.Call) -> str | None:
    """``http`` in ``async with httpx.AsyncClient(...) as http`` or ``http = httpx.Client()``."""
    parent = index.parent_of(call)
    target: cst.BaseExpression | None = None
    if isinstance(parent, cst.WithItem) and parent.asname is not None:
        target = parent.asname.name
    elif isinstance(parent, cst.Assign) and len(parent.targets) == 1:
        target = parent.targets[0].target
    return target.value if isinstance(target, cst.Name) else None


def _handed_on(
    index: ModuleIndex,
    function: cst.FunctionDef | None,
    client: str,
    definitions: frozenset[str],
) -> bool:
    """A call in ``function`` (the module, for ``None``) of a streaming module's class or
    function receives ``client`` as an argument."""
    for site in index.calls:
        if site.context.function is not function:
            continue
        callee = (dotted_name(site.node.func) or "").rsplit(".", 1)[-1]
        if callee not in definitions:
            continue
        if any(isinstance(a.value, cst.Name) and a.value.value == client for a in site.node.args):
            return True
    return False
