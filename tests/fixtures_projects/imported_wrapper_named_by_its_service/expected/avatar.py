"""Every call goes through `heygen(path, body)` of another module: its task and interrupt calls
send (the project facts read the helper), and the helper's own module sends the LiveAvatar key."""
from heygen import heygen
import liveavatar_bridge


def open_avatar(avatar_id):
    # TODO(heygen2liveavatar): H2L101 the avatar id in this body (and any voice or knowledge-base id) must be the UUID of its LiveAvatar copy (see app.liveavatar.com); voices are not migrated
    # TODO(heygen2liveavatar): H2L101 the session is started on `$LIVEAVATAR_API_URL` (default https://api.liveavatar.com), not on this wrapper's configured base: pass the URL this token request goes to as `liveavatar_bridge.start_session`'s second argument
    data = liveavatar_bridge.start_session(
        heygen(
            "/v1/sessions/token",
            liveavatar_bridge.session_body(dict(avatar_id=avatar_id, version="v2"), "FULL"),
        )
    )
    return data["session_id"], data["livekit_url"], data["livekit_client_token"]


def say(session_id, text):
    liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)


def interrupt(session_id):
    liveavatar_bridge.emit(session_id, "avatar.interrupt")


def close(session_id):
    heygen("/v1/sessions/stop", dict(session_id=session_id))
