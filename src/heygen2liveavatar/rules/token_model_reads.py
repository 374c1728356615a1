"""H2L404: the reads a model makes of the token response when a generic request helper
parses it before the session starts (``analysis/token_models.py``): marked where they fail."""

from __future__ import annotations

import libcst as cst

from ..analysis.index import Statement
from ..analysis.token_models import named_models, start_only_reads
from ..apispec.session_fields import RESPONSE_FIELDS
from .base import RuleContext


def mark_token_model_reads(ctx: RuleContext) -> None:
    """One marker per statement of a model (named by this module's token request or the
    project's) that reads a key LiveAvatar returns only once the session is started."""
    names = named_models(ctx.streaming_requests)
    if ctx.project is not None:
        names |= ctx.project.token_response_models
    if not names:
        return
    found: dict[int, tuple[Statement, str, list[str], cst.CSTNode]] = {}
    for owner, node, key in start_only_reads(ctx.index, names):
        statement = ctx.index.statement_of(node)
        if statement is None:
            continue
        entry = found.setdefault(id(statement), (statement, owner.name.value, [], node))
        if key not in entry[2]:
            entry[2].append(key)
    for statement, model, keys, read in found.values():
        spelled = " or ".join(_spelled(key) for key in keys)
        ctx.manual(
            read,
            f"`{model}` parses the /v1/sessions/token response (formerly `streaming.new`) "
            "inside the generic request helper (`response_type=`), before the session is "
            f"started: it has no {spelled}; parse the token response only after "
            "`liveavatar_bridge.with_heygen_names(liveavatar_bridge.start_session(...))`, or "
            "regenerate the client for LiveAvatar's API",
            statement,
        )


def _spelled(key: str) -> str:
    field = RESPONSE_FIELDS.get(key)
    if field is None or field.liveavatar is None:
        return f"`{key}`"
    return f"`{key}` (/v1/sessions/start's `{field.liveavatar}`)"
