from . import heygen
from . import liveavatar_bridge


def open_session(avatar):
    # TODO(heygen2liveavatar): H2L101 the avatar id in this body (and any voice or knowledge-base id) must be the UUID of its LiveAvatar copy (see app.liveavatar.com); voices are not migrated
    data = liveavatar_bridge.with_heygen_names(
        liveavatar_bridge.start_session(
            heygen.streaming(
                "token",
                **liveavatar_bridge.session_body(
                    {"avatar_name": avatar, "version": "v2"}, "FULL"
                ),
            )
        )
    )
    return data["url"], data["access_token"]


def say(session_id, text):
    liveavatar_bridge.emit(session_id, "avatar.speak_text", text=text)
