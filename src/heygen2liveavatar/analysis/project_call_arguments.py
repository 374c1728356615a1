"""Values an opener hands to a function of another module of the project.

``return pages.viewer_page(session)``: the page builder lives in a module without HeyGen words,
which the run does not rewrite, and reads ``session["url"]`` there. Like a dict a route
returns, such an argument is part of the code's interface to code the tool does not follow.
"""

from __future__ import annotations

from collections.abc import Container, Iterator

import libcst as cst

from .imported_classes import resolve_import
from .index import Context, ModuleIndex


def project_call_arguments(
    index: ModuleIndex, filename: str | None, functions: Container[int], module_level: bool
) -> Iterator[tuple[cst.BaseExpression, Context]]:
    """The arguments of calls, inside the functions whose ids are in ``functions`` (and
    module-level code when ``module_level``), of functions imported from the project's other
    modules (``pages.viewer_page(...)``, ``from .pages import viewer_page``)."""
    if filename is None:
        return
    for site in index.calls:
        function = site.context.function
        inside = id(function) in functions if function is not None else module_level
        if not inside or site.name is None:
            continue
        if site.name.split(".", 1)[0] not in index.imports:
            continue
        qualified = index.qualified_name(site.name)
        if qualified is None or resolve_import(filename, qualified) is None:
            continue
        for arg in site.node.args:
            if not arg.star:
                yield arg.value, site.context


__all__ = ["project_call_arguments"]
