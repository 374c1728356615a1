"""Class attributes holding a streaming URL, read with ``ast`` for the project facts.

``class OpenSession(Command): path: ClassVar[str] = "/v1/streaming.new"``: one class per
endpoint, sent by a gateway in another module as ``post(command.path, ...)``
(``analysis/attribute_urls.py`` marks that call).
"""

from __future__ import annotations

import ast

from ..apispec import find_endpoints
from .id_parameter_facts import name_bindings


def class_url_attributes(node: ast.ClassDef) -> set[str]:
    """``"attribute:endpoint:Class"`` for each assignment of a streaming URL literal in the
    class's body (``path = "/v1/streaming.new"``, annotated or not)."""
    found: set[str] = set()
    for target, value in name_bindings(node.body):
        if not isinstance(value, ast.Constant):
            continue
        if not isinstance(value.value, str) or "streaming" not in value.value:
            continue
        for match in find_endpoints(value.value):
            found.add(f"{target.id}:{match.endpoint.key}:{node.name}")
    return found
