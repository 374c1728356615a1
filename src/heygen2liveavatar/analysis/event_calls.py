"""A HeyGen in-session request about to become a LiveAvatar event: where the call stands
(:class:`EventCall`) and what it sent (:class:`PayloadView`), read from the payload dict literal or
the variable holding it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import libcst as cst

from .call_shape import CallShape, call_shape, urlopen_of
from .http import RequestSite, response_call
from .index import Context, ModuleIndex, dotted_name, string_value
from .model_bodies import (
    ModelBody,
    attribute_dict_body,
    dataclass_instance_body,
    literal_default,
    model_body,
)
from .payloads import dict_keys, unwrap_serialiser

_MUTATORS = frozenset({"update", "setdefault", "pop", "popitem", "clear"})


# Payloads -----------------------------------------------------------------------------------
@dataclass
class PayloadView:
    """The fields one request sends, as expressions a rewrite can put in its place.

    Either a dict literal written in the call (its values are used as they are) or a variable
    holding a dict (its fields are read back with subscripts, which is exact even when the
    dict is built over several statements).
    """

    variable: str | None
    node: cst.Dict | None
    """The dict literal: the inline payload, or the variable's only value."""
    stored: frozenset[str]
    """Keys the code sets on the variable after building it (``payload["text"] = ...``)."""
    complete: bool
    """``node`` (plus ``stored``) lists every key: no ``**spread``, no ``update()``, one assignment."""
    attributes: dict[str, str] | None = None
    """A model instance serialised by its wire names (``req.model_dump(by_alias=True)``): the
    attribute holding each key's value (``session_id`` -> ``sid``), read back from ``variable``."""

    def keys(self) -> set[str]:
        found = set(dict_keys(self.node)) if self.node is not None else set()
        return found | self.stored

    def has(self, key: str) -> bool | None:
        """Whether the payload has ``key``: True, False, or None when it cannot be known."""
        if key in self.keys():
            return True
        return False if self.complete else None

    def value(self, key: str) -> cst.BaseExpression | None:
        """An expression for a field the request always sends (``None``: not visible)."""
        if self.variable is None:
            element = dict_keys(self.node).get(key) if self.node is not None else None
            return element.value if element is not None else self._spread_value(key)
        # A required HeyGen field of a dict whose keys are not all visible was sent anyway
        # (HeyGen rejected requests without it), so reading it back is exact.
        if self.has(key) is False:
            return None
        return self._subscript(key)

    def optional_value(self, key: str) -> cst.BaseExpression | None:
        """An expression for an optional field: ``None`` when it is surely absent."""
        presence = self.has(key)
        if presence is False:
            return None
        if self.variable is None:
            if presence is None:
                return self._spread_get(key)
            return self.value(key) if presence else None
        if presence:
            return self._subscript(key)
        return cst.Call(
            func=cst.Attribute(cst.Name(self.variable), cst.Name("get")),
            args=[cst.Arg(self._key(key))],
        )

    def literal(self, key: str) -> str | None:
        """The string literal sent as ``key``, when that is all it can be."""
        if (
            self.node is None
            or key in self.stored
            or (self.variable is not None and not self.complete)
        ):
            return None
        element = dict_keys(self.node).get(key)
        return string_value(element.value) if element is not None else None

    def _spread_value(self, key: str) -> cst.BaseExpression | None:
        """``{**self.base, "text": text}``: a required field not written in the literal came
        from its one spread dict (HeyGen refused requests without it), read back from it. Only a
        plain name or attribute is read again: a call (``**self._base()``) would run twice."""
        if self.node is None:
            return None
        spreads = [e for e in self.node.elements if isinstance(e, cst.StarredDictElement)]
        if len(spreads) != 1 or dotted_name(spreads[0].value) is None:
            return None
        return cst.Subscript(
            value=spreads[0].value.deep_clone(),
            slice=[cst.SubscriptElement(cst.Index(self._key(key)))],
        )

    def _spread_get(self, key: str) -> cst.BaseExpression | None:
        """``{"session_id": sid, **speech}`` without ``key`` in the literal: an optional field
        comes from the one spread dict if it has it, read back with ``.get`` (``None`` when
        it does not: the field's default). Only a plain name or attribute is read again."""
        spread = self._spread_value(key)
        if not isinstance(spread, cst.Subscript):
            return None
        return cst.Call(
            func=cst.Attribute(spread.value, cst.Name("get")), args=[cst.Arg(self._key(key))]
        )

    def _key(self, key: str) -> cst.SimpleString:
        quote = '"'
        for element in dict_keys(self.node).values() if self.node is not None else ():
            if isinstance(element.key, cst.SimpleString) and element.key.value.endswith("'"):
                quote = "'"
            break
        return cst.SimpleString(f"{quote}{key}{quote}")

    def _subscript(self, key: str) -> cst.BaseExpression:
        assert self.variable is not None
        if self.attributes is not None:
            return cst.Attribute(cst.Name(self.variable), cst.Name(self.attributes[key]))
        return cst.Subscript(
            value=cst.Name(self.variable),
            slice=[cst.SubscriptElement(cst.Index(self._key(key)))],
        )


