"""H2L402: the HeyGen API-key variable becomes ``LIVEAVATAR_API_KEY``."""

from __future__ import annotations

import re

import libcst as cst

from ..analysis.index import dotted_name
from ..analysis.settings_classes import prefixed_key_fields
from ..apispec import LIVEAVATAR_API_KEY_NAME
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext, edit_literal

# HEYGEN_API_KEY, HEYGEN_KEY, HEYGEN_STREAMING_API_KEY, HEYGEN_API_TOKEN ...
_KEY_NAME = re.compile(r"^HEYGEN(?:_[A-Z0-9]+)*_(?:API_)?(?:KEY|TOKEN)$")


class ApiKeyVariableRule(Rule):
    code = "H2L402"
    name = "api-key-variable"
    summary = (
        "Reads of the `HEYGEN_API_KEY` setting become `LIVEAVATAR_API_KEY`; a new key is needed."
    )
    fix = FIX_UNSAFE
    description = """
HeyGen API keys do not work on LiveAvatar: a new key comes from app.liveavatar.com/developers.
Where the module's HeyGen key serves streaming calls, the rule renames the *setting it is read
from* (environment variables, `os.environ[...]`, `st.secrets[...]`, config lookups) to
`LIVEAVATAR_API_KEY`, so that an old HeyGen key can never be sent to LiveAvatar by accident.
Python variable names are left as they are (other modules may import them).

The fix is unsafe because the environment must change too: set `LIVEAVATAR_API_KEY` wherever the
code runs (`.env` files, CI secrets, deployment settings). A module that also calls HeyGen's
other APIs with the same key is reported instead: those calls still need the HeyGen key.
"""
    example_before = """
import os

HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")
KEEP_ALIVE_URL = "https://api.heygen.com/v1/streaming.keep_alive"
"""
    example_after = """
import os

HEYGEN_API_KEY = os.getenv("LIVEAVATAR_API_KEY")
KEEP_ALIVE_URL = "https://api.liveavatar.com/v1/sessions/keep-alive"
"""

    def check(self, ctx: RuleContext) -> None:
        role = ctx.settings_role
        if role == "none":
            return
        if role == "streaming":
            shared_with_other_apis = any(r.is_other_heygen_api for r in ctx.requests)
        else:
            assert ctx.project is not None
            shared_with_other_apis = ctx.project.uses_other_heygen_apis
        if not shared_with_other_apis:
            self._prefixed_settings(ctx)
        for site in ctx.index.strings:
            if not isinstance(site.node, cst.SimpleString) or not _KEY_NAME.match(site.value):
                continue
            if site.is_docstring:
                continue
            if shared_with_other_apis:
                ctx.manual(
                    site.node,
                    f"`{site.value}` also serves non-streaming HeyGen calls; read a separate "
                    f"`{LIVEAVATAR_API_KEY_NAME}` for the LiveAvatar calls",
                )
                continue
            if edit_literal(ctx, site.node, site.value, LIVEAVATAR_API_KEY_NAME):
                ctx.fixed(
                    site.node,
                    f"reads `{LIVEAVATAR_API_KEY_NAME}` instead of `{site.value}`: create a LiveAvatar "
                    "API key and set it there (HeyGen keys do not work on LiveAvatar)",
                )

    def _prefixed_settings(self, ctx: RuleContext) -> None:
        """``api_key: str`` under ``env_prefix="HEYGEN_"`` reads its own variable now."""
        for key_field in prefixed_key_fields(ctx.index):
            statement = key_field.statement
            keyword = "validation_alias" if key_field.pydantic_v2 else "env"
            if isinstance(statement.value, cst.Call) and dotted_name(statement.value.func) in (
                "Field",
                "pydantic.Field",
            ):
                continue  # already configured by hand
            args = [] if statement.value is None else [cst.Arg(statement.value)]
            args.append(
                cst.Arg(
                    cst.SimpleString(f'"{LIVEAVATAR_API_KEY_NAME}"'),
                    keyword=cst.Name(keyword),
                    equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
                )
            )
            if len(args) == 2:
                args[0] = args[0].with_changes(
                    comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                )
            value = cst.Call(cst.Name("Field"), args)
            if ctx.transform(
                statement,
                lambda updated, value=value: updated.with_changes(
                    value=value,
                    equal=cst.AssignEqual(cst.SimpleWhitespace(" "), cst.SimpleWhitespace(" ")),
                ),
            ):
                ctx.require_import("pydantic", "Field")
                ctx.fixed(
                    statement.target,
                    f"`{statement.target.value}` reads `{LIVEAVATAR_API_KEY_NAME}` (the class's "  # type: ignore[attr-defined]
                    "`HEYGEN_` prefix made it `HEYGEN_API_KEY`): HeyGen keys do not work on LiveAvatar",
                )
