"""How a migrated session flow authenticates once HeyGen's ``create_token`` token is gone.

LiveAvatar has no token before the session: ``/v1/sessions/token`` and stop/keep-alive take
the API key (``X-API-KEY``), later calls the session token. These steps copy the API-key
headers the ``create_token`` call sent onto the token call and onto wrappers that build their
own headers (``auth_headers=``), remove the token fetch and its header entries, and give
stop and keep-alive ``liveavatar_bridge.bearer_headers(session_id)``.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from ..analysis import token_call_auth
from ..analysis.dead_code import names_in
from ..analysis.edits import with_pending_edits
from ..analysis.http import RequestSite
from ..analysis.index import Context
from ..analysis.layout import append_arg
from ..analysis.responses import ResponseTracker
from ..analysis.session_flow import (
    SessionFlow,
    TokenPlumbing,
    authorization_entry,
    client_default_tokens,
    session_flow,
    session_id_expression,
)
from ..analysis.token_call_auth import (
    copied_auth_keywords,
    create_token_api_key_at,
    optional_token_keyword,
    passes_heygen_token,
    sends_no_token,
    session_token_unreachable,
    token_headers_at,
)
from ..apispec import API_KEY_HEADER
from .base import RuleContext
from .bridge_calls import wrap_headers_with_bearer
from .copied_key_reads import note_copied_key_read
from .imported_token_auth import send_the_api_key
from .unreachable_key_auth import unreachable_key_auth
from .wrapper_auth import pass_auth_headers

KEY_IN_CLIENT_DEFAULTS = (
    "the client's default headers carry the API key the create_token call sent, not its "
    "token: the token call, stop and keep-alive authenticate with it"
)


def api_key_headers(ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
    """The token call authenticates with the API key the create_token call sent."""
    if request.headers is None:
        if flow.tracker.client_of(request) == "wrapper":
            _wrapper_api_key(ctx, flow, request)
        return
    if sends_no_token(flow.tracker, request):
        return  # already an API-key header
    if flow.plumbing and all(r.headers is None for r in flow.token_requests):
        return  # create_token relied on the client's default headers: so does this call now
    sources = token_headers_at(ctx.index, flow.token_requests, request)
    if sources:
        original = sources[0]

        def copy(_updated: cst.CSTNode) -> cst.CSTNode:
            return with_pending_edits(ctx.edits, original)

        if ctx.transform(request.headers.value, copy):
            note_copied_key_read(ctx, original, request.headers.value)
            # ``tok = request.json["token"]`` sent only in the Bearer header it replaces.
            ctx.prune_if_unused(names_in(request.headers.value))
            ctx.fixed(
                request.headers.value,
                "authenticates the token call with the API key the create_token call sent",
            )
        return
    if not flow.token_requests and send_the_api_key(ctx, request.headers.value):
        return
    if unreachable_key_auth(ctx, request):
        return
    ctx.manual(
        request.node,
        "authenticate /v1/sessions/token with the LiveAvatar API key (`X-API-KEY` header), "
        "not a token",
    )


def _wrapper_api_key(ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> None:
    """A wrapper given the HeyGen token builds its own headers: pass the API key's.

    In a flow whose token authenticated ``streaming.new``, the token a wrapper gets for
    stop or keep-alive is that token too, wherever the code kept it (a dict by session).
    """
    key = request.endpoint.key if request.endpoint is not None else None
    token_given = passes_heygen_token(flow.tracker, request)
    if not token_given and key == "new" and flow.paired:
        # The token call (formerly streaming.new) through a wrapper that builds a Bearer
        # header from the token it keeps itself: it takes the create_token call's way in,
        # the wrapper's own keywords or, for a create_token call made beside the wrapper,
        # its headers (below).
        if _copy_auth_arguments(ctx, flow, request):
            return
    elif not (flow.paired and key in ("stop", "keep_alive")) and not token_given:
        return
    for original in token_headers_at(ctx.index, flow.token_requests, request):

        def copied(original: cst.BaseExpression = original) -> cst.BaseExpression:
            copy = with_pending_edits(ctx.edits, original)
            assert isinstance(copy, cst.BaseExpression)
            return copy

        if pass_auth_headers(ctx, request, copied):
            ctx.fixed(
                request.node,
                "authenticates with the API key the create_token call sent (`auth_headers=`)",
            )
            return
    if _copy_auth_arguments(ctx, flow, request) or _drop_optional_token(ctx, flow, request):
        return
    ctx.manual(
        request.node,
        "authenticate this call with the LiveAvatar API key (`X-API-KEY` header), not the "
        "HeyGen token: LiveAvatar has no token before the session",
    )


def _copy_auth_arguments(ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> bool:
    """The create_token call chose the wrapper's API-key headers with literal keywords of its
    own: a call of the same wrapper that now authenticates with the API key passes the same
    keywords (:func:`..analysis.token_call_auth.copied_auth_keywords`)."""
    copied = copied_auth_keywords(flow.token_requests, request)
    if copied is None:
        return False

    def add(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        args = list(updated.args)
        for arg in copied:
            args = append_arg(args, arg.with_changes(comma=cst.MaybeSentinel.DEFAULT))
        return updated.with_changes(args=args)

    if not ctx.transform(request.node, add):
        return False
    ctx.fixed(
        request.node,
        "authenticates with the API key as the create_token call did ("
        + ", ".join(f"`{a.keyword.value}=`" for a in copied if a.keyword is not None)
        + "): LiveAvatar has no token before the session",
    )
    return True


def _drop_optional_token(ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> bool:
    """An optional token argument the wrapper sends the API key without
    (:func:`..analysis.token_call_auth.optional_token_keyword`): the argument goes, and the
    wrapper authenticates with its key."""
    found = optional_token_keyword(ctx.index, flow.tracker, request, ctx.project)
    if found is None:
        return False
    argument = found.argument
    keyword = found.parameter

    def drop(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        if not found.positional:
            args = [a for a in updated.args if a.keyword is None or a.keyword.value != keyword]
            if args:
                args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
            return updated.with_changes(args=args)
        # positional arguments come first: other rules' edits (a body's keywords) keep them
        position = request.node.args.index(argument)
        if not found.last:
            # later positional arguments keep their places
            args = list(updated.args)
            args[position] = args[position].with_changes(value=cst.Name("None"))
            return updated.with_changes(args=args)
        args = [a for i, a in enumerate(updated.args) if i != position]
        if args and position == len(args):
            args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return updated.with_changes(args=args)

    if not ctx.transform(request.node, drop):
        return False
    spelled = f"`{found.parameter}=`" if not found.positional else f"the `{found.parameter}`"
    done = "drops" if found.last else "passes `None` for"
    ctx.fixed(
        request.node,
        f"{done} {spelled}: without it `{found.wrapper}` sends the API key, which this call "
        "takes (LiveAvatar has no token before the session)",
    )
    return True


def remove_token_plumbing(ctx: RuleContext, plumbing: TokenPlumbing) -> bool:
    """Remove the create_token fetch and its header entries; stop and keep-alive get the
    session token. ``False`` (nothing recorded) when a statement is suppressed or a stop or
    keep-alive call has no session id to find the token by."""
    if any(ctx.is_suppressed(s) for s in plumbing.statements):
        return False
    if session_token_unreachable(ctx.index, plumbing):
        return False
    api_keys = [_api_key_entry(ctx, plumbing.request, d) for d, _e in plumbing.client_defaults]
    assigned_keys = [
        _api_key_entry(ctx, plumbing.request, a) for a in plumbing.client_default_assignments
    ]
    if any(entry is None for entry in [*api_keys, *assigned_keys]):
        return False
    for statement in plumbing.statements:
        ctx.edits.remove(statement)
    for (_dict, element), entry in zip(plumbing.client_defaults, api_keys):
        assert entry is not None
        ctx.replace(element, entry.with_changes(comma=element.comma))
        ctx.fixed(element, KEY_IN_CLIENT_DEFAULTS)
    for assignment, entry in zip(plumbing.client_default_assignments, assigned_keys):
        assert entry is not None
        ctx.transform(assignment, _assigning(entry))
        ctx.fixed(assignment, KEY_IN_CLIENT_DEFAULTS)
    for dict_node, element in plumbing.header_entries:
        ctx.transform(dict_node, lambda updated: _without_authorization(updated))
        ctx.fixed(element, "drops the HeyGen token header: LiveAvatar calls authenticate otherwise")
    for user in plumbing.users:
        key = user.endpoint.key if user.endpoint is not None else None
        if key not in ("stop", "keep_alive"):
            continue
        session_id = session_id_expression(user, ctx.index)
        assert session_id is not None
        if wrap_headers_with_bearer(ctx, user, session_id):
            ctx.fixed(
                user.headers.value if user.headers is not None else user.node,
                "authenticates with the session token (`liveavatar_bridge.bearer_headers`)",
            )
    return True


def create_token_api_key(
    ctx: RuleContext, tracker: ResponseTracker, request: RequestSite, target: Context
) -> cst.BaseExpression | None:
    """:func:`..analysis.token_call_auth.create_token_api_key` in ``ctx``'s module."""
    return token_call_auth.create_token_api_key(ctx.index, tracker, request, target)


