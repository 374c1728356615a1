"""The text of another project module's constant that an expression of this module reads,
from the project facts (``ProjectFacts.string_constants``, ``ProjectFacts.url_constants``).
"""

from __future__ import annotations

import libcst as cst

from .index import ModuleIndex

DJANGO_SETTINGS = "django.conf.settings"
"""``from django.conf import settings`` reads the project's own ``settings`` module."""


def imported_constant(
    index: ModuleIndex, value: cst.BaseExpression, constants: tuple[tuple[str, str, str], ...]
) -> str | None:
    """The text of another project module's constant that ``value`` reads, by the name this
    module imports it under (``from .settings import AVATAR_ID``) or on the imported module
    (``settings.AVATAR_ID``), from the module the import names; ``constants`` is
    ``ProjectFacts.string_constants``. Modules the import may name that disagree: ``None``."""
    if not constants:
        return None
    if type(value) is cst.Name:
        qualified = index.imports.get(value.value)
        if qualified is None:
            return None
        module, _, name = qualified.rpartition(".")
    elif (
        type(value) is cst.Attribute
        and type(value.value) is cst.Name
        and value.value.value in index.imports
    ):
        module, name = index.imports[value.value.value], value.attr.value
    else:
        return None
    module = module.lstrip(".")  # relative: a suffix of the module's path all the same
    if module == DJANGO_SETTINGS:
        module = "settings"  # the project's settings module (DJANGO_SETTINGS_MODULE)
    if not module:
        return None
    texts = {
        text
        for owner, constant, text in constants
        if constant == name and (not owner or owner == module or owner.endswith("." + module))
    }
    return texts.pop() if len(texts) == 1 else None
