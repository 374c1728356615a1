"""The class of an HTTP client object, from where the code creates or declares it.

``self._t.request("POST", "/streaming.new", json=body)`` in an SDK's resource class: what
the call returns (a response object, or parsed JSON) is decided by the class of ``self._t``.
Its creation is often in another module (``Client`` builds ``_Transport(key, base_url)`` and
hands it to ``Sessions(transport)``); what the resource's own code shows is the parameter's
annotation, ``def __init__(self, transport: _Transport)``. The class's methods are read by
the project facts (``engine/client_facts.py``).
"""

from __future__ import annotations

import libcst as cst

from .index import dotted_name


def parameter_class(function: cst.FunctionDef | None, name: str) -> str | None:
    """The class a parameter ``name`` of ``function`` is annotated with (``t: _Transport``,
    ``t: "_Transport"``, ``t: _Transport | None``, ``t: Optional[_Transport]``)."""
    if function is None:
        return None
    params = function.params
    for param in (*params.posonly_params, *params.params, *params.kwonly_params):
        if param.name.value == name and param.annotation is not None:
            return annotation_class(param.annotation.annotation)
    return None


def annotation_class(annotation: cst.BaseExpression) -> str | None:
    """The one class an annotation names (its last dotted component), ``None`` allowed."""
    if isinstance(annotation, cst.SimpleString):
        text = annotation.evaluated_value
        if not isinstance(text, str):
            return None
        try:
            annotation = cst.parse_expression(text)
        except cst.ParserSyntaxError:
            return None
    if isinstance(annotation, cst.BinaryOperation) and isinstance(annotation.operator, cst.BitOr):
        sides = [annotation_class(annotation.left), annotation_class(annotation.right)]
        named = [side for side in sides if side not in (None, "None")]
        return named[0] if len(named) == 1 else None
    if isinstance(annotation, cst.Subscript):
        outer = (dotted_name(annotation.value) or "").split(".")[-1]
        if outer == "Optional" and len(annotation.slice) == 1:
            inner = annotation.slice[0].slice
            if isinstance(inner, cst.Index):
                return annotation_class(inner.value)
        return None
    name = dotted_name(annotation)
    return name.split(".")[-1] if name else None


def inherited_classes(class_def: cst.ClassDef | None) -> list[str]:
    """The class ``self`` is in and the classes it names as bases (last dotted component):
    where ``self.<method>`` may be defined, also in another module
    (``class HeyGenStreaming(AsyncHTTPService)``)."""
    if class_def is None:
        return []
    names = [class_def.name.value]
    for base in class_def.bases:
        if base.keyword is None:
            name = dotted_name(base.value)
            if name:
                names.append(name.split(".")[-1])
    return names


__all__ = ["annotation_class", "inherited_classes", "parameter_class"]
