"""Values a module hands to a template renderer, whose template reads them out of sight.

``render_template("_room.html", info=info)`` (Flask), ``templates.TemplateResponse("x.html",
{"request": request, "info": info})`` (Starlette, FastAPI), ``render(request, "x.html",
{"info": info})`` (Django), ``env.get_template("x.html").render(info=info)`` (Jinja2),
``VIEWER.format(**info)``, ``string.Template(...).substitute(info)``, ``PAGE % info`` with
``PAGE = "...%(url)s..."``: the template then reads ``{{ info.url }}`` (or ``{url}``,
``%(url)s``) in text that is not Python code. Such a value is, like a dict
a route returns as JSON, part of the program's interface to code the tool never reads.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from .index import Context, ModuleIndex, dotted_name

_RENDERERS = frozenset(
    {
        # Flask / Quart
        "render_template",
        "render_template_string",
        "stream_template",
        # Starlette / FastAPI (``Jinja2Templates``), Django
        "TemplateResponse",
        "render",
        "render_to_string",
        "render_to_response",
        # Jinja2's ``Template``
        "render_async",
        "stream",
        # ``str.format(**data)``, ``format_map(data)``, ``string.Template.substitute(data)``
        "format",
        "format_map",
        "substitute",
        "safe_substitute",
    }
)


def renders_a_template(name: str | None) -> bool:
    """A call of one of the renderers above (by its last name)."""
    return name is not None and name.rsplit(".", 1)[-1] in _RENDERERS


def template_context_values(index: ModuleIndex) -> Iterator[tuple[cst.BaseExpression, Context]]:
    """Each value a renderer call passes into its template's namespace: its arguments
    (``**ctx`` and a mapping by position included; the template name and the request are
    never session data, which the caller's classification of each value tells apart), and the
    values of a dict display among them (the context dict of Starlette and Django)."""
    for site in index.calls:
        if not renders_a_template(site.name):
            continue
        for arg in site.node.args:
            if arg.keyword is not None and arg.keyword.value in ("request", "status_code"):
                continue
            if arg.star == "*":
                continue
            if isinstance(arg.value, cst.Dict):  # ``{"request": request, "info": info}``
                for element in arg.value.elements:
                    yield element.value, site.context  # also ``{**info}``
            else:
                yield arg.value, site.context
    yield from _percent_mapping_values(index)


def _percent_mapping_values(index: ModuleIndex) -> Iterator[tuple[cst.BaseExpression, Context]]:
    """The mapping of each ``TEMPLATE % info`` whose template (a literal, or a name bound to
    one) holds a ``%(key)s`` placeholder; a dict display's values (``% {"url": ...}``). Only
    a module with such a template is searched, in the index's flat node list."""
    templates = [site for site in index.strings if "%(" in site.value]
    if not templates:
        return
    literals = {id(site.node) for site in templates}
    names = {site.assigned_to for site in templates if site.assigned_to}
    for node in index.nodes:
        if type(node) is not cst.BinaryOperation or type(node.operator) is not cst.Modulo:
            continue
        left = node.left
        if id(left) not in literals and dotted_name(left) not in names:
            continue
        statement = index.statement_of(node)
        context = index.context_of(statement) if statement is not None else None
        if context is None or type(node.right) is cst.Tuple:  # ``% (a, b)``: positional
            continue
        if type(node.right) is cst.Dict:
            for element in node.right.elements:
                yield element.value, context
        else:
            yield node.right, context


__all__ = ["renders_a_template", "template_context_values"]
