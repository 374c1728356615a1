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
        if not renders_a_template(site.name or _method_name(site.node)):
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


def _method_name(call: cst.Call) -> str | None:
    """``format_map`` of ``Path("viewer.html").read_text().format_map(data)``: a method of a
    receiver that is no dotted name (a template read from a file)."""
    return call.func.attr.value if isinstance(call.func, cst.Attribute) else None


def _percent_mapping_values(index: ModuleIndex) -> Iterator[tuple[cst.BaseExpression, Context]]:
    """The mapping of each ``TEMPLATE % info`` whose template (a literal, or a name bound to
    one) holds a ``%(key)s`` placeholder; a dict display's values (``% {"url": ...}``); and
    the name after a template read from a file (``open(path).read() % info``)."""
    templates = [site for site in index.strings if "%(" in site.value]
    literals = {id(site.node) for site in templates}
    names = {site.assigned_to for site in templates if site.assigned_to}
    for node in index.nodes:
        if type(node) is not cst.BinaryOperation or type(node.operator) is not cst.Modulo:
            continue
        left = node.left
        known = id(left) in literals or dotted_name(left) in names
        if not known and not (_read_template(left) and type(node.right) is cst.Name):
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


def _read_template(left: cst.BaseExpression) -> bool:
    """``Path("viewer.html").read_text() % info``, ``open(path).read() % info``: a template
    read at run time, whose ``%(key)s`` placeholders the code does not show."""
    return (
        isinstance(left, cst.Call)
        and isinstance(left.func, cst.Attribute)
        and left.func.attr.value in ("read_text", "read")
    )


__all__ = ["renders_a_template", "template_context_values"]
