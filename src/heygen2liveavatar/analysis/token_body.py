"""The ``/v1/sessions/token`` body written as code, from a :class:`.session_config.BodyPlan`.

The keys come in the order LiveAvatar's docs write them, the dict keeps the caller's layout
(:mod:`.layout`), and a nested object is built only from the options the caller set: HeyGen
ignored ``null`` options, LiveAvatar validates nested objects and answers 422.
"""

from __future__ import annotations

import libcst as cst

from ..apispec.session_fields import TOKEN_BODY_ORDER
from .body_comments import FieldComments, merged
from .layout import indentation_of, laid_out, one_per_line
from .payloads import RUNTIME_MAPPER, key_string
from .session_config import BodyGroup, SpreadResolver, plan_body


def _rank(key: str) -> int:
    return TOKEN_BODY_ORDER.index(key) if key in TOKEN_BODY_ORDER else len(TOKEN_BODY_ORDER)


def build_body(
    group: BodyGroup,
    like: cst.BaseExpression | None,
    layout: cst.Dict | None,
    root: bool = True,
    indents: tuple[str, str] | None = None,
) -> cst.Dict:
    """``group`` as a dict literal laid out like ``layout``, its keys quoted like ``like``.

    The top level takes LiveAvatar's key order; a nested object whose values may be unset
    becomes a comprehension that leaves the unset ones out. The comments of the fields
    that landed in a nested object stay beside them when the dict is laid out one entry a
    line (``indents``: its entries' indentation and one step; read from ``layout`` at the
    top), else they go above the nested object's key.
    """
    elements: list[cst.BaseDictElement] = []
    items = list(group.items.items())
    if root:
        items.sort(key=lambda item: _rank(item[0]))
        indents = indentation_of(layout)
    comments: list[list[FieldComments]] = []
    for key, value in items:
        notes = list(group.comments.get(key, []))
        if isinstance(value, cst.BaseDictElement):
            elements.append(value)
        elif isinstance(value, BodyGroup):
            nested = indents is not None and not _optional(value) and value.all_comments()
            if nested and indents is not None:
                inner = (indents[0] + indents[1], indents[1])
                child = build_body(value, like, one_per_line(*inner), False, inner)
            else:
                notes += value.all_comments()  # an inline object has no room for them
                child = build_body(value, like, None, root=False)
            elements.append(cst.DictElement(key_string(like, key), child))
        else:
            elements.append(cst.DictElement(key_string(like, key), value))
        comments.append(notes)
    built = laid_out(elements, layout, [merged(notes) for notes in comments])
    if not root and _optional(group):
        return _without_nones(built)  # type: ignore[return-value]
    return built


def _optional(group: BodyGroup) -> bool:
    """Some value of ``group`` may be unset (it is built as a comprehension)."""
    return any(
        isinstance(value, cst.BaseExpression) and _may_be_none(value)
        for value in group.items.values()
    )


def _may_be_none(value: cst.BaseExpression) -> bool:
    """Could the caller's value be ``None`` (an unset option)? Literals and CONSTANTS cannot.

    HeyGen ignored ``null`` options; LiveAvatar validates nested objects and answers 422, so
    an option the caller may leave unset is sent only when it is set.
    """
    if isinstance(value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)):
        return False
    if isinstance(value, (cst.Integer, cst.Float, cst.Dict, cst.List, cst.Tuple)):
        return False
    if isinstance(value, cst.Name):
        return not value.value.isupper() and value.value not in ("True", "False")
    if isinstance(value, cst.UnaryOperation):
        return _may_be_none(value.expression)
    return not isinstance(value, cst.BinaryOperation)


def _without_nones(built: cst.Dict) -> cst.DictComp:
    """``{k: v for k, v in {...}.items() if v is not None}``: only the options that are set."""
    items = cst.Call(func=cst.Attribute(built, cst.Name("items")))
    return cst.DictComp(
        key=cst.Name("k"),
        value=cst.Name("v"),
        for_in=cst.CompFor(
            target=cst.Tuple(
                [cst.Element(cst.Name("k")), cst.Element(cst.Name("v"))], lpar=[], rpar=[]
            ),
            iter=items,
            ifs=[
                cst.CompIf(
                    cst.Comparison(
                        cst.Name("v"),
                        [cst.ComparisonTarget(cst.IsNot(), cst.Name("None"))],
                    )
                )
            ],
        ),
    )


def map_body(
    node: cst.Dict,
    mode: str,
    assigned: set[str],
    spread: SpreadResolver | None = None,
    bridge: str | None = None,
) -> cst.BaseExpression:
    """The LiveAvatar token body for the HeyGen body ``node`` (``node`` itself if it already is
    one); ``assigned`` are the keys later ``payload["key"] = v`` lines set.

    With ``bridge`` (the helper module's local name), trailing ``**overrides`` are mapped at run
    time: ``bridge.session_fields({...}, overrides)``."""
    plan = plan_body(node, mode, assigned, whole=True, spread=spread)
    if plan is None:
        return node
    like = next((e.key for e in node.elements if isinstance(e, cst.DictElement)), None)
    built = build_body(plan.group, like, node)
    if not plan.runtime or bridge is None:
        return built
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    return cst.Call(
        func=cst.Attribute(cst.Name(bridge), cst.Name(RUNTIME_MAPPER)),
        args=[
            cst.Arg(built, comma=comma),
            *(
                cst.Arg(
                    value, comma=comma if n < len(plan.runtime) - 1 else cst.MaybeSentinel.DEFAULT
                )
                for n, value in enumerate(plan.runtime)
            ),
        ],
    )


def setdefault_call(
    holder: cst.BaseExpression, key: cst.SimpleString, default: cst.Dict
) -> cst.Call:
    """``holder.setdefault(key, default)``: the nested object a moved field is written into."""
    return cst.Call(
        func=cst.Attribute(holder, cst.Name("setdefault")),
        args=[
            cst.Arg(key, comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))),
            cst.Arg(default),
        ],
    )


__all__ = ["build_body", "map_body", "setdefault_call"]
