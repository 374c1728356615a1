"""Dicts read by attribute: ``AttrDict(data).url`` reads the key ``url``.

A module's own ``class AttrDict(dict): __getattr__ = dict.__getitem__`` (a ``dict`` subclass
without an ``__init__`` of its own that reads attributes as keys), or a library's (``munch``,
``box``, ``easydict``, ``addict``, ``dotmap``, ``attrdict``). Built from a dict, it is that dict:
parsed JSON stays parsed JSON, and its readers look keys up as attributes, which no rename of
subscripts reaches.
"""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex, dotted_name

ATTRIBUTE_DICT_LIBRARIES = frozenset(
    {
        "munch.Munch",
        "munch.munchify",
        "box.Box",
        "easydict.EasyDict",
        "addict.Dict",
        "dotmap.DotMap",
        "attrdict.AttrDict",
    }
)
"""Libraries' dicts read by attribute (``Munch(data).url``), built from the dict they copy."""


def is_attribute_dict_class(class_def: cst.ClassDef) -> bool:
    """A ``dict`` subclass without an ``__init__`` of its own that reads attributes as keys
    (``__getattr__ = dict.__getitem__``, or a ``def __getattr__``)."""
    if not any(dotted_name(base.value) == "dict" for base in class_def.bases):
        return False
    names: set[str] = set()
    for item in class_def.body.body:
        if isinstance(item, cst.FunctionDef):
            names.add(item.name.value)
        elif isinstance(item, cst.SimpleStatementLine):
            for small in item.body:
                if isinstance(small, cst.Assign):
                    names.update(
                        t.target.value for t in small.targets if isinstance(t.target, cst.Name)
                    )
    return "__getattr__" in names and "__init__" not in names


def attribute_dict_call(index: ModuleIndex, node: cst.CSTNode) -> cst.BaseExpression | None:
    """What ``X(value)`` wraps, when ``X`` is a dict read by attribute (a module-level class
    of this module, or a library's) and ``value`` its one positional argument."""
    if not isinstance(node, cst.Call) or len(node.args) != 1:
        return None
    arg = node.args[0]
    if arg.keyword is not None or arg.star:
        return None
    name = dotted_name(node.func)
    if name is None:
        return None
    if index.qualified_name(name) in ATTRIBUTE_DICT_LIBRARIES:
        return arg.value
    for statement in index.module.body:
        if (
            isinstance(statement, cst.ClassDef)
            and statement.name.value == name
            and is_attribute_dict_class(statement)
        ):
            return arg.value
    return None
