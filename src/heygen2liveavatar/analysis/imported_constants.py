"""The text of another project module's constant that an expression of this module reads,
from the project facts (``ProjectFacts.string_constants``, ``ProjectFacts.url_constants``).
"""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex, string_value

DJANGO_SETTINGS = "django.conf.settings"
"""``from django.conf import settings`` reads the project's own ``settings`` module."""


def imported_constant(
    index: ModuleIndex, value: cst.BaseExpression, constants: tuple[tuple[str, str, str], ...]
) -> str | None:
    """The text of another project module's constant that ``value`` reads, by the name this
    module imports it under (``from .settings import AVATAR_ID``) or on the imported module
    (``settings.AVATAR_ID``), from the module the import names; ``constants`` is
    ``ProjectFacts.string_constants`` (or ``url_constants``, which also name a class member
    ``Urls.NEW`` and a dict entry ``ENDPOINTS[new]``: read as ``Urls.NEW`` on an imported
    class, ``ENDPOINTS["new"]`` on an imported dict). Modules the import may name that
    disagree: ``None``."""
    if not constants:
        return None
    texts: set[str] = set()
    for module, name in _candidates(index, value):
        module = module.lstrip(".")  # relative: a suffix of the module's path all the same
        if module == DJANGO_SETTINGS:
            module = "settings"  # the project's settings module (DJANGO_SETTINGS_MODULE)
        if not module:
            continue
        texts.update(
            text
            for owner, constant, text in constants
            if constant == name and (not owner or owner == module or owner.endswith("." + module))
        )
    return texts.pop() if len(texts) == 1 else None


def _candidates(index: ModuleIndex, value: cst.BaseExpression) -> list[tuple[str, str]]:
    """(module as the import spells it, constant name) that ``value`` may read."""
    key = None
    if type(value) is cst.Subscript and len(value.slice) == 1:
        index_value = value.slice[0].slice
        if isinstance(index_value, cst.Index):
            key = string_value(index_value.value)
        if key is None:
            return []
        value = value.value
    suffix = f"[{key}]" if key is not None else ""
    if type(value) is cst.Name:
        qualified = index.imports.get(value.value)
        if qualified is None:
            # ``from .constants import *``: any module star-imported here may define it
            return [(module, value.value + suffix) for module, _node in index.star_imports]
        module, _, name = qualified.rpartition(".")
        return [(module, name + suffix)]
    if type(value) is cst.Attribute and type(value.value) is cst.Name:
        qualified = index.imports.get(value.value.value)
        if qualified is None:
            return []
        attribute = value.attr.value
        # ``settings.NAME`` on an imported module, or ``Urls.NEW`` on an imported class
        owner_module, _, owner = qualified.rpartition(".")
        return [(qualified, attribute + suffix), (owner_module, f"{owner}.{attribute}{suffix}")]
    return []
