"""Models a ``streaming.new`` request hands its generic request helper, read with ``ast`` for
the project facts (``ProjectFacts.token_response_models``).

``StreamingApi.streaming_new`` in ``streaming_api.py`` calls ``call_api(..., response_type=
NewSessionResponse)``; the model lives in ``models.py``, a module naming no HeyGen word, and
fails there on the token response. Knowing its name, the run migrates that module for its
marker (``analysis/token_models.py``).
"""

from __future__ import annotations

import ast

from ..apispec.session_fields import RESPONSE_TYPE_KEYWORDS
from .wrapper_facts import own_nodes


def response_models(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The classes ``function``'s calls name as their ``response_type`` (a name, or a string
    naming one)."""
    names: set[str] = set()
    for node in own_nodes(function):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg not in RESPONSE_TYPE_KEYWORDS:
                continue
            value = keyword.value
            if isinstance(value, ast.Name):
                names.add(value.id)
            elif (
                isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and value.value.isidentifier()
            ):
                names.add(value.value)  # older generators name the model as a string
    return names
