"""A request helper that adds fields of its own to its caller's keywords.

``async def _post(self, endpoint, **extra): ... post(f"{BASE}/{endpoint}", json={"session_id":
self.session_id, **extra})`` called ``self._post("streaming.task", text=t, task_type="repeat")``
sends ``{"session_id": self.session_id, "text": t, "task_type": "repeat"}``: the session id
comes from the helper's own body, the rest from the call. Seen from the call site, that body is
a dict (not a node of the tree) whose values are valid where the call stands: the call's own
arguments, and the helper's values that mean the same there (a literal, or ``self.<attr>`` when
the call goes through ``self`` to a method of the same object). A helper field that cannot be
written at the call site (a local of the helper, a parameter) leaves the body unread, as before.
"""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex, walk_nodes
from .wrapper_params import wrapper_definition

_BODY_KEYWORDS = ("json", "data")
_CONSTANT_NAMES = frozenset({"True", "False", "None"})


def helper_fields_body(index: ModuleIndex, call: cst.Call) -> cst.Arg | None:
    """The body the helper ``call`` calls sends, its own fields and the call's keywords merged
    in the helper's order; ``None`` unless the helper is of that shape and every field of its
    own can be written at the call site."""
    definition = wrapper_definition(index, call)
    if definition is None:
        return None
    keywords = definition.params.star_kwarg
    if not isinstance(keywords, cst.Param):
        return None
    body = _sent_dict(definition, keywords.name.value)
    if body is None:
        return None
    params = [*definition.params.posonly_params, *definition.params.params]
    method = bool(params) and params[0].name.value == "self"
    through_self = (
        isinstance(call.func, cst.Attribute)
        and isinstance(call.func.value, cst.Name)
        and call.func.value.value == "self"
    )
    named = {p.name.value for p in (*params, *definition.params.kwonly_params)}
    elements: list[cst.BaseDictElement] = []
    for element in body.elements:
        if isinstance(element, cst.StarredDictElement):
            elements.extend(_call_keywords(call, named))
            continue
        assert isinstance(element, cst.DictElement)
        value = _at_call(element.value, method and through_self)
        if not isinstance(element.key, cst.SimpleString) or value is None:
            return None
        elements.append(cst.DictElement(element.key.deep_clone(), value))
    return cst.Arg(cst.Dict(elements)) if elements else None


def _sent_dict(definition: cst.FunctionDef, keywords: str) -> cst.Dict | None:
    """The one dict literal the helper sends as ``json=``/``data=`` whose only spread is its
    ``**keywords``."""
    found: list[cst.Dict] = []
    for node in walk_nodes(definition, into_scopes=False):
        if not isinstance(node, cst.Arg) or node.keyword is None:
            continue
        if node.keyword.value not in _BODY_KEYWORDS or not isinstance(node.value, cst.Dict):
            continue
        spreads = [e for e in node.value.elements if isinstance(e, cst.StarredDictElement)]
        if (
            len(spreads) == 1
            and isinstance(spreads[0].value, cst.Name)
            and spreads[0].value.value == keywords
        ):
            found.append(node.value)
    return found[0] if len(found) == 1 else None


def _call_keywords(call: cst.Call, named: set[str]) -> list[cst.BaseDictElement]:
    """What the call puts in the helper's ``**keywords``: keywords that name none of its
    parameters, and ``**`` spreads."""
    elements: list[cst.BaseDictElement] = []
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value not in named:
            elements.append(cst.DictElement(cst.SimpleString(f'"{arg.keyword.value}"'), arg.value))
        elif arg.star == "**":
            elements.append(cst.StarredDictElement(arg.value))
    return elements


def _at_call(value: cst.BaseExpression, same_object: bool) -> cst.BaseExpression | None:
    """The helper's ``value`` written at the call site: a literal, or ``self.<attr>`` when
    ``self`` there is the helper's ``self``."""
    if isinstance(value, (cst.SimpleString, cst.Integer, cst.Float)) or (
        isinstance(value, cst.Name) and value.value in _CONSTANT_NAMES
    ):
        return value.deep_clone()
    node: cst.BaseExpression = value
    while isinstance(node, cst.Attribute):
        node = node.value
    if same_object and value is not node and isinstance(node, cst.Name) and node.value == "self":
        return value.deep_clone()
    return None