def payload_view(
    index: ModuleIndex, request: RequestSite, filename: str | None = None
) -> PayloadView | None:
    """What ``request`` sends, or ``None`` when it is not a dict the rewrite can read (the
    module's ``filename`` finds models imported from the project's other modules)."""
    arg = request.payload
    if arg is None:
        return None
    context = request.call.context
    expr = unwrap_serialiser(arg.value, index)
    model = (
        model_body(index, expr, context, filename)
        or dataclass_instance_body(index, expr, context, filename)
        or attribute_dict_body(index, expr, context, filename)
    )
    if model is not None:
        return _model_view(model)
    if isinstance(expr, cst.Name):
        # ``data = json.dumps(payload)`` ... ``post(url, data=data)``
        values = index.lookup(expr.value, context.scope)
        if len(values) == 1:
            unwrapped = unwrap_serialiser(values[0], index)
            if unwrapped is not values[0] and isinstance(unwrapped, (cst.Name, cst.Dict)):
                expr = unwrapped
    constant = functools.partial(_constant_dict, index, context=context)
    union = dict_union(expr, constant) or _dict_call_merge(expr, constant)
    if union is not None:
        expr = union
    if isinstance(expr, cst.Dict):
        spread = any(isinstance(e, cst.StarredDictElement) for e in expr.elements)
        return PayloadView(None, expr, frozenset(), complete=not spread)
    if isinstance(expr, cst.Call) and _keywords_only_dict(expr):
        # ``json=dict(session_id=sid, text=t)`` or ``TaskRequest(session_id=sid, text=t)`` (a
        # TypedDict) written in the call: its keywords are its keys.
        return PayloadView(None, _keywords_dict(expr), frozenset(), complete=True)
    if not isinstance(expr, cst.Name):
        return None
    name = expr.value
    values = index.lookup(name, context.scope)
    dicts = [v for v in values if isinstance(v, cst.Dict)]
    dict_calls = [v for v in values if isinstance(v, cst.Call) and _builds_dict(v)]
    if values and len(dicts) + len(dict_calls) != len(values):
        return None  # also bound to something that is not a dict
    if len(values) == 1 and dict_calls:
        # ``TaskRequest(session_id=..., text=...)`` (a TypedDict, ``dict(...)``): its keywords
        # are its keys, read here; the fields are read back from the variable.
        dicts = [_keywords_dict(dict_calls[0])]
    if not values and not (arg.keyword is None or arg.keyword.value == "json"):
        # A parameter (or a global from elsewhere): a dict only if it is sent as JSON.
        return None
    # Only stores and mutations in the request's own function touch this variable: another
    # function's ``payload`` is another dict.
    stored: set[str] = set()
    for site in index.subscripts:
        if (
            site.context.function is context.function
            and isinstance(site.node.value, cst.Name)
            and site.node.value.value == name
            and _is_store(index, site.node)
        ):
            stored.add(site.key)
    mutated = any(
        call.context.function is context.function
        and (call.name or "").startswith(f"{name}.")
        and (call.name or "").split(".")[-1] in _MUTATORS
        for call in index.calls
    )
    node = dicts[0] if len(values) == 1 and dicts else None
    spread = node is not None and any(isinstance(e, cst.StarredDictElement) for e in node.elements)
    complete = node is not None and not spread and not mutated
    return PayloadView(name, node, frozenset(stored), complete)


