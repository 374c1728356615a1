"""Module constants holding a whole streaming URL that other modules of the run import.

``constants.py`` writes ``STREAMING_NEW_URL = f"{HEYGEN_BASE_URL}/v1/streaming.new"`` and
sends nothing itself; ``routes.py`` imports the name and posts to it. The routes' migration
reads the constant's text from the project facts (``ProjectFacts.url_constants``, through
``analysis/values.py``) and migrates the request there; the literal, written here, is edited
here: the token path becomes LiveAvatar's (``/v1/sessions/token``, the request now being the
bridge's token call), and an endpoint whose requests became events or were retired (start,
task, interrupt) is said to be unused once the importers are migrated, not "not followed".
"""

from __future__ import annotations

from ..model import ProjectFacts
from .endpoints import EndpointLiteral


def imported_url_constant(project: ProjectFacts | None, literal: EndpointLiteral) -> str | None:
    """The name of the module constant ``literal`` is (part of) the value of, when another
    module of the run imports that name and the project facts hold the constant's URL
    (so that the importer resolves its requests to it); else ``None``."""
    if project is None or not project.url_constants or literal.requests:
        return None
    site = literal.site
    name = site.assigned_to
    if site.context.function is not None or site.context.class_def is not None or not name:
        return None
    if name not in project.imported_names:
        return None
    if not any(constant == name for _module, constant, _text in project.url_constants):
        return None
    return name
