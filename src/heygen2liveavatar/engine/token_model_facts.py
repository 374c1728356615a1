"""Models a ``streaming.new`` request hands its generic request helper, read with ``ast`` for
the project facts (``ProjectFacts.token_response_models``).

``StreamingApi.streaming_new`` in ``streaming_api.py`` calls ``call_api(..., response_type=
NewSessionResponse)``; the model lives in ``models.py``, a module naming no HeyGen word, and
fails there on the token response. Knowing its name, the run migrates that module for its
marker (``analysis/token_models.py``).

OpenAPI Generator 7 names the models by status code instead (``_response_types_map = {"200":
"NewSessionResponse"}``, handed to ``response_deserialize``), and writes the path in a separate
``_streaming_new_serialize`` method that ``streaming_new`` calls: :func:`calls_any` links the two.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence, Set

from ..apispec.session_fields import RESPONSE_TYPE_KEYWORDS, RESPONSE_TYPES_MAP_NAMES
from .wrapper_facts import own_nodes


def response_models(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    """The classes ``function``'s calls name as their ``response_type`` (a name, or a string
    naming one), or its ``_response_types_map`` dict names as the model of a status code."""
    names: set[str] = set()
    for node in own_nodes(function):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg in RESPONSE_TYPE_KEYWORDS:
                    names |= _model_names([keyword.value])
                elif keyword.arg in RESPONSE_TYPES_MAP_NAMES and isinstance(
                    keyword.value, ast.Dict
                ):
                    names |= _model_names(keyword.value.values)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Dict):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in RESPONSE_TYPES_MAP_NAMES for t in targets):
                names |= _model_names(node.value.values)
    return names


def calls_any(function: ast.FunctionDef | ast.AsyncFunctionDef, names: Set[str]) -> bool:
    """Does ``function`` call one of the module's functions ``names`` (``self._x(...)`` or
    ``_x(...)``)? The generated method that names the models calls the one naming the path."""
    for node in own_nodes(function):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if called in names and called != function.name:
            return True
    return False


def _model_names(values: Sequence[ast.expr | None]) -> set[str]:
    names: set[str] = set()
    for value in values:
        if isinstance(value, ast.Name):
            names.add(value.id)
        elif (
            isinstance(value, ast.Constant)
            and isinstance(value.value, str)
            and value.value.isidentifier()
        ):
            names.add(value.value)  # generators name the model as a string
    return names
