"""H2L402: the HeyGen API-key variable becomes ``LIVEAVATAR_API_KEY``."""

from __future__ import annotations

import libcst as cst

from ..analysis.call_arguments import with_keyword, without_item
from ..analysis.index import StringSite
from ..analysis.key_helpers import key_helper_split
from ..analysis.key_reads import (
    heygen_key_reads,
    holders_of,
    imported_shared_keys,
    key_setting_sites,
    messages_naming,
    module_key_assignment,
    name_reads,
    reads_liveavatar_key,
    repeated_choice,
    serves_other_heygen_apis,
    split_key_name,
)
from ..analysis.settings_classes import prefixed_key_fields
from ..analysis.shared_clients import module_split
from ..apispec import LIVEAVATAR_API_KEY_NAME
from ..model import FIX_UNSAFE, KEY_READ
from .base import Rule, RuleContext, edit_literal
from .copied_key_reads import copies_of, rename_in_copies
from .imported_wrapper_splits import split_in_wrapper_module
from .shared_client_splits import (
    WRAPPER_SPLIT_COVERS_STREAMING,
    client_split_done,
    default_key_headers,
    module_split_covers_streaming,
)
from .url_key_wrappers import key_by_url_host


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
            # A wrapper split for the video calls of modules importing it serves them too.
            shared_with_other_apis = serves_other_heygen_apis(ctx.index, ctx.requests) or bool(
                ctx.shared.get(WRAPPER_SPLIT_COVERS_STREAMING)
            )
        else:
            assert ctx.project is not None
            shared_with_other_apis = ctx.project.uses_other_heygen_apis
        split_key = False
        if role == "streaming" and shared_with_other_apis:
            split_key = self._split_client_key(ctx)
        if not shared_with_other_apis:
            self._prefixed_settings(ctx)
        if role == "streaming" and ctx.project is not None and ctx.project.uses_other_heygen_apis:
            self._use_split_key(ctx)
        renamed: set[str] = set()
        renamed_nodes: set[int] = set()
        set_elsewhere = ctx.project.code_key_names if ctx.project is not None else frozenset()
        for site in key_setting_sites(ctx.index, set_elsewhere):
            if shared_with_other_apis:
                if role != "streaming" and self._split_key(ctx, site):
                    continue
                if (
                    role != "streaming"
                    and reads_liveavatar_key(ctx.index)
                    and client_split_done(ctx)
                ):
                    continue  # split by a first run: the key serves HeyGen's other APIs
                if role != "streaming" and split_in_wrapper_module(
                    ctx, KEY_READ, (site.assigned_to or "").rsplit(".", 1)[-1]
                ):
                    continue  # the streaming calls go through a split wrapper's sibling
                if (
                    split_key
                    or (role == "streaming" and self._split_key_helper(ctx, site))
                    or (role != "streaming" and ctx.shared.get(WRAPPER_SPLIT_COVERS_STREAMING))
                ):
                    ctx.fixed(
                        site.node,
                        f"`{site.value}` keeps serving HeyGen's other APIs; the streaming "
                        f"requests send `{LIVEAVATAR_API_KEY_NAME}` instead",
                    )
                    continue
                if key_by_url_host(ctx, site):
                    continue  # the wrapper chooses the key by the URL's host
                message = (
                    f"`{site.value}` also serves non-streaming HeyGen calls; read a separate "
                    f"`{LIVEAVATAR_API_KEY_NAME}` for the LiveAvatar calls"
                )
                ctx.manual(site.node, message)
                for target in copies_of(ctx, site.node):
                    ctx.manual(target, message)  # the next run would find the copy and mark it
                continue
            repeated = repeated_choice(ctx.index, site, frozenset(renamed_nodes))
            if repeated is not None:
                container, position = repeated
                if ctx.transform(container, without_item(position)):
                    ctx.fixed(
                        site.node,
                        f"`{site.value}` is dropped: an earlier choice already reads "
                        f"`{LIVEAVATAR_API_KEY_NAME}`",
                    )
                continue
            if edit_literal(ctx, site.node, site.value, LIVEAVATAR_API_KEY_NAME):
                renamed_nodes.add(id(site.node))
                if isinstance(site.node, cst.SimpleString):
                    rename_in_copies(ctx, site.node, site.value, LIVEAVATAR_API_KEY_NAME)
                ctx.fixed(
                    site.node,
                    f"reads `{LIVEAVATAR_API_KEY_NAME}` instead of `{site.value}`: create a LiveAvatar "
                    "API key and set it there (HeyGen keys do not work on LiveAvatar)",
                )
                renamed.add(site.value)
        self._messages(ctx, renamed)
        if role == "streaming" and not shared_with_other_apis:
            self._other_key_spellings(ctx, renamed)

    def _messages(self, ctx: RuleContext, renamed: set[str]) -> None:
        """``raise RuntimeError("Set HEYGEN_API_KEY")`` beside a renamed read names the new variable."""
        for node, text in messages_naming(ctx.index, renamed, LIVEAVATAR_API_KEY_NAME):

            def apply(updated: cst.CSTNode, text: str = text) -> cst.CSTNode:
                assert isinstance(updated, (cst.SimpleString, cst.FormattedStringText))
                return updated.with_changes(value=text)

            if ctx.transform(node, apply):
                ctx.fixed(
                    node, f"the message names `{LIVEAVATAR_API_KEY_NAME}`, the variable now read"
                )

    def _other_key_spellings(self, ctx: RuleContext, renamed: set[str]) -> None:
        """A HeyGen key read under another spelling (``st.secrets[...]["heygen_api_key"]``,
        ``self._settings.heygen_api_key``) in a module that calls streaming endpoints: the tool
        cannot rename a secrets file or a settings class it does not see, so it says so."""
        migrated: frozenset[str] = frozenset()
        if ctx.project is not None and not ctx.project.uses_other_heygen_apis:
            # A settings class of the run whose field this rule points at LIVEAVATAR_API_KEY.
            migrated = ctx.project.settings_key_fields
        # ``self.heygen_api_key = get("HEYGEN_API_KEY")`` here: the read this rule renamed.
        migrated = migrated | holders_of(ctx.index, renamed)
        for site in heygen_key_reads(ctx.index):
            if type(site.node) is cst.Attribute and site.name in migrated:
                continue
            ctx.manual(
                site.node,
                f"`{site.name}` holds a HeyGen API key, which does not work on LiveAvatar: store a "
                "LiveAvatar key (app.liveavatar.com/developers) there, or read "
                f"`{LIVEAVATAR_API_KEY_NAME}` instead",
            )

    def _prefixed_settings(self, ctx: RuleContext) -> None:
        """``api_key: str`` under ``env_prefix="HEYGEN_"`` reads its own variable now."""
        for key_field in prefixed_key_fields(ctx.index):
            statement = key_field.statement
            keyword = "validation_alias" if key_field.pydantic_v2 else "env"
            if key_field.configured_by_hand:
                continue
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

            def with_field(updated: cst.CSTNode, value: cst.Call = value) -> cst.CSTNode:
                assert isinstance(updated, cst.AnnAssign)
                return updated.with_changes(
                    value=value,
                    equal=cst.AssignEqual(cst.SimpleWhitespace(" "), cst.SimpleWhitespace(" ")),
                )

            if ctx.transform(statement, with_field):
                ctx.require_import("pydantic", "Field")
                ctx.fixed(
                    statement.target,
                    f"`{statement.target.value}` reads `{LIVEAVATAR_API_KEY_NAME}` (the class's "  # type: ignore[attr-defined]
                    "`HEYGEN_` prefix made it `HEYGEN_API_KEY`): HeyGen keys do not work on LiveAvatar",
                )

    def _split_client_key(self, ctx: RuleContext) -> bool:
        """A client class serving streaming and HeyGen's other APIs with one keyed session
        (:mod:`..analysis.shared_clients`): each streaming request sends the LiveAvatar key."""
        if "H2L401" not in ctx.selected and ctx.selected:
            return False  # the streaming requests would keep HeyGen's base
        if ctx.shared.get(WRAPPER_SPLIT_COVERS_STREAMING):
            return True  # the streaming requests go through a wrapper sending the LiveAvatar key
        split = module_split(ctx.index, ctx.literals.hosts, ctx.requests)
        if split is None:
            # A client of its own for the streaming requests, built with the LiveAvatar key,
            # or the LiveAvatar key in each streaming request's headers.
            return module_split_covers_streaming(ctx) is not None or default_key_headers(ctx)
        header = cst.parse_expression(f'{{"X-API-KEY": os.environ["{LIVEAVATAR_API_KEY_NAME}"]}}')
        for request in split.keyless_requests:
            ctx.transform(request.node, with_keyword("headers", header))
            ctx.fixed(
                request.node,
                f"this streaming request sends `{LIVEAVATAR_API_KEY_NAME}` (the client's default "
                "key is HeyGen's, which its other APIs keep)",
            )
        ctx.require_import("os")
        return True

    def _split_key_helper(self, ctx: RuleContext, site: StringSite) -> bool:
        """A headers helper serving streaming and HeyGen's other APIs
        (:mod:`..analysis.key_helpers`): the streaming requests call a LiveAvatar sibling."""
        split = key_helper_split(ctx.index, site, ctx.requests)
        if split is None:
            return False
        if split.sibling_exists:
            return True  # split by a first run: the helper's key serves HeyGen's other APIs
        helper, new_name = split.helper.name.value, split.new_name
        sibling = cst.parse_statement(
            f"def {new_name}():\n"
            f'    """`{helper}()`\'s headers with the LiveAvatar key: HeyGen\'s other APIs keep `{helper}()`."""\n'
            f"    headers = {{k: v for k, v in {helper}().items() "
            f'if k.lower() not in ("authorization", "x-api-key")}}\n'
            f'    headers["X-API-KEY"] = os.environ["{LIVEAVATAR_API_KEY_NAME}"]\n'
            f"    return headers\n"
        ).with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine()])
        if not ctx.insert_after(split.helper, [sibling]):
            return False
        for call in split.streaming_calls:
            ctx.transform(call.func, lambda _updated: cst.Name(new_name))
        ctx.require_import("os")
        return True

    def _split_key(self, ctx: RuleContext, site: StringSite) -> bool:
        """``HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")`` in a settings module whose key also
        serves HeyGen's other APIs: a LiveAvatar sibling is defined right after it, and the
        streaming modules that import the key use the sibling (:meth:`_use_split_key`)."""
        assignment = module_key_assignment(site)
        if assignment is None:
            return False
        statement, assign = assignment
        target = assign.targets[0].target
        assert isinstance(target, cst.Name)
        sibling = split_key_name(target.value)
        if sibling is None:
            return False
        if sibling in ctx.index.module_scope.assignments:
            return True  # the LiveAvatar key is there already (a first run, or by hand)
        text = (
            cst.Module([])
            .code_for_node(assign.value)
            .replace(site.value, LIVEAVATAR_API_KEY_NAME, 1)
        )
        line = cst.parse_statement(f"{sibling} = {text}\n")
        if not ctx.insert_after(statement, [line]):
            return False
        ctx.fixed(
            site.node,
            f"`{target.value}` keeps serving HeyGen's other APIs; `{sibling}` (read from "
            f"`{LIVEAVATAR_API_KEY_NAME}`) is the key of the LiveAvatar calls",
        )
        return True

    def _use_split_key(self, ctx: RuleContext) -> None:
        """In a module that only calls streaming endpoints, an imported shared HeyGen key
        becomes its LiveAvatar sibling (defined by :meth:`_split_key` in the settings module)."""
        if any(r.is_other_heygen_api for r in ctx.requests):
            return
        for local, qualified, sibling in imported_shared_keys(ctx.index):
            for node in name_reads(ctx.index, local):
                ctx.replace(node, cst.Name(sibling))
            module = qualified.rsplit(".", 1)[0]
            ctx.require_import(module, sibling)
            ctx.prune_if_unused({local})
            ctx.fixed(
                ctx.index.module,
                f"streaming calls use `{sibling}` (the LiveAvatar key) instead of `{local}`",
            )
