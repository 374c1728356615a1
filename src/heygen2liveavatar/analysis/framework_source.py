"""Is this module a framework's own source rather than code that uses the framework?

The framework rules (H2L5xx) migrate code that imports a framework's HeyGen integration. Run
over an installed framework, its own modules import that integration too (pipecat's
``video.py`` imports ``pipecat.services.heygen.api`` absolutely, and its ``client.py`` handles
HeyGen and LiveAvatar requests side by side): rewriting them breaks the framework. A module is
the framework's own when its path lies in one of the integration's package directories
(``.../pipecat/services/heygen/video.py``) or it defines one of the classes only the framework
defines (``class HeyGenVideoService``). A module that imports the integration relatively
(``from .api import NewSessionRequest``) is inside the package too; such imports are never
framework imports for the rules (``analysis/import_bindings.py`` reads absolute imports only).
"""

from __future__ import annotations

import re

import libcst as cst

from ..apispec.frameworks import FRAMEWORK_OWN_CLASSES, FRAMEWORK_SOURCE_PACKAGES
from .index import ModuleIndex

_SEPARATORS = re.compile(r"[\\/]+")


def in_framework_package(filename: str) -> bool:
    """The file's directories spell one of the integration packages (``pipecat/services/heygen``)."""
    directories = _SEPARATORS.split(filename)[:-1]
    spelled = "." + ".".join(directories) + "."
    return any(f".{package}." in spelled for package in FRAMEWORK_SOURCE_PACKAGES)


def defines_framework_class(index: ModuleIndex) -> bool:
    """The module defines, at its top level, a class only the framework itself defines."""
    return any(
        name in FRAMEWORK_OWN_CLASSES
        and any(isinstance(index.parent_of(value), cst.ClassDef) for value in values)
        for name, values in index.module_scope.assignments.items()
    )


def is_framework_source(index: ModuleIndex, filename: str) -> bool:
    """See the module docstring."""
    return in_framework_package(filename) or defines_framework_class(index)
