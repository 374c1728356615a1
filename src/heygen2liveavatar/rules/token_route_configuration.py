"""A backend that only minted HeyGen tokens for the browser sends the session configuration.

LiveAvatar's browser SDK starts the session from the token alone, so the configuration
(``mode``, ``avatar_id``, ``avatar_persona``) moves into the token request. The avatar is the
one the project already configures (:mod:`..analysis.avatar_setting`; else the one environment
variable the project reads an avatar from, ``ProjectFacts.avatar_env_names``), else an
environment variable with a marker.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.avatar_setting import configured_avatar
from ..analysis.http import RequestSite, wrapper_body_parameter
from ..analysis.layout import append_arg
from ..analysis.payloads import empty_body
from ..analysis.session_flow import SessionFlow
from ..apispec.session_fields import AVATAR_ID, AVATAR_ID_SETTING, MODE_FULL, PERSONA_VOICE_ID
from .base import RuleContext


def send_configuration(ctx: RuleContext, flow: SessionFlow, request: RequestSite) -> bool:
    """Send ``mode``, ``avatar_id`` and ``avatar_persona`` as the token request's body, in the
    keyword its client takes; ``False`` when the request already sends a body or its client
    is unknown."""
    client = flow.tracker.client_of(request)
    keyword = "json"
    if client == "wrapper":
        wrappers = ctx.project.wrapper_bodies if ctx.project is not None else ()
        parameter = wrapper_body_parameter(
            ctx.index, request.node, {n: (p, i) for n, p, i in wrappers}
        )
        if parameter is None:
            return False
        keyword = parameter[0]
    elif client == "urllib":
        keyword = "data"
    elif client not in ("requests", "httpx", "aiohttp", "client"):
        return False
    body = request.payload
    if body is not None and not empty_body(body.value):
        return False
    avatar = configured_avatar(ctx.index, request.call.context)
    configured = sorted(ctx.project.avatar_env_names) if ctx.project is not None else []
    if avatar is None and len(configured) == 1:
        # ``AVATAR_ID=os.environ.get("DASH_AVATAR")`` in the app factory, the token minted in
        # a helper module taking only the key: the variable the user already sets.
        ctx.require_import("os")
        avatar = cst.parse_expression(f'os.environ["{configured[0]}"]')
        ctx.manual(
            request.node,
            f"set `{configured[0]}` (the avatar this project configures) to the UUID of the "
            "avatar's LiveAvatar copy (app.liveavatar.com copies HeyGen avatars under new ids)",
        )
    if avatar is None:
        ctx.require_import("os")
        avatar = cst.parse_expression(f'os.environ["{AVATAR_ID_SETTING}"]')
        ctx.manual(
            request.node,
            f"set `{AVATAR_ID_SETTING}` to the UUID of your avatar's LiveAvatar copy "
            "(app.liveavatar.com copies HeyGen avatars under new ids)",
        )
    config = cst.Dict(
        [
            cst.DictElement(cst.SimpleString('"mode"'), cst.SimpleString(f'"{MODE_FULL}"')),
            cst.DictElement(cst.SimpleString(f'"{AVATAR_ID[0]}"'), avatar),
            # Required in FULL mode (3.3); empty means the avatar's own voice and defaults.
            cst.DictElement(cst.SimpleString(f'"{PERSONA_VOICE_ID[0]}"'), cst.Dict([])),
        ]
    )

    value: cst.BaseExpression = config
    if client == "urllib":
        # urllib sends bytes: ``data=json.dumps({...}).encode()``.
        ctx.require_import("json")
        dumped = cst.Call(cst.Attribute(cst.Name("json"), cst.Name("dumps")), [cst.Arg(config)])
        value = cst.Call(cst.Attribute(dumped, cst.Name("encode")))

    # The empty body goes: found by its keyword, or (a wrapper's ``self._post(path, {})``)
    # by its position, since the call handed to ``add`` is rebuilt.
    body_keyword = body.keyword.value if body is not None and body.keyword is not None else None
    body_position = (
        next((i for i, a in enumerate(request.node.args) if a is body), None)
        if body is not None and body_keyword is None
        else None
    )

    def add(updated: cst.CSTNode) -> cst.CSTNode:
        assert isinstance(updated, cst.Call)
        if body_position is not None and body_position < len(updated.args):
            # A positional body stays where it is: arguments after it (``headers``) would
            # otherwise move into its place, ``self._post(path, headers, body={...})``.
            in_place = list(updated.args)
            in_place[body_position] = in_place[body_position].with_changes(value=value)
            return updated.with_changes(args=in_place)
        args = [
            a
            for i, a in enumerate(updated.args)
            if a is not body
            and i != body_position
            and not (a.keyword is not None and a.keyword.value == body_keyword)
        ]
        new_arg = cst.Arg(
            value,
            keyword=cst.Name(keyword),
            equal=cst.AssignEqual(
                whitespace_before=cst.SimpleWhitespace(""),
                whitespace_after=cst.SimpleWhitespace(""),
            ),
        )
        return updated.with_changes(args=append_arg(args, new_arg))

    if not ctx.transform(request.node, add):
        return False
    ctx.fixed(
        request.node,
        'sends the session configuration (`mode: "FULL"`, `avatar_id`, `avatar_persona`) '
        "with the token request",
    )
    return True


__all__ = ["send_configuration"]