def dict_union(
    expr: cst.BaseExpression, constant: Callable[[cst.Name], cst.Dict | None]
) -> cst.Dict | None:
    """``TASK_DEFAULTS | {"session_id": sid, "text": t}`` as the dict display it equals,
    ``{**TASK_DEFAULTS, "session_id": sid, "text": t}`` (read only: not a node of the tree);
    an operand that is a constant dict (``constant``) contributes its entries."""
    if not (isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.BitOr)):
        return None
    operands: list[cst.BaseExpression] = []
    current: cst.BaseExpression = expr
    while isinstance(current, cst.BinaryOperation) and isinstance(current.operator, cst.BitOr):
        operands.insert(0, current.right)
        current = current.left
    operands.insert(0, current)
    elements: list[cst.BaseDictElement] = []
    for operand in operands:
        known = constant(operand) if isinstance(operand, cst.Name) else None
        if known is not None:
            elements.extend(known.elements)
        elif isinstance(operand, cst.Dict):
            elements.extend(operand.elements)
        elif dotted_name(operand) is not None:
            elements.append(cst.StarredDictElement(operand))
        else:
            return None
    if not any(isinstance(e, cst.DictElement) for e in elements):
        return None  # ``A | B``: nothing known about its keys (nor that these are dicts)
    return cst.Dict(elements)


def _dict_call_merge(
    expr: cst.BaseExpression, constant: Callable[[cst.Name], cst.Dict | None]
) -> cst.Dict | None:
    """``dict(TASK_DEFAULTS, session_id=sid, text=t)``: the mapping's entries, then the
    keywords (as ``TASK_DEFAULTS | {"session_id": sid, "text": t}``)."""
    if not (isinstance(expr, cst.Call) and dotted_name(expr.func) == "dict" and expr.args):
        return None
    first, *rest = expr.args
    if first.keyword is not None or first.star or not rest:
        return None
    if any(arg.keyword is None or arg.star for arg in rest):
        return None
    keywords = cst.Dict(
        [
            cst.DictElement(cst.SimpleString(f'"{arg.keyword.value}"'), arg.value)
            for arg in rest
            if arg.keyword is not None
        ]
    )
    return dict_union(cst.BinaryOperation(first.value, cst.BitOr(), keywords), constant)


def _constant_dict(index: ModuleIndex, name: cst.Name, context: Context) -> cst.Dict | None:
    """The dict display a name is bound to once and never changed (no item stores, no
    mutating calls anywhere in the module), without spreads of its own."""
    values = index.lookup(name.value, context.scope)
    if len(values) != 1 or not isinstance(values[0], cst.Dict):
        return None
    if any(isinstance(e, cst.StarredDictElement) for e in values[0].elements):
        return None
    for site in index.subscripts:
        node = site.node.value
        if isinstance(node, cst.Name) and node.value == name.value and _is_store(index, site.node):
            return None
    for call in index.calls:
        parts = (call.name or "").split(".")
        if len(parts) == 2 and parts[0] == name.value and parts[1] in _MUTATORS:
            return None
    return values[0]


