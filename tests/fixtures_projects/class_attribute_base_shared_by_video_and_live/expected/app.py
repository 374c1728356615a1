import os

from studio import Studio

# TODO(heygen2liveavatar): H2L402 `HEYGEN_API_KEY` also serves non-streaming HeyGen calls; read a separate `LIVEAVATAR_API_KEY` for the LiveAvatar calls
studio = Studio(os.environ["HEYGEN_API_KEY"])


def welcome_video():
    # the video API keeps HeyGen's avatars
    return studio.render("Anna_public_3_20240108", "Welcome!")


def live(avatar_id):
    return studio.go_live(avatar_id)
