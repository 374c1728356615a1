"""Values a module hands to a template renderer, whose template reads them out of sight.

``render_template("_room.html", info=info)`` (Flask), ``templates.TemplateResponse("x.html",
{"request": request, "info": info})`` (Starlette, FastAPI), ``render(request, "x.html",
{"info": info})`` (Django), ``env.get_template("x.html").render(info=info)`` (Jinja2),
``VIEWER.format(**info)``, ``string.Template(...).substitute(info)``: the template then reads
``{{ info.url }}`` (or ``{url}``) in text that is not Python code. Such a value is, like a dict
a route returns as JSON, part of the program's interface to code the tool never reads.
"""

from __future__ import annotations

from collections.abc import Iterator

import libcst as cst

from .index import Context, ModuleIndex

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


__all__ = ["renders_a_template", "template_context_values"]
