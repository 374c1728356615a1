"""Calls that sent the HeyGen token, where the API key the create_token call sent is not in
reach (the getter was given it as a parameter: ``get_token(api_key)`` called elsewhere).

``def new_session(token, avatar_id): requests.post(..., headers=_bearer(token))`` with the
token from ``get_token(os.environ["HEYGEN_API_KEY"])`` in another module: the token call
(formerly ``streaming.new``) sends the LiveAvatar key read from ``LIVEAVATAR_API_KEY``, as a
call whose token came from another module's getter does (``imported_token_auth``); stop and
keep-alive take the session's own token, which the bridge kept when the session started.
"""

from __future__ import annotations

from ..analysis.http import RequestSite
from ..analysis.session_flow import session_id_expression
from .base import RuleContext
from .bridge_calls import wrap_headers_with_bearer
from .imported_token_auth import send_the_api_key


def unreachable_key_auth(ctx: RuleContext, request: RequestSite) -> bool:
    """Authenticate ``request`` (sending the HeyGen token in its headers) without that token;
    False (nothing recorded) when it cannot."""
    if request.headers is None:
        return False
    key = request.endpoint.key if request.endpoint is not None else None
    if key == "new":
        return send_the_api_key(ctx, request.headers.value)
    if key not in ("stop", "keep_alive"):
        return False
    session_id = session_id_expression(request, ctx.index)
    if session_id is None or not wrap_headers_with_bearer(ctx, request, session_id):
        return False
    ctx.fixed(
        request.headers.value,
        "authenticates with the session token (`liveavatar_bridge.bearer_headers`): the HeyGen "
        "token it was given does not exist on LiveAvatar",
    )
    return True


__all__ = ["unreachable_key_auth"]