def _model_view(model: ModelBody) -> PayloadView | None:
    """The fields of a model instance: read back from its variable (``req.sid``), or the values
    its construction in the call passes (a field left to its default is known only when that
    default is a string literal)."""
    if model.variable is not None:
        attributes = {f.wire: f.attribute for f in model.fields}
        node = cst.Dict(
            [
                cst.DictElement(
                    cst.SimpleString(f'"{f.wire}"'),
                    cst.Attribute(cst.Name(model.variable), cst.Name(f.attribute)),
                )
                for f in model.fields
            ]
        )
        return PayloadView(model.variable, node, frozenset(), True, attributes)
    elements = []
    for wire_field in model.fields:
        value = model.arguments.get(wire_field.attribute)
        if value is None:
            default = literal_default(wire_field)
            if default is None:
                if wire_field.has_default:
                    return None  # sent with a default this module cannot spell
                continue
            plain = '"' not in default and "\\" not in default
            value = cst.SimpleString(f'"{default}"' if plain else repr(default))
        elements.append(cst.DictElement(cst.SimpleString(f'"{wire_field.wire}"'), value))
    return PayloadView(None, cst.Dict(elements), frozenset(), complete=True)


def _builds_dict(call: cst.Call) -> bool:
    """``dict(a=1)`` or a keyword-only call of a class (``TaskRequest(text=t)``): sent as a
    JSON body, such a value can only be a dict (a ``TypedDict``)."""
    name = dotted_name(call.func) or ""
    keywords_only = bool(call.args) and all(
        arg.keyword is not None and not arg.star for arg in call.args
    )
    return name == "dict" or (keywords_only and name.rsplit(".", 1)[-1][:1].isupper())


def _keywords_only_dict(call: cst.Call) -> bool:
    """``dict(session_id=sid, text=t)``, ``TaskRequest(session_id=sid, text=t)``: a dict
    (see :func:`_builds_dict`) whose every key is a keyword, nothing spread in."""
    return _builds_dict(call) and all(arg.keyword is not None and not arg.star for arg in call.args)


def _keywords_dict(call: cst.Call) -> cst.Dict:
    """The keys a keyword-only call gives its dict (not a node of the tree: read only)."""
    return cst.Dict(
        [
            cst.DictElement(cst.SimpleString(f'"{arg.keyword.value}"'), arg.value)
            for arg in call.args
            if arg.keyword is not None
        ]
    )


def _is_store(index: ModuleIndex, node: cst.Subscript) -> bool:
    parent = index.parent_of(node)
    return isinstance(parent, (cst.AssignTarget, cst.AugAssign, cst.Del)) or (
        isinstance(parent, cst.AnnAssign) and parent.target is node
    )


@dataclass
class EventCall:
    """One request about to become an event: where the call stands and what it sent."""

    request: RequestSite
    target: cst.Call
    """The call replaced: the request call, the ``urlopen`` that sends a urllib Request, or
    the thread runner running a ``functools.partial`` request."""
    shape: CallShape
    payload: PayloadView | None


def prepare(
    index: ModuleIndex, request: RequestSite, filename: str | None = None
) -> EventCall | str:
    """An :class:`EventCall`, or why the request cannot be replaced where it stands."""
    target = request.node
    site = request.call
    if request.client == "urllib":
        use = urlopen_of(index, request.call)
        if use is None:
            return "the urllib request object is used in other ways too"
        target = use.call
        located = next((c for c in index.calls if c.node is target), None)
        if located is None:
            return "the urllib request is not sent here"
        site = located
    else:
        # ``asyncio.to_thread(functools.partial(self._post, URL, body))``: the runner's call
        # gives the response, and it goes as a whole.
        runner = response_call(index, request.node)
        located = next((c for c in index.calls if c.node is runner), None)
        if runner is not target and located is not None:
            target, site = runner, located
    payload = payload_view(index, request, filename)
    return EventCall(request, target, call_shape(index, site), payload)