def _assigning(entry: cst.DictElement) -> Callable[[cst.CSTNode], cst.CSTNode]:
    """``client.headers["Authorization"] = <token>`` -> ``client.headers[<entry's key>] =
    <entry's value>``."""

    def assign(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Assign)
        target = updated.targets[0].target
        assert isinstance(target, cst.Subscript)
        element = target.slice[0].with_changes(slice=cst.Index(entry.key))
        subscript = target.with_changes(slice=[element])
        assert isinstance(entry.value, cst.BaseExpression)
        return updated.with_changes(
            targets=[updated.targets[0].with_changes(target=subscript)], value=entry.value
        )

    return assign


def api_key_in_client_defaults(ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> bool:
    """The create_token ``request`` went without its plumbing (a placeholder token stays):
    the client default headers that sent its token send the API key it sent instead, or
    ``False`` (nothing recorded) when that key cannot be written there."""
    holders = client_default_tokens(flow.tracker, flow.auth_classes)
    entries = [_api_key_entry(ctx, request, holder) for holder in holders]
    if any(entry is None for entry in entries):
        return False
    for holder, entry in zip(holders, entries):
        assert entry is not None
        if isinstance(holder, cst.Assign):
            ctx.transform(holder, _assigning(entry))
        else:
            ctx.replace(holder, entry.with_changes(comma=holder.comma))
        ctx.prune_if_unused(names_in(holder.value))  # the placeholder token, read nowhere now
        ctx.fixed(holder, KEY_IN_CLIENT_DEFAULTS)
    return True


def _api_key_entry(
    ctx: RuleContext, request: RequestSite, target: cst.CSTNode
) -> cst.DictElement | None:
    """The API-key entry of the create_token call's headers, as it reads where ``target`` is."""
    tracker = session_flow(ctx.shared, ctx.index, ctx.requests, ctx.project).tracker
    original = create_token_api_key_at(ctx.index, tracker, request, target)
    if original is None:
        return None
    value = with_pending_edits(ctx.edits, original)
    assert isinstance(value, cst.BaseExpression)
    note_copied_key_read(ctx, original, target)
    return cst.DictElement(cst.SimpleString(f'"{API_KEY_HEADER}"'), value)


def _without_authorization(node: cst.CSTNode) -> cst.CSTNode:
    """The dict minus its ``Authorization`` entry (a no-op once another rule replaced it)."""
    assert isinstance(node, cst.Dict)
    elements = list(node.elements)
    entry = authorization_entry(node)
    if entry is None:
        return node
    position = elements.index(entry)
    removed = elements.pop(position)
    if elements and position == len(elements):
        elements[-1] = elements[-1].with_changes(comma=removed.comma)
    return node.with_changes(elements=elements)


__all__ = ["api_key_headers", "api_key_in_client_defaults", "remove_token_plumbing"]
