"""Class attributes holding a streaming URL, read with ``ast`` for the project facts.

``class OpenSession(Command): path: ClassVar[str] = "/v1/streaming.new"``: one class per
endpoint, sent by a gateway in another module as ``post(command.path, ...)``
(``analysis/attribute_urls.py`` marks that call).
"""

from __future__ import annotations

import ast

from ..apispec import find_endpoints


def class_url_attributes(node: ast.ClassDef) -> set[str]:
    """``"attribute:endpoint:Class"`` for each assignment of a streaming URL literal in the
    class's body (``path = "/v1/streaming.new"``, annotated or not)."""
    found: set[str] = set()
    for item in node.body:
        if isinstance(item, ast.Assign) and len(item.targets) == 1:
            target, value = item.targets[0], item.value
        elif isinstance(item, ast.AnnAssign) and item.value is not None:
            target, value = item.target, item.value
        else:
            continue
        if not isinstance(target, ast.Name) or not isinstance(value, ast.Constant):
            continue
        if not isinstance(value.value, str) or "streaming" not in value.value:
            continue
        for match in find_endpoints(value.value):
            found.add(f"{target.id}:{match.endpoint.key}:{node.name}")
    return found
