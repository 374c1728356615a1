"""A person typing into `python talk.py`, with the printed room opened in a browser."""

import io

import e2e_support
import talk

typed = io.StringIO(
    "/say Hello, I am the museum guide.\n"
    "Which painting is the oldest here?\n"
    "/interrupt\n"
    "/quit\n"
)
rc = talk.main(stdin=typed, on_room=e2e_support.viewer.join)
assert rc == 0
